// Reads one clause of a forward-looking section into draft items: special constructions first (rank, fraction,
// none left), then every figure with its name, year, period and kind; what it cannot read goes back with the reason.
import type { Messages } from '../errors.ts';
import type { Term } from '../targets/target.ts';
import {
  findRank,
  readNamedUnitsStandard,
  readNoneLeft,
  readReducedFraction,
  readUnitsStandard,
} from './constructs.ts';
import { findFigures, findUnitCounts, type Figure } from './figures.ts';
import { areaOnly, capitalise, isWeakName, nameAfter, nameBefore, tidy, withArea } from './names.ts';
import { EVERY_YEAR, statedPeriod, statedYear, withoutQualifiedYears } from './periods.ts';
import { readFigure } from './readings.ts';
import type { RuleId } from './rules.ts';
import { cleanQuote, lineOf, type SourceText } from './source-text.ts';
import type { Clause } from './statements.ts';
import type { DraftItem, DraftReading, NotUnderstood, Span } from './types.ts';

export interface ClauseResult {
  items: DraftItem[];
  notUnderstood: NotUnderstood[];
}

/** Words that report a result rather than set a target ("đã đạt", "ước đạt"). */
const PAST = /(?:^|\s)(?:đã|ước|ước tính|so với cùng kỳ)\s/u;
/** "hoàn thành xóa nhà tạm", "bảo đảm phổ cập giáo dục mầm non": a done / not done aim with no figure. */
const MILESTONE_VERB =
  /(?:hoàn thành|bảo đảm|đảm bảo)\s+(?:việc\s+)?((?:xóa|xoá|phổ cập)\s+[^,;.()]+?)(?=\s*[,;.(]|$)/u;
const TARGET_CUE = /phấn đấu|(?:đến|vào|tới)\s+năm\s+20\d\d|bảo đảm\s+100%/iu;

export function span(src: SourceText, start: number, end: number): Span {
  return {
    line: lineOf(src, start),
    lineEnd: lineOf(src, Math.max(start, end - 1)),
    start,
    end,
    quote: cleanQuote(src, start, end),
  };
}

interface Pending {
  name: string;
  unit: string | null;
  readings: DraftReading[];
  start: number;
  end: number;
  figureStart: number;
  figureEnd: number;
  rules: RuleId[];
  doubts: Messages[];
  sub: boolean;
}

const DOUBT = {
  yearFromTerm: { vi: 'câu không ghi năm: lấy năm cuối nhiệm kỳ', en: 'no year written: the last year of the term' },
  nameAfter: { vi: 'tên chỉ tiêu đọc sau con số', en: 'indicator name read after the figure' },
  nameFromUnit: {
    vi: 'không đọc được tên chỉ tiêu: dựng từ đơn vị tính',
    en: 'no indicator name found: built from the unit',
  },
  inherited: { vi: 'năm lấy từ phần dẫn của câu', en: 'year taken from the lead-in of the sentence' },
  approximately: { vi: '"khoảng": giá trị gần đúng, cần xác nhận', en: '"khoảng": an approximate value, to confirm' },
  twoReadings: { vi: 'câu có hai cách hiểu: chọn một', en: 'the statement reads two ways: choose one' },
  noFigure: { vi: 'mốc đọc từ động từ, không có con số', en: 'a milestone read from its verb, with no figure' },
  basically: {
    vi: '"cơ bản không còn": về 0 hoặc gần 0, cần xác nhận mức chấp nhận',
    en: '"cơ bản không còn": zero or close to it, confirm the level accepted',
  },
} satisfies Record<string, Messages>;

export function readClause(src: SourceText, clause: Clause, term: Term): ClauseResult {
  const none: ClauseResult = { items: [], notUnderstood: [] };
  if (clause.mood === 'review' || PAST.test(` ${clause.text}`)) return none;
  // Under a heading about a past term ("PHỤ LỤC 2: … (nhiệm kỳ 2020 - 2025)") nothing is a target of this plan.
  if (clause.sectionLastYear !== null && clause.sectionLastYear < term.firstYear) return none;
  // Outside a targets or tasks section (a preamble, a context part, an annex of projects), only a statement that
  // says it is a target counts: "phấn đấu", "đến năm 2030", a period of the term.
  if (clause.mood === 'unknown' && !TARGET_CUE.test(`${clause.lead} ${clause.text}`) && !futurePeriod(clause, term)) {
    return none;
  }
  const text = clause.text;
  const withoutBaseline = (s: string) => withoutQualifiedYears(s.replace(/so với\s+[^,;]*/gu, ''));
  const ownYear = statedYear(withoutBaseline(text));
  const leadYear = statedYear(withoutBaseline(clause.lead));
  const year = ownYear ?? leadYear ?? term.lastYear;
  if (year < term.firstYear) return none;
  // A period in brackets qualifies a standard ("theo chuẩn nghèo giai đoạn 2021 - 2025"), not the statement.
  const unbracketed = (s: string) => withoutQualifiedYears(s.replace(/\([^)]*\)/gu, ''));
  // A year the clause writes itself ("… vào năm 2030") wins over a period written once in the lead-in ("Giai đoạn
  // 2025 - 2030: …"): the lead's period is for the items that say no year.
  const p = statedPeriod(unbracketed(text)) ?? (ownYear === null ? statedPeriod(unbracketed(clause.lead)) : null);
  if (p && p.last < term.firstYear) return none;
  if (rankWithoutNumber(text)) {
    return {
      items: [],
      notUnderstood: [
        {
          span: span(src, clause.start, clause.end),
          reason: {
            vi: '"trong nhóm dẫn đầu" không ghi thứ hạng: mục tiêu so với nhóm tham chiếu, các loại chỉ tiêu hiện có chưa diễn đạt được',
            en: '"trong nhóm dẫn đầu" without a rank: a benchmark-relative target that today\'s target kinds cannot express',
          },
          rules: ['section-forward'],
        },
      ],
    };
  }
  const inTerm = (x: { first: number; last: number } | null) =>
    x !== null && x.first >= term.firstYear - 1 && x.last <= term.lastYear;
  const period: Term | null = p && inTerm(p) ? { firstYear: p.first, lastYear: p.last } : null;
  const yearRules: RuleId[] =
    ownYear !== null ? ['year-stated'] : leadYear !== null ? ['year-stated', 'inherited-context'] : ['year-from-term'];
  const yearDoubts: Messages[] = ownYear !== null ? [] : leadYear !== null ? [DOUBT.inherited] : [DOUBT.yearFromTerm];
  const abs = (i: number) => clause.offsets[i] ?? clause.end;
  const pending: Pending[] = [];
  const consumed: [number, number][] = [];
  const spec = { direction: 'higher_better' as const, term, precision: 0 };

  const rank = findRank(text);
  if (rank) {
    consumed.push([rank.start, rank.end]);
    const yearly = EVERY_YEAR.test(text) || /giữ vững/iu.test(text);
    for (const name of rank.names) {
      pending.push({
        name,
        unit: 'thứ hạng',
        readings: [
          {
            kind: 'rank',
            spec: {
              kind: 'rank',
              ...spec,
              direction: 'lower_better',
              maxRank: rank.maxRank,
              among: rank.among,
              year,
              ...(yearly ? { milestones: years(term).map((y) => ({ year: y, value: String(rank.maxRank) })) } : {}),
            },
            unit: 'thứ hạng',
            rules: rank.rules,
            notExpressible: [],
          },
        ],
        start: 0,
        end: text.length,
        figureStart: rank.start,
        figureEnd: rank.end,
        rules: [...yearRules],
        doubts: [...yearDoubts],
        sub: false,
      });
    }
  }

  const fraction = readReducedFraction(text);
  if (fraction) {
    consumed.push([fraction.start, fraction.end]);
    pending.push({
      name: fraction.name,
      unit: null,
      readings: [
        {
          kind: 'multiple_of_baseline',
          spec: {
            kind: 'multiple_of_baseline',
            ...spec,
            direction: 'lower_better',
            factor: fraction.factor,
            baselinePeriod: String(term.firstYear - 1),
            compare: 'final_level',
          },
          unit: null,
          rules: ['reduce-fraction'],
          notExpressible: fraction.exact
            ? []
            : [
                {
                  vi: 'phân số không ra số thập phân hữu hạn: làm tròn 6 chữ số',
                  en: 'the fraction does not terminate: rounded to 6 decimals',
                },
              ],
        },
      ],
      start: fraction.start,
      end: fraction.end,
      figureStart: fraction.start,
      figureEnd: fraction.end,
      rules: [...yearRules],
      doubts: [...yearDoubts],
      sub: false,
    });
  }

  // "Đến năm 2030 không còn hộ nghèo" has its year; "Cơ bản không còn hộ nghèo" (no year) is a target of the term's
  // last year when what is left is counted (households, people, homes, units), never "không còn phù hợp".
  const noneLeft = readNoneLeft(text, ownYear !== null || leadYear !== null);
  if (noneLeft) {
    pending.push({
      name: `Số ${lowerFirst(noneLeft.name)}`,
      unit: noneLeft.counted,
      readings: [
        {
          kind: 'level_at_end',
          spec: { kind: 'level_at_end', ...spec, direction: 'lower_better', value: '0', year },
          unit: noneLeft.counted,
          rules: ['none-left'],
          notExpressible: [],
        },
      ],
      start: noneLeft.start,
      end: noneLeft.end,
      figureStart: noneLeft.start,
      figureEnd: noneLeft.end,
      rules: [...yearRules],
      doubts: noneLeft.basically ? [...yearDoubts, DOUBT.basically] : [...yearDoubts],
      sub: false,
    });
  }

  const milestone = MILESTONE_VERB.exec(text);
  if (milestone && milestone[1] !== undefined) {
    const at = milestone.index + milestone[0].indexOf(milestone[1]);
    const phrase = tidy(milestone[0]);
    pending.push({
      name: capitalise(tidy(milestone[1])),
      unit: null,
      readings: [
        {
          kind: 'milestone',
          spec: { kind: 'milestone', ...spec, description: capitalise(phrase), dueYear: year },
          unit: null,
          rules: ['milestone-verb'],
          notExpressible: [],
        },
      ],
      start: milestone.index,
      end: milestone.index + milestone[0].length,
      figureStart: at,
      figureEnd: milestone.index + milestone[0].length,
      rules: [...yearRules],
      doubts: [...yearDoubts, DOUBT.noFigure],
      sub: false,
    });
  }

  const counts = findUnitCounts(text);
  for (const c of counts) consumed.push([c.start, c.end]);
  // "60/70 xã đạt chuẩn nông thôn mới": a count of units with no share written before it.
  for (const c of counts) {
    const std = readUnitCount(c, text);
    if (
      std === null ||
      /%\s*(?:số\s+)?\p{L}*\s*\(?\s*(?:tương ứng\s*)?$/u.test(text.slice(Math.max(0, c.start - 40), c.start))
    )
      continue;
    pending.push({
      name: capitalise(`số ${c.noun} đạt chuẩn ${std}`),
      unit: c.noun,
      readings: [
        {
          kind: 'units_meeting_standard',
          spec: { kind: 'units_meeting_standard', ...spec, count: c.count, ofCount: c.ofCount, standard: std, year },
          unit: c.noun,
          rules: ['units-standard'],
          notExpressible: [],
        },
      ],
      start: c.start,
      end: c.end,
      figureStart: c.start,
      figureEnd: c.end,
      rules: [...yearRules],
      doubts: [...yearDoubts],
      sub: false,
    });
  }
  const figures = findFigures(text).filter((f) => !consumed.some(([s, e]) => f.start < e && f.end > s));
  let cursor = 0;
  figures.forEach((f, i) => {
    const next = figures[i + 1]?.start ?? text.length;
    const pre = text.slice(cursor, f.start);
    const post = text.slice(f.end, next);
    // A year or period written next to the figure wins over one written elsewhere in the clause.
    const own = withoutBaseline(`${pre} ${post}`);
    const figureYear = statedYear(own) ?? year;
    const yearStated = statedYear(own) !== null || ownYear !== null || leadYear !== null;
    const fp =
      statedPeriod(withoutQualifiedYears(pre)) ??
      (ownYear === null ? statedPeriod(withoutQualifiedYears(clause.lead)) : null);
    const figurePeriod = fp && inTerm(fp) ? { firstYear: fp.first, lastYear: fp.last } : null;
    // "…giai đoạn 2021 - 2025 đạt 77.000 tỷ đồng, trong đó năm 2025 đạt 18.700 tỷ đồng" (or "(năm 2025 đạt …)"): the
    // same indicator's level in that one year, not a second total over the period.
    const yearOf = YEAR_OF_PREVIOUS.exec(pre);
    // The latest target of the clause with a name of its own (not one itself named after another).
    const previous = [...pending].reverse().find((x) => !x.rules.includes('name-inherited'));
    const inYear = yearOf && previous && previous.figureEnd <= cursor ? Number(yearOf[1]) : null;
    const item =
      inYear !== null
        ? readOne(f, pre, post, next, clause, term, inYear, null, counts, true)
        : readOne(
            f,
            pre,
            post,
            next,
            clause,
            term,
            figureYear,
            figurePeriod ?? (fp ? null : period),
            counts,
            yearStated,
          );
    item.rules.unshift(...yearRules);
    item.doubts.unshift(...yearDoubts);
    // "…nước sạch đạt 100%, khu vực nông thôn trên 85%": a name that only says where is the same measure there.
    const area = areaOnly(item.name);
    if (area !== null) {
      const after = f.unit === '%' ? nameAfter(post) : '';
      const named = !isWeakName(after) ? capitalise(`tỷ lệ ${after.replace(/^số\s+/u, '')}`) : previous?.name;
      if (named !== undefined) {
        item.name = withArea(named, area);
        item.rules.push('name-area');
      }
    }
    // "Tỷ lệ trường đạt chuẩn quốc gia: mầm non đạt 75%, tiểu học đạt 85%": the lead-in names the measure, each item
    // only the part it is for.
    const measureLead = tidy(clause.lead);
    if (
      area === null &&
      MEASURE.test(measureLead) &&
      !/\d/u.test(measureLead.replace(/(?:19|20|21)\d\d/gu, '')) &&
      item.name.length > 0 &&
      !MEASURE.test(item.name) &&
      !item.rules.includes('name-from-unit')
    ) {
      item.name = `${capitalise(measureLead)}: ${lowerFirst(item.name)}`;
      item.rules.push('name-from-lead');
    }
    if (/(?:^|[\s,])trong đó[,:]?\s/u.test(pre)) {
      item.sub = true;
      // "tỷ lệ lao động qua đào tạo trên 90%, trong đó có bằng cấp, chứng chỉ 48%": a qualifier of the parent's name.
      if (previous && /^(?:có|được|đạt)\s/iu.test(item.name)) {
        item.name = `${previous.name} ${lowerFirst(item.name)}`;
      }
    }
    // "tăng từ 10% trở lên mỗi năm, thu nhập …": the per-year words after a figure are its own, not the next one's.
    const yearly = /^\s*(?:mỗi|hằng|hàng)\s+năm(?!\p{L})/u.exec(post);
    if (yearly) item.end = Math.max(item.end, f.end + yearly[0].length);
    // A figure with no name of its own right after a named one ("GRDP đạt 240.000 tỷ đồng, tăng trưởng trên 10%/năm";
    // "… đạt 246.600 tỷ đồng, chiếm 36% GRDP") measures the same thing: its name is built from that one.
    if (
      previous &&
      previous.figureEnd <= cursor &&
      (inYear !== null || (isWeakName(nameBefore(pre)) && LINK_ONLY.test(pre)))
    ) {
      item.name = inheritedName(previous.name, item, inYear);
      item.rules = item.rules.filter((r) => r !== 'name-from-unit' && r !== 'name-after-figure');
      item.doubts = item.doubts.filter((d) => d !== DOUBT.nameFromUnit && d !== DOUBT.nameAfter);
      item.rules.push('name-inherited');
      item.start = f.start - pre.length;
      item.end = f.end;
      if (inYear !== null) item.sub = true;
    }
    pending.push(item);
    cursor = Math.max(f.end, item.end);
  });

  const result: ClauseResult = { items: [], notUnderstood: [] };
  for (const p of pending) {
    const unreadable = p.readings.length === 0;
    if (unreadable) continue;
    // Kinds judged over the term carry no year of their own: "no year written" is no doubt for them.
    const overTerm = ['growth_average', 'cumulative', 'yearly_flow', 'multiple_of_baseline'].includes(
      p.readings[0]?.kind ?? '',
    );
    const own = overTerm ? p.rules.filter((r) => r !== 'year-from-term') : p.rules;
    const rules: RuleId[] = ['section-forward', ...(clause.index > 0 ? (['list-split'] as RuleId[]) : []), ...own];
    if (p.sub || clause.sub) rules.push('sub-target');
    const doubts = overTerm ? p.doubts.filter((d) => d !== DOUBT.yearFromTerm) : [...p.doubts];
    if (p.readings.length > 1) doubts.push(DOUBT.twoReadings);
    if (p.readings.some((r) => r.rules.includes('approximately'))) doubts.push(DOUBT.approximately);
    for (const r of p.readings) {
      if (r.spec.kind === 'milestone' && r.spec.description === '') r.spec.description = capitalise(tidy(text));
    }
    const notes = p.readings[0]?.notExpressible.length ?? 0;
    // Each doubt costs 0,1 and each wording the format cannot hold 0,1; two readings cost 0,3 (a person must choose).
    const two = p.readings.length > 1 ? 0.2 : 0;
    const confidence = Math.max(0.1, Math.round((0.95 - 0.1 * doubts.length - 0.1 * notes - two) * 100) / 100);
    result.items.push({
      id: '',
      indicator: { name: p.name, unit: p.unit, parent: p.sub || clause.sub ? 'sub' : null },
      readings: p.readings,
      span: span(src, abs(p.start + openingWords(text.slice(p.start, p.figureStart))), abs(p.end)),
      figure: span(src, abs(p.figureStart), abs(p.figureEnd)),
      confidence,
      doubts,
      rules: [...new Set(rules)],
    });
  }
  // "thấp hơn mức bình quân chung cả nước": a target against a benchmark series. The benchmark kind needs that series
  // as an indicator of the plan (with its figures and source), which a draft cannot create: a reviewer adds it.
  const benchmark = BENCHMARK.exec(text);
  if (benchmark) {
    const phrase = tidy(benchmark[0]);
    const against = tidy(benchmark[2] ?? '');
    result.notUnderstood.push({
      span: span(src, clause.start, clause.end),
      reason: {
        vi: `"${phrase}": mục tiêu so với chuẩn so sánh; loại chỉ tiêu này cần khai báo "${against}" là một chỉ tiêu của kế hoạch, cùng số liệu và nguồn: dự thảo chưa tạo được, cần nhập tay`,
        en: `"${phrase}": a target against a benchmark; that kind needs "${against}" declared as an indicator of the plan, with its figures and source: a draft cannot create it, enter it by hand`,
      },
      rules: ['section-forward', 'benchmark-relative'],
    });
  }
  const digits = text.replace(/\d+[-/][\p{L}\d/.-]*|(?:19|20|21)\d\d/gu, '');
  if (result.items.length === 0 && TARGET_CUE.test(text) && /\d/u.test(digits)) {
    result.notUnderstood.push({
      span: span(src, clause.start, clause.end),
      reason: {
        vi: 'có số nhưng không đọc được chỉ tiêu (không có đơn vị, tên hay cấu trúc quen thuộc)',
        en: 'holds a number but no target could be read (no unit, name or known construction)',
      },
      rules: ['section-forward'],
    });
  }
  return result;
}

/**
 * The punctuation and joining words a statement's span would otherwise open with (", trong đó, năm 2025 đạt …",
 * "và khu vực phi nông nghiệp chiếm …", "(năm 2025 đạt …"): the span, printed as the target in the results table,
 * starts after them.
 */
function openingWords(before: string): number {
  return /^[\s,;:(]*(?:(?:và|hoặc|trong đó)(?:[\s,:]+|$))?/u.exec(before)?.[0].length ?? 0;
}

/** "trong đó năm 2025 đạt", "(năm 2025 là": a year of its own right before a figure that follows another one. */
const YEAR_OF_PREVIOUS =
  /(?:(?:^|[\s,])trong đó[,:]?\s*|\(\s*)(?:vào\s+|riêng\s+)?năm\s+((?:19|20|21)\d\d)\s*(?:đạt|là)?\s*$/u;
/** Words that open the name of a measure (a share, a count, an index), not of a part of one. */
const MEASURE = /^(?:tỷ lệ|tỷ trọng|cơ cấu|số|chỉ số|tốc độ|tổng)\s/iu;
/** "thấp hơn mức bình quân chung cả nước", "cao hơn bình quân của vùng": relative to a benchmark series. */
const BENCHMARK =
  /(?:^|\s)((?:không\s+)?(?:thấp|cao)\s+hơn)\s+((?:mức\s+)?(?:bình quân|trung bình)(?:\s+chung)?\s+(?:của\s+)?(?:cả nước|toàn quốc|vùng(?:\s+[^,;.()]+?)?|khu vực(?:\s+[^,;.()]+?)?))(?=\s*[,;.()]|\s+(?:vào|đến|tới)\s+năm|$)/iu;
/** Only linking words between two figures: the second has no name of its own. */
const LINK_ONLY =
  /^[\s,;(]*(?:(?:chiếm|bằng|tương đương|tăng trưởng|tăng|bình quân|đạt|là|khoảng|mỗi năm|hằng năm|hàng năm|(?:đến|vào|tới)?\s*năm\s+(?:19|20|21)\d\d)[\s,:]*)+$/u;

function inheritedName(name: string, item: Pending, inYear: number | null): string {
  if (inYear !== null) return `${name} năm ${inYear}`;
  const kind = item.readings[0]?.kind;
  if (kind === 'growth_average') return `Tốc độ tăng trưởng ${lowerFirst(name)}`;
  return item.unit ? `${name} (${item.unit})` : name;
}

/** "GRDP" stays as written; "Tổng vốn" becomes "tổng vốn" inside a longer name. */
function lowerFirst(name: string): string {
  return /^\p{Lu}{2}/u.test(name) ? name : name.slice(0, 1).toLocaleLowerCase('vi') + name.slice(1);
}

/** "nằm trong nhóm các tỉnh, thành phố dẫn đầu cả nước": a group with no size. */
function rankWithoutNumber(text: string): boolean {
  return /(?:trong|thuộc)\s+nhóm\s+(?!\d)[^;.]{0,60}(?:dẫn đầu|đứng đầu|cao nhất|hàng đầu)/iu.test(text);
}

function futurePeriod(clause: Clause, term: Term): boolean {
  const p = statedPeriod(clause.text) ?? statedPeriod(clause.lead);
  return p !== null && p.first >= term.firstYear;
}

/** The standard a bare count of units meets: "55/67 xã đạt chuẩn nông thôn mới" → "nông thôn mới". */
function readUnitCount(c: { start: number; noun: string }, text: string): string | null {
  if (!/^(?:xã|phường|huyện|thôn|đơn vị|thị trấn)/u.test(c.noun)) return null;
  const m =
    /^\d+\s*\/\s*\d+\s+\p{L}+(?:\s*\))?(?:\s+\p{L}+){0,2}?\s+đạt\s+(?:chuẩn|tiêu chuẩn)\s+(.+?)(?=\s+(?:vào|đến|tới)\s+năm|\s*[(;,.]|$)/u.exec(
      text.slice(c.start),
    );
  return m ? tidy(m[1] ?? '') : null;
}

function years(term: Term): number[] {
  const out: number[] = [];
  for (let y = term.firstYear; y <= term.lastYear; y++) out.push(y);
  return out;
}

function readOne(
  f: Figure,
  pre: string,
  post: string,
  next: number,
  clause: Clause,
  term: Term,
  year: number,
  period: Term | null,
  counts: ReturnType<typeof findUnitCounts>,
  yearStated: boolean,
): Pending {
  const rules: RuleId[] = [];
  const doubts: Messages[] = [];
  let name = nameBefore(pre);
  // "thành lập mới 2.000 doanh nghiệp/năm": what is created is counted ("Số doanh nghiệp thành lập mới").
  if (/^(?:thành lập|xây mới|trồng mới|cấp mới|kết nạp)(?:\s+mới)?$/iu.test(name) && f.baseUnit !== null) {
    name = `Số ${f.baseUnit.replace(/\/năm$/u, '')} ${name.toLocaleLowerCase('vi')}`;
  }
  let start = f.start - pre.length + (pre.length - pre.trimStart().length);
  let end = f.end;
  const after = readUnitsStandard(f, post, counts);
  const std = after ?? readNamedUnitsStandard(f, name);
  if (std) {
    const standardName = capitalise(`tỷ lệ ${std.noun} đạt chuẩn ${std.standard}`);
    return {
      name: standardName,
      unit: `% số ${std.noun}`,
      readings: [
        {
          kind: 'units_meeting_standard',
          spec: {
            kind: 'units_meeting_standard',
            direction: 'higher_better',
            term,
            precision: f.precision,
            share: std.share,
            ...(std.count !== undefined ? { count: std.count, ofCount: std.ofCount } : {}),
            standard: std.standard,
            year,
          },
          unit: `% số ${std.noun}`,
          rules: ['units-standard'],
          notExpressible: [],
        },
      ],
      // "80% số xã đạt chuẩn …" is read after its figure; "Tỷ lệ xã đạt chuẩn … đạt 100%" before it.
      start: after ? f.start : start,
      end: after ? next : f.end,
      figureStart: f.start,
      figureEnd: f.end,
      rules,
      doubts,
      sub: false,
    };
  }
  if (isWeakName(name)) {
    const after = nameAfter(post);
    if (!isWeakName(after) || (after.length > 0 && name.length === 0)) {
      // "80% dân số có …" names a share; "87.000 doanh nghiệp đang hoạt động" names a count of its unit.
      // "giảm 2% tỷ lệ hộ nghèo" already says what the share is of.
      const head = /^(?:tỷ lệ|tỷ trọng|số)\s/iu.test(after)
        ? ''
        : f.unit === '%'
          ? 'tỷ lệ'
          : f.baseUnit !== null
            ? `số ${f.baseUnit}`
            : '';
      // "thu hút 15 triệu khách du lịch", "có ít nhất 3 khu công nghiệp …": a verb alone says nothing of what is
      // counted and is left out.
      const verb = /^(?:thu hút|đón|đón tiếp|có)$/iu.test(name);
      name = [verb ? '' : name, head, after].filter((x) => x.length > 0).join(' ');
      rules.push('name-after-figure');
      doubts.push(DOUBT.nameAfter);
      const at = post.indexOf(after.slice(0, 20));
      end = at >= 0 ? f.end + at + after.length : next;
      start = f.start;
    } else if (f.unit !== null) {
      name = `Số ${f.unit}`;
      rules.push('name-from-unit');
      doubts.push(DOUBT.nameFromUnit);
    }
  }
  const readings =
    f.unit === null && name.length === 0
      ? []
      : readFigure({ figure: f, pre, lead: clause.lead, post, term, year, period, yearStated });
  return {
    name: capitalise(name),
    unit: f.unit,
    readings,
    start,
    end,
    figureStart: f.start,
    figureEnd: f.end,
    rules,
    doubts,
    sub: false,
  };
}
