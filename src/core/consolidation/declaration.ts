// The declaration an indicator carries as data: its aggregation method over units, and where the base-year figure
// of a merged unit is found in the former units' plans. Parsed here from untrusted JSON (dataset, API) so that only
// a well-formed declaration is ever stored.
import { isDecimalText } from '../decimal.ts';
import { ValidationError, type FieldIssue } from '../errors.ts';
import { AGGREGATION_METHODS, PRICE_BASES } from '../vocabulary.ts';
import type { PriceBasis } from '../targets/target.ts';
import { validateMethod, type AggregationMethod, type NotAggregableReason, type Standard } from './method.ts';

/** Where one former unit's figures are: a plan of that unit and, per series the method reads, its indicator code. */
export interface BaselineSource {
  unit: string;
  plan: string;
  /** Series named in the method → the former plan's indicator code. A series left out is a missing input. */
  indicators: Record<string, string>;
}

/** A consolidated figure as the source writes it (compared, never used in place of the calculation). */
export interface StatedBaseline {
  value: string;
  priceBasis?: PriceBasis;
  line?: number;
  title?: string;
}

/** How the merged unit's base-period figure is consolidated from its former units. */
export interface BaselineDeclaration {
  /** The base period, before the merger ("2025"). */
  period: string;
  basePeriod?: string;
  from: BaselineSource[];
  stated?: StatedBaseline;
}

const KINDS = AGGREGATION_METHODS;
const OPS = ['gte', 'gt', 'lte', 'lt', 'eq'] as const;
const REASONS: readonly NotAggregableReason[] = ['rank', 'index', 'other'];

function invalid(path: string, vi: string, en: string): ValidationError {
  return new ValidationError(
    { vi: `Khai báo tổng hợp không hợp lệ: ${vi}`, en: `Invalid aggregation declaration: ${en}` },
    [{ path, reason: { vi, en } }],
    'invalid_aggregation_method',
  );
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function text(o: Record<string, unknown>, key: string, path: string): string {
  const v = o[key];
  if (typeof v !== 'string' || v.trim() === '' || v.length > 80)
    throw invalid(`${path}/${key}`, `thiếu "${key}" (chuỗi không rỗng)`, `"${key}" must be a non-empty string`);
  return v.normalize('NFC');
}

function optionalBasis(o: Record<string, unknown>, path: string): { priceBasis?: PriceBasis } {
  const v = o.priceBasis;
  if (v === undefined) return {};
  if (typeof v !== 'string' || !(PRICE_BASES as readonly string[]).includes(v))
    throw invalid(`${path}/priceBasis`, `gốc giá "${String(v)}" không có`, `unknown price basis "${String(v)}"`);
  return { priceBasis: v as PriceBasis };
}

function only(o: Record<string, unknown>, keys: readonly string[], path: string): void {
  for (const k of Object.keys(o))
    if (!keys.includes(k))
      throw invalid(`${path}/${k}`, `trường "${k}" không được phép`, `field "${k}" is not allowed`);
}

/** An `AggregationMethod` from untrusted JSON, or a ValidationError naming the field. */
export function parseAggregationMethod(raw: unknown, path = '/aggregationMethod'): AggregationMethod {
  if (!isObject(raw)) throw invalid(path, 'phải là một đối tượng', 'must be an object');
  const kind = raw.kind;
  if (typeof kind !== 'string' || !(KINDS as readonly string[]).includes(kind))
    throw invalid(`${path}/kind`, `phương pháp "${String(kind)}" không có`, `unknown method "${String(kind)}"`);
  let method: AggregationMethod;
  switch (kind as AggregationMethod['kind']) {
    case 'sum':
      only(raw, ['kind', 'indicator', 'priceBasis'], path);
      method = { kind: 'sum', indicator: text(raw, 'indicator', path), ...optionalBasis(raw, path) };
      break;
    case 'weighted_mean':
      only(raw, ['kind', 'indicator', 'weight', 'priceBasis'], path);
      method = {
        kind: 'weighted_mean',
        indicator: text(raw, 'indicator', path),
        weight: text(raw, 'weight', path),
        ...optionalBasis(raw, path),
      };
      break;
    case 'per_capita': {
      only(raw, ['kind', 'numerator', 'denominator', 'scale', 'priceBasis'], path);
      const scale = raw.scale;
      if (scale !== undefined && (typeof scale !== 'string' || !isDecimalText(scale)))
        throw invalid(`${path}/scale`, 'hệ số phải là số thập phân dạng chuỗi', 'the scale must be decimal text');
      method = {
        kind: 'per_capita',
        numerator: text(raw, 'numerator', path),
        denominator: text(raw, 'denominator', path),
        ...(scale === undefined ? {} : { scale: scale as string }),
        ...optionalBasis(raw, path),
      };
      break;
    }
    case 'growth_of_aggregate':
      only(raw, ['kind', 'level', 'priceBasis'], path);
      method = { kind: 'growth_of_aggregate', level: text(raw, 'level', path), ...optionalBasis(raw, path) };
      break;
    case 'count_meeting':
    case 'share_meeting': {
      only(raw, ['kind', 'indicator', 'standard'], path);
      const s = raw.standard;
      if (!isObject(s) || !(OPS as readonly unknown[]).includes(s.op) || typeof s.value !== 'string')
        throw invalid(
          `${path}/standard`,
          'chuẩn phải có op (gte, gt, lte, lt, eq) và value (số dạng chuỗi)',
          'the standard needs op (gte, gt, lte, lt, eq) and value (decimal text)',
        );
      const standard: Standard = { op: s.op as Standard['op'], value: s.value };
      method = { kind: kind as 'count_meeting' | 'share_meeting', indicator: text(raw, 'indicator', path), standard };
      break;
    }
    case 'not_aggregable': {
      only(raw, ['kind', 'reason'], path);
      if (!REASONS.includes(raw.reason as NotAggregableReason))
        throw invalid(`${path}/reason`, 'lý do phải là rank, index hoặc other', 'reason must be rank, index or other');
      method = { kind: 'not_aggregable', reason: raw.reason as NotAggregableReason };
      break;
    }
  }
  validateMethod(method, path);
  return method;
}

/** A `BaselineDeclaration` from untrusted JSON, checked against the method it feeds. */
export function parseBaselineDeclaration(
  raw: unknown,
  method: AggregationMethod,
  path = '/baselineConsolidation',
): BaselineDeclaration {
  if (!isObject(raw)) throw invalid(path, 'phải là một đối tượng', 'must be an object');
  only(raw, ['period', 'basePeriod', 'from', 'stated'], path);
  if (method.kind === 'not_aggregable')
    throw invalid(
      path,
      'chỉ tiêu không tổng hợp được thì không có số gốc hợp nhất',
      'a non-aggregable indicator has no consolidated baseline',
    );
  const period = text(raw, 'period', path);
  if (!/^\d{4}(-\d{4})?$/.test(period))
    throw invalid(`${path}/period`, 'kỳ phải có dạng YYYY hoặc YYYY-YYYY', 'the period must be YYYY or YYYY-YYYY');
  const basePeriod = raw.basePeriod === undefined ? undefined : text(raw, 'basePeriod', path);
  if (!Array.isArray(raw.from) || raw.from.length === 0)
    throw invalid(`${path}/from`, 'cần danh sách đơn vị cũ', 'the former units must be listed');
  const series = new Set(
    method.kind === 'sum' || method.kind === 'count_meeting' || method.kind === 'share_meeting'
      ? [method.indicator]
      : method.kind === 'weighted_mean'
        ? [method.indicator, method.weight]
        : method.kind === 'per_capita'
          ? [method.numerator, method.denominator]
          : [method.level],
  );
  const seenUnits = new Set<string>();
  const from = raw.from.map((s, i): BaselineSource => {
    const p = `${path}/from/${i}`;
    if (!isObject(s)) throw invalid(p, 'phải là một đối tượng', 'must be an object');
    only(s, ['unit', 'plan', 'indicators'], p);
    const unit = text(s, 'unit', p);
    if (seenUnits.has(unit)) throw invalid(`${p}/unit`, `đơn vị ${unit} bị trùng`, `unit ${unit} is repeated`);
    seenUnits.add(unit);
    const indicators = s.indicators;
    if (!isObject(indicators)) throw invalid(`${p}/indicators`, 'phải là một đối tượng', 'must be an object');
    const map: Record<string, string> = {};
    for (const [key, code] of Object.entries(indicators)) {
      if (!series.has(key))
        throw invalid(
          `${p}/indicators/${key}`,
          `phương pháp không đọc chuỗi "${key}"`,
          `the method reads no series "${key}"`,
        );
      if (typeof code !== 'string' || code.trim() === '')
        throw invalid(`${p}/indicators/${key}`, 'mã chỉ tiêu phải là chuỗi', 'the indicator code must be a string');
      map[key] = code;
    }
    return { unit, plan: text(s, 'plan', p), indicators: map };
  });
  let stated: StatedBaseline | undefined;
  if (raw.stated !== undefined) {
    const s = raw.stated;
    const p = `${path}/stated`;
    if (!isObject(s)) throw invalid(p, 'phải là một đối tượng', 'must be an object');
    only(s, ['value', 'priceBasis', 'line', 'title'], p);
    if (typeof s.value !== 'string' || !isDecimalText(s.value))
      throw invalid(`${p}/value`, 'số phải là số thập phân dạng chuỗi', 'the value must be decimal text');
    if (s.line !== undefined && !(Number.isInteger(s.line) && (s.line as number) > 0))
      throw invalid(`${p}/line`, 'số dòng phải là số nguyên dương', 'the line must be a positive integer');
    if (s.line === undefined && (typeof s.title !== 'string' || s.title.trim() === ''))
      throw invalid(p, 'số nguồn ghi cần dòng hoặc tên văn bản', 'a stated figure needs its line or its title');
    stated = {
      value: s.value,
      ...optionalBasis(s, p),
      ...(s.line === undefined ? {} : { line: s.line as number }),
      ...(typeof s.title === 'string' ? { title: s.title.normalize('NFC') } : {}),
    };
  }
  return { period, ...(basePeriod === undefined ? {} : { basePeriod }), from, ...(stated ? { stated } : {}) };
}

/** Both declarations, each error naming its field. */
export function declarationIssues(raw: { method?: unknown; baseline?: unknown }, path: string): FieldIssue[] {
  try {
    if (raw.method === undefined) return [];
    const method = parseAggregationMethod(raw.method, `${path}/method`);
    if (raw.baseline !== undefined) parseBaselineDeclaration(raw.baseline, method, `${path}/baseline`);
    return [];
  } catch (e) {
    if (e instanceof ValidationError) return e.issues;
    throw e;
  }
}
