// A city target split into per-commune targets ("mỗi xã một phần"): the check of a proposed split against the
// indicator's declared aggregation method, and the commune targets it makes. Amounts that add up (a sum) must add up
// to the city target within the precision the target was declared with; a rate or a share (weighted mean, per
// capita, share of units, growth) gives each commune a value of its own and nothing is summed, since a mean of the
// communes' rates is not the city's rate.
import { Decimal, declaredScale, isDecimalText } from '../decimal.ts';
import { ValidationError, type FieldIssue, type Messages } from '../errors.ts';
import { formatNumber } from '../format/number.ts';
import type { TargetSpec } from '../targets/target.ts';
import type { AggregationMethod } from './method.ts';

/** A commune of the city, as the split names it. */
export interface SplitCommune {
  code: string;
  name: string;
}

/** One commune's share as proposed: its unit code and its value (decimal text, in the indicator's unit). */
export interface ProposedShare {
  unit: string;
  value: string;
}

/** How the shares relate to the city target: they add up to it, or each commune has a value of its own. */
export type SplitRule = 'sum' | 'each';

export interface CommuneTarget {
  code: string;
  name: string;
  value: string;
  spec: TargetSpec;
  text: string;
}

export interface CheckedSplit {
  rule: SplitRule;
  /** The shares' total for a sum, else null. */
  total: string | null;
  targets: CommuneTarget[];
}

/** The target kinds with one value a commune can have a share of, and the field that holds it. */
const SHARED_FIELD = {
  level_at_end: 'value',
  threshold: 'value',
  cumulative: 'value',
  yearly_flow: 'value',
  term_average: 'min',
  growth_average: 'min',
} as const;
type SplittableKind = keyof typeof SHARED_FIELD;

const isSplittable = (kind: string): kind is SplittableKind => Object.hasOwn(SHARED_FIELD, kind);

function refuse(issues: FieldIssue[]): ValidationError {
  return new ValidationError(
    { vi: 'Không chia được chỉ tiêu theo xã', en: 'The target cannot be split by commune' },
    issues,
    'invalid_split',
  );
}

const issue = (path: string, vi: string, en: string): FieldIssue => ({ path, reason: { vi, en } });

const NO_METHOD: Messages = {
  vi: 'chỉ tiêu chưa khai báo phương pháp tổng hợp theo đơn vị (cộng tổng, bình quân gia quyền…), nên không biết các phần của xã ghép lại thế nào',
  en: 'the indicator declares no aggregation method over units (sum, weighted mean…), so how the communes’ shares combine is unknown',
};

/** Why a declared method admits no split, or null when it does. */
function methodRefusal(method: AggregationMethod): Messages | null {
  if (method.kind === 'not_aggregable')
    return {
      vi: 'chỉ tiêu không tổng hợp được theo đơn vị (thứ hạng, chỉ số): không chia cho xã',
      en: 'the indicator is not aggregable over units (a rank, an index): it is not split by commune',
    };
  if (method.kind === 'count_meeting')
    return {
      vi: 'chỉ tiêu là số xã đạt chuẩn: được đánh giá từ số liệu từng xã, không chia thành phần',
      en: 'the indicator counts communes meeting a standard: it is judged from each commune’s figure, not split',
    };
  return null;
}

/** The rule a method implies for a target kind: a sum adds up, except a growth rate, which never does. */
export function splitRule(method: Pick<AggregationMethod, 'kind'>, kind: string): SplitRule {
  return method.kind === 'sum' && kind !== 'growth_average' ? 'sum' : 'each';
}

const shown = (c: SplitCommune): string => `${c.name} (mã ${c.code})`;
const shownEn = (c: SplitCommune): string => `${c.name} (code ${c.code})`;

/**
 * Checks a proposed split of a city target over the city's communes and returns each commune's target, or refuses
 * with every problem at once, each naming the commune (or the field) and the reason in Vietnamese and English.
 * Every commune gets exactly one share; a commune target keeps the city target's kind, direction and term, with the
 * commune's value in place of the city's and the precision the share is written with.
 */
export function checkSplit(args: {
  target: TargetSpec;
  text: string;
  unitOfMeasure: string;
  method: AggregationMethod | null;
  communes: readonly SplitCommune[];
  shares: readonly ProposedShare[];
}): CheckedSplit {
  const { target, method } = args;
  const kind = target.kind;
  if (!isSplittable(kind))
    throw refuse([
      issue(
        '/target',
        `mục tiêu loại "${kind}" không có một giá trị để chia cho từng xã`,
        `a target of kind "${kind}" has no single value to share among communes`,
      ),
    ]);
  const spec = target as Extract<TargetSpec, { kind: SplittableKind }>;
  if ('max' in spec && spec.max !== undefined)
    throw refuse([
      issue(
        '/target',
        'mục tiêu là một khoảng (từ … đến …): chỉ chia được mục tiêu một giá trị',
        'the target is a range (from … to …): only a single-valued target can be split',
      ),
    ]);
  if (method === null) throw refuse([{ path: '/aggregationMethod', reason: NO_METHOD }]);
  const refusal = methodRefusal(method);
  if (refusal !== null) throw refuse([{ path: '/aggregationMethod', reason: refusal }]);
  const rule = splitRule(method, kind);
  const field = SHARED_FIELD[kind];
  const cityValue = (spec as unknown as Record<string, string>)[field] as string;

  const issues: FieldIssue[] = [];
  const byCode = new Map(args.communes.map((c) => [c.code, c]));
  const seen = new Map<string, ProposedShare>();
  args.shares.forEach((s, i) => {
    const c = byCode.get(s.unit);
    if (c === undefined) {
      issues.push(
        issue(
          `/shares/${i}/unit`,
          `đơn vị mã ${s.unit} không phải một xã, phường, đặc khu của đơn vị của kế hoạch vào cuối kỳ của mục tiêu`,
          `unit ${s.unit} is not a commune of the plan’s unit at the end of the target’s term`,
        ),
      );
      return;
    }
    if (seen.has(s.unit)) {
      issues.push(
        issue(
          `/shares/${i}/unit`,
          `${shown(c)} có hai phần: mỗi xã một phần`,
          `${shownEn(c)} has two shares: one per commune`,
        ),
      );
      return;
    }
    seen.set(s.unit, s);
    if (!isDecimalText(s.value)) {
      issues.push(
        issue(
          `/shares/${i}/value`,
          `phần của ${shown(c)} "${s.value}" không phải số thập phân (dùng dấu chấm, ví dụ 1250.5)`,
          `the share of ${shownEn(c)} "${s.value}" is not a decimal (use a dot, e.g. 1250.5)`,
        ),
      );
      return;
    }
    if (rule === 'sum' && new Decimal(s.value).isNegative())
      issues.push(
        issue(
          `/shares/${i}/value`,
          `phần của ${shown(c)} là số âm: các phần cộng lại thành chỉ tiêu cấp tỉnh`,
          `the share of ${shownEn(c)} is negative: the shares add up to the province-level target`,
        ),
      );
  });
  for (const c of args.communes)
    if (!seen.has(c.code))
      issues.push(
        issue(
          '/shares',
          `thiếu phần của ${shown(c)}: mỗi xã một phần (0 nếu không giao)`,
          `the share of ${shownEn(c)} is missing: every commune gets one (0 if none)`,
        ),
      );
  let total: string | null = null;
  if (rule === 'sum' && issues.length === 0) {
    const sum = [...seen.values()].reduce((acc, s) => acc.plus(s.value), new Decimal(0));
    total = sum.toFixed();
    // "Within the precision the target was declared with": the total, rounded half up to those digits, is the
    // target; 99,5 makes 100 at no decimals, 99,4 does not.
    const precision = spec.precision ?? declaredScale(cityValue);
    if (!sum.toDecimalPlaces(precision).equals(new Decimal(cityValue)))
      issues.push(
        issue(
          '/shares',
          `tổng các phần ${formatNumber(total)} khác chỉ tiêu cấp tỉnh ${formatNumber(cityValue)} ${args.unitOfMeasure} (so ở ${precision} chữ số thập phân, chênh ${formatNumber(sum.minus(cityValue).toFixed())})`,
          `the shares add up to ${formatNumber(total, { locale: 'en' })}, not the province-level target ${formatNumber(cityValue, { locale: 'en' })} ${args.unitOfMeasure} (compared at ${precision} decimals, off by ${formatNumber(sum.minus(cityValue).toFixed(), { locale: 'en' })})`,
        ),
      );
  }
  if (issues.length > 0) throw refuse(issues);

  const targets = args.communes.map((c): CommuneTarget => {
    const value = (seen.get(c.code) as ProposedShare).value;
    // The city's baseline and yearly milestones are the city's: a commune target carries neither.
    const { baseline: _baseline, milestones: _milestones, ...rest } = spec;
    const communeSpec = { ...rest, [field]: value, precision: declaredScale(value) } as TargetSpec;
    return {
      code: c.code,
      name: c.name,
      value,
      spec: communeSpec,
      text: `${args.text} — phần của ${c.name}: ${formatNumber(value)}${args.unitOfMeasure === '%' ? '%' : ` ${args.unitOfMeasure}`}`.normalize(
        'NFC',
      ),
    };
  });
  return { rule, total, targets };
}
