// Decides what kind of target a figure sets, from the words around it: one rule per construction, each named in
// rules.ts, in the order that resolves their overlaps (growth before every-year, every-year before a total …).
import type { Messages } from '../errors.ts';
import { Decimal, toCanonical } from '../decimal.ts';
import type { Direction, TargetSpec, Term } from '../targets/target.ts';
import type { Figure } from './figures.ts';
import { EVERY_YEAR, WHOLE_TERM, baselinePeriod } from './periods.ts';
import type { RuleId } from './rules.ts';
import type { DraftReading } from './types.ts';

export interface FigureContext {
  figure: Figure;
  /** The words between the previous figure (or the clause start) and this figure, and the sentence's lead-in. */
  pre: string;
  lead: string;
  /** The words after the figure up to the next figure (or the clause end). */
  post: string;
  term: Term;
  year: number;
  /** A period written in the statement ("giai đoạn 2026 - 2030"): a total or an average over it. */
  period: Term | null;
  /** Whether a year is written in the statement or its lead-in (else `year` is the term's last). */
  yearStated?: boolean;
}

const CREATE_VERBS =
  /(?:thành lập|hoàn thành|xây dựng|xây mới|có thêm|tăng thêm|thêm|trồng mới|phát triển mới|kết nạp|tạo việc làm|giải quyết việc làm|cấp mới|đào tạo)(?:\s+(?:mới|được|khoảng|từ|ít nhất|tối thiểu|trên))*\s*$/iu;
/** Indicators that are better when lower (a small lexicon of the usual ones). */
const LOWER_BETTER =
  /hộ nghèo|thất nghiệp|tử vong|suy dinh dưỡng|ô nhiễm|tai nạn|tội phạm mới|chi phí|thất thoát|nợ xấu/iu;
const GROWTH = /tăng(?: trưởng)?|tốc độ/iu;
const DECREASE = /giảm(?:\s+(?:bình quân|ít nhất|khoảng))?\s*$/iu;

const NOTE = {
  strictGrowth: {
    vi: '"trên / hơn" với tăng trưởng bình quân: định dạng chỉ ghi được ngưỡng không chặt (min)',
    en: '"trên / hơn" on average growth: the format only holds a non-strict minimum',
  },
  strictFlow: {
    vi: 'mức chặt / "trở lên" với chỉ tiêu hằng năm hoặc tổng giai đoạn: định dạng chỉ ghi được giá trị',
    en: 'a strict bound / "trở lên" on a yearly or cumulative target: the format only holds the value',
  },
  factorRange: {
    vi: '"gấp a–b lần": định dạng chưa có hệ số trên, chỉ ghi hệ số dưới',
    en: '"gấp a–b lần": the format has no upper factor; the lower one is kept',
  },
  pointsOrRelative: {
    vi: '"giảm N%": nếu là điểm phần trăm thì định dạng chưa ghi được (cần mức gốc)',
    en: '"giảm N%": read as percentage points it cannot be expressed yet (needs the baseline)',
  },
} satisfies Record<string, Messages>;

function base(ctx: FigureContext, direction: Direction) {
  return { direction, term: ctx.term, precision: ctx.figure.precision };
}

function reading(ctx: FigureContext, spec: TargetSpec, rules: RuleId[], notExpressible: Messages[] = []): DraftReading {
  const f = ctx.figure;
  const scaled = f.scale !== null;
  return {
    kind: spec.kind,
    spec,
    unit: f.unit,
    ...(scaled
      ? {
          exact: {
            ...(f.max === undefined ? { value: f.exactMin } : { min: f.exactMin, max: f.exactMax ?? f.exactMin }),
            unit: f.baseUnit ?? '',
          },
        }
      : {}),
    rules: scaled ? [...rules, 'scale-word'] : rules,
    notExpressible,
  };
}

function directionOf(ctx: FigureContext): Direction {
  return LOWER_BETTER.test(ctx.pre) || LOWER_BETTER.test(ctx.post) ? 'lower_better' : 'higher_better';
}

/** The readings of one figure; two when the wording allows two (the preferred one first). */
export function readFigure(ctx: FigureContext): DraftReading[] {
  const f = ctx.figure;
  const near = ctx.pre.slice(-60);
  const percent = f.unit !== null && f.unit.startsWith('%');
  const orMore = f.after === 'or_more' || /^[^;]*?trở lên/u.test(ctx.post) || /trở lên/u.test(f.text);

  if (f.unit === 'lần' && /(?:gấp|tăng)(?:\s+\p{L}+){0,2}\s*$/u.test(near)) return multiple(ctx, /gấp/u.test(near));

  if (percent && DECREASE.test(near)) return decrease(ctx);

  // "giảm còn dưới 1%/năm", "còn 0,8%/năm": a rate brought down to a level (the unit of a rate), not a growth.
  const downTo =
    f.qualifier === 'below' || f.qualifier === 'at_most' || f.qualifier === 'down_to' || /còn\s*$/u.test(near);
  // "bình quân đạt", "bình quân giai đoạn 2025 - 2030 phấn đấu đạt": the average sits a period and a verb away.
  const averaged =
    /bình quân(?:\s+(?:giai đoạn|thời kỳ)\s+\d{4}\s*(?:-|–|—)\s*\d{4})?(?:\s+(?:phấn đấu|đạt|là|ở mức))*\s*$/u.test(
      near,
    );
  if (percent && !downTo && (f.unit === '%/năm' || averaged) && GROWTH.test(`${ctx.lead} ${ctx.pre}`)) {
    return [averageGrowth(ctx, ctx.period ? ['growth-per-year', 'period-stated'] : ['growth-per-year'])];
  }

  // "thu ngân sách tăng trên 12%": no "/năm" and no "bình quân": a growth each year, or the increase over the whole
  // term. A person must choose: both readings, the yearly one first.
  if (f.unit === '%' && !downTo && /(?:^|\s)tăng(?:\s+trưởng)?\s*$/u.test(near)) return increase(ctx);

  const strictNotes = f.qualifier === 'above' || f.qualifier === 'below' || orMore ? [NOTE.strictFlow] : [];
  // "2.000 doanh nghiệp/năm", "tối thiểu 3%/năm" (not a growth): a count or a rate each year. An income per head
  // "90 triệu đồng/năm" is a level, not a flow.
  const perYear =
    /\/năm$/u.test(f.unit ?? '') &&
    !/\/người\/năm$/u.test(f.unit ?? '') &&
    !downTo &&
    !/bình quân đầu người|thu nhập/iu.test(ctx.pre);
  // "Phấn đấu hằng năm có trên 90% …; trên 90% …": the lead-in's words before its first figure govern the list.
  const leadHead = ctx.lead.split(/\d/u)[0] ?? '';
  if (perYear || EVERY_YEAR.test(`${ctx.pre} ${ctx.post.split(/[,;]/u)[0] ?? ''} ${leadHead}`)) {
    return [
      reading(
        ctx,
        {
          kind: 'yearly_flow',
          ...base(ctx, directionOf(ctx)),
          value: f.min,
          ...(f.max !== undefined ? { max: f.max } : {}),
        },
        ['every-year'],
        strictNotes,
      ),
    ];
  }

  if (
    !percent &&
    f.min === '1' &&
    f.max === undefined &&
    (f.qualifier === 'from' || f.qualifier === 'at_least') &&
    orMore
  ) {
    return [
      reading(ctx, { kind: 'milestone', ...base(ctx, 'higher_better'), description: '', dueYear: ctx.year }, [
        'at-least-one',
      ]),
    ];
  }

  const created =
    CREATE_VERBS.test(near) || (nameless(ctx.pre) && CREATE_VERBS.test(ctx.lead.replace(/\d[\d.,\s-]*[^;]*$/u, '')));
  const wholeTerm = ctx.period !== null || WHOLE_TERM.test(ctx.pre);
  if (!percent && (created || (wholeTerm && !/%|\//u.test(f.unit ?? '')))) {
    const rules: RuleId[] = ['cumulative-period'];
    if (ctx.period) rules.push('period-stated');
    return [
      reading(
        ctx,
        {
          kind: 'cumulative',
          ...base(ctx, 'higher_better'),
          term: ctx.period ?? ctx.term,
          value: f.min,
          ...(f.max !== undefined ? { max: f.max } : {}),
        },
        f.qualifier === 'about' ? [...rules, 'approximately'] : rules,
        strictNotes,
      ),
    ];
  }

  // "huy động vốn đầu tư bình quân 32% GRDP", "giai đoạn 2021 - 2025 …, chiếm 36% GRDP": a share averaged over the
  // period, not the last year's.
  if (percent && f.unit !== '%/năm' && (averaged || (ctx.period !== null && /chiếm\s*$/u.test(near)))) {
    const period = ctx.period ?? ctx.term;
    return [
      reading(
        ctx,
        {
          kind: 'term_average',
          ...base(ctx, directionOf(ctx)),
          term: period,
          min: f.min,
          ...(f.max !== undefined ? { max: f.max } : {}),
        },
        ['term-average'],
      ),
    ];
  }

  if (f.max !== undefined) {
    return [
      reading(ctx, { kind: 'range_at_end', ...base(ctx, 'band'), min: f.min, max: f.max, year: ctx.year }, [
        'range-band',
      ]),
    ];
  }
  // "tỷ lệ che phủ rừng duy trì 60%" ("ổn định ở mức 60%"): keep it at least there (at most, for an indicator better when lower).
  const maintain =
    f.qualifier === null && f.after === null && /(?:^|\s)(?:duy trì|ổn định|giữ vững)(?:\s|$)/u.test(near);
  const op =
    f.qualifier === 'above'
      ? '>'
      : f.qualifier === 'below'
        ? '<'
        : f.qualifier === 'at_least' || f.qualifier === 'from' || orMore
          ? '>='
          : f.qualifier === 'at_most' || f.after === 'or_less'
            ? '<='
            : maintain
              ? directionOf(ctx) === 'lower_better'
                ? '<='
                : '>='
              : null;
  let first: DraftReading;
  if (op !== null) {
    const rule: RuleId = maintain
      ? 'maintain'
      : op === '>'
        ? 'bound-above'
        : op === '<'
          ? 'bound-below'
          : op === '>='
            ? 'bound-at-least'
            : 'bound-at-most';
    first = reading(
      ctx,
      {
        kind: 'threshold',
        ...base(ctx, op === '<' || op === '<=' ? 'lower_better' : 'higher_better'),
        op,
        value: f.min,
        year: ctx.year,
      },
      [rule],
    );
  } else {
    const down = f.qualifier === 'down_to';
    const rules: RuleId[] = down
      ? ['down-to']
      : f.qualifier === 'about'
        ? ['level-plain', 'approximately']
        : ['level-plain'];
    first = reading(
      ctx,
      {
        kind: 'level_at_end',
        ...base(ctx, down ? 'lower_better' : directionOf(ctx)),
        value: f.min,
        year: ctx.year,
      },
      rules,
    );
  }
  // "Tổng vốn đầu tư toàn xã hội trên 75.000 tỷ đồng" with no year and no period: the last year's figure, or the sum
  // of the term's years. Resolutions write both; a person must choose.
  if (
    !ctx.yearStated &&
    ctx.period === null &&
    /(?:^|\s)(?:tổng|vốn đầu tư)\s/iu.test(` ${ctx.pre}`) &&
    MONEY.test(f.unit ?? '')
  ) {
    const total = reading(
      ctx,
      { kind: 'cumulative', ...base(ctx, 'higher_better'), term: ctx.term, value: f.min },
      ['total-or-level'],
      f.qualifier === 'above' || f.qualifier === 'below' || orMore ? [NOTE.strictFlow] : [],
    );
    return [{ ...first, rules: [...first.rules, 'total-or-level'] }, total];
  }
  return [first];
}

const MONEY = /(?:đồng|USD|VNĐ)$/u;

function nameless(pre: string): boolean {
  return pre.replace(/[\s,.;:]/gu, '').length === 0;
}

/** "gấp 1,5 lần so với giai đoạn 2020 - 2025"; "tăng 2 lần" also reads as ×3 (increase by twice), shown second. */
function multiple(ctx: FigureContext, gap: boolean): DraftReading[] {
  const f = ctx.figure;
  const baseline = baselinePeriod(ctx.post) ?? baselinePeriod(ctx.pre);
  const period = baseline?.period ?? String(ctx.term.firstYear - 1);
  const compare = baseline !== null && baseline.period.includes('-') ? 'term_total' : 'final_level';
  const rules: RuleId[] = baseline?.officeTerm ? ['multiple-of-baseline', 'term-of-office'] : ['multiple-of-baseline'];
  const notes = f.max !== undefined ? [NOTE.factorRange] : [];
  const make = (factor: string): DraftReading =>
    reading(
      ctx,
      { kind: 'multiple_of_baseline', ...base(ctx, 'higher_better'), factor, baselinePeriod: period, compare },
      rules,
      notes,
    );
  if (gap) return [make(f.min)];
  return [make(f.min), make(toCanonical(new Decimal(f.min).plus(1)))];
}

/** Average yearly growth of the figure over the clause's period (else the term), from the year before it. */
function averageGrowth(ctx: FigureContext, rules: Parameters<typeof reading>[2]): DraftReading {
  const f = ctx.figure;
  const period = ctx.period ?? ctx.term;
  return reading(
    ctx,
    {
      kind: 'growth_average',
      ...base(ctx, 'higher_better'),
      term: period,
      min: f.min,
      ...(f.max !== undefined ? { max: f.max } : {}),
      averaging: 'geometric',
      baseYear: period.firstYear - 1,
    },
    rules,
    f.qualifier === 'above' ? [NOTE.strictGrowth] : [],
  );
}

/** "tăng 12%": average growth of 12 %/năm over the term, or the final level 1,12 times the base year's. */
function increase(ctx: FigureContext): DraftReading[] {
  const f = ctx.figure;
  return [
    averageGrowth(ctx, ['increase-percent', 'growth-per-year']),
    reading(
      ctx,
      {
        kind: 'multiple_of_baseline',
        ...base(ctx, 'higher_better'),
        factor: toCanonical(new Decimal(100).plus(f.min).div(100)),
        baselinePeriod: String(ctx.term.firstYear - 1),
        compare: 'final_level',
      },
      ['increase-percent'],
      f.max !== undefined ? [NOTE.factorRange] : [],
    ),
  ];
}

/** "giảm 30% số hộ nghèo": read relative to the base year (0,7 of it); as percentage points it cannot be said yet. */
function decrease(ctx: FigureContext): DraftReading[] {
  const f = ctx.figure;
  // "mỗi năm giảm 1,5 - 2% tỷ lệ hộ nghèo" says per year as "giảm … %/năm" does.
  if (f.unit === '%/năm' || EVERY_YEAR.test(ctx.pre)) {
    const period = ctx.period ?? ctx.term;
    return [
      reading(
        ctx,
        {
          kind: 'growth_average',
          ...base(ctx, 'lower_better'),
          term: period,
          min: `-${f.max ?? f.min}`,
          ...(f.max !== undefined ? { max: `-${f.min}` } : {}),
          averaging: 'geometric',
          baseYear: period.firstYear - 1,
        },
        ['growth-per-year', 'decrease-percent'],
        [NOTE.pointsOrRelative],
      ),
    ];
  }
  const factor = toCanonical(new Decimal(100).minus(f.min).div(100));
  return [
    reading(
      ctx,
      {
        kind: 'multiple_of_baseline',
        ...base(ctx, 'lower_better'),
        factor,
        baselinePeriod: String(ctx.term.firstYear - 1),
        compare: 'final_level',
      },
      ['decrease-percent'],
      [NOTE.pointsOrRelative],
    ),
  ];
}
