// The base-period figures of a merged unit's plan, consolidated from its former units' figures with each
// indicator's declared method (core/consolidation), with the calculation step by step: the inputs with their units,
// vintages and source lines, the weights, the result, the comparison with a figure the source states, and, where
// an input is missing, which one and how the plan owner may enter the baseline as a sourced figure instead.
import {
  consolidateBaseline,
  indicatorsOf,
  methodName,
  parseAggregationMethod,
  parseBaselineDeclaration,
  seriesName,
  type AggregationMethod,
  type BaselineDeclaration,
  type Comparison,
  type ConsolidationStatus,
  type UnitFigure,
} from '../../core/consolidation/index.ts';
import { isChitieuError, NotFound } from '../../core/errors.ts';
import { formatNumber } from '../../core/format/number.ts';
import { priceBasisLabel } from '../../core/price-basis.ts';
import type { LineageEvent } from '../../core/units/registry.ts';
import type { SnapshotBaseline } from '../../core/plan-evaluation/index.ts';
import type { ObservationStatus } from '../../core/targets/target.ts';
import { isOneOf, OBSERVATION_STATUSES, PRICE_BASES } from '../../core/vocabulary.ts';
import type { Queryable } from '../../storage/db.ts';
import {
  loadDeclaredIndicators,
  loadFormerFigures,
  loadMergersInto,
  type FormerFigureRequest,
  type FormerFigureRow,
  type MergerRow,
} from '../../storage/repositories/consolidation-repo.ts';
import { findPlanByCode, planUnit } from '../../storage/repositories/plans-repo.ts';
import type { ServiceContext } from '../context.ts';
import { authorize } from '../policy.ts';

type Bilingual = { vi: string; en: string };

export interface BaselineInputView {
  unit: string;
  unitName: string | null;
  /** What the input is to the formula: value, weight, numerator, denominator, level, base_level. */
  role: string;
  /** The series the method reads ("labour_force") and where this unit's figure of it is found. */
  series: string;
  /** The series' human name ("lực lượng lao động"). */
  seriesName: Bilingual;
  indicator: { plan: string; planName: string; code: string; name: string; unit: string };
  period: string;
  value: string;
  text: string;
  status: string;
  priceBasis: string;
  publishedOn: string | null;
  source: { title: string | null; line: number | null; lineEnd: number | null };
  versionId: string;
}

export interface BaselineMissingView {
  unit: string;
  unitName: string | null;
  role: string;
  series: string;
  seriesName: Bilingual;
  period: string;
  /** Where the figure was looked for, or null when the declaration names no indicator of that unit for it. */
  lookedIn: { plan: string; indicator: string } | null;
  reason: Bilingual;
}

export interface ConsolidatedBaselineView {
  indicator: { code: string; name: string; unit: string };
  method: { kind: AggregationMethod['kind']; name: Bilingual; declaration: AggregationMethod };
  period: string;
  mergedUnit: string;
  formerUnits: Array<{ code: string; name: string | null }>;
  merger: { date: string; document: string | null };
  status: ConsolidationStatus;
  value: string | null;
  text: string | null;
  priceBasis: string | null;
  inputs: BaselineInputView[];
  missing: BaselineMissingView[];
  notes: Bilingual[];
  refusal: (Bilingual & { code: string }) | null;
  formula: Bilingual;
  explanation: Bilingual;
  comparison: Comparison | null;
  /** One line for a report's footnote or annex. */
  footnote: Bilingual;
  /** How to give the baseline when the consolidation cannot: the plan owner enters it as a figure with its source. */
  enterInstead: Bilingual | null;
}

export interface PlanBaselinesView {
  plan: { code: string; name: string; unit: string | null };
  mergers: Array<{ from: string; fromName: string; to: string; date: string; document: string | null }>;
  rows: ConsolidatedBaselineView[];
  /** Indicators that declare a method but no baseline consolidation (growth rates, ranks), with the reason. */
  withoutBaseline: Array<{ code: string; name: string; method: AggregationMethod['kind']; reason: Bilingual }>;
  summary: Bilingual;
}

const ROLE_WORDS: Record<string, Bilingual> = {
  value: { vi: 'giá trị', en: 'value' },
  weight: { vi: 'quyền số', en: 'weight' },
  numerator: { vi: 'tử số', en: 'numerator' },
  denominator: { vi: 'mẫu số', en: 'denominator' },
  level: { vi: 'mức kỳ tính', en: 'level' },
  base_level: { vi: 'mức kỳ gốc', en: 'base level' },
};

function lineOf(row: FormerFigureRow): { line: number | null; lineEnd: number | null } {
  const p = row.provenance;
  return {
    line: typeof p?.line === 'number' ? p.line : null,
    lineEnd: typeof p?.lineEnd === 'number' ? p.lineEnd : null,
  };
}

function periodsOf(declaration: BaselineDeclaration, method: AggregationMethod): Map<string, string> {
  const base =
    declaration.basePeriod ??
    (/^\d{4}$/.test(declaration.period) ? String(Number(declaration.period) - 1) : declaration.period);
  return new Map(indicatorsOf(method).map((r) => [r.role, r.role === 'base_level' ? base : declaration.period]));
}

function consolidateOne(
  ind: { code: string; name: string; unit_of_measure: string },
  method: AggregationMethod,
  declaration: BaselineDeclaration,
  merger: { to: string; date: string; document: string | null },
  lineage: LineageEvent[],
  unitNames: Map<string, string>,
  found: Map<string, FormerFigureRow>,
): ConsolidatedBaselineView {
  const periods = periodsOf(declaration, method);
  const figures: UnitFigure[] = [];
  const rowsBySlot = new Map<string, FormerFigureRow>();
  for (const source of declaration.from) {
    for (const { role, indicator: series } of indicatorsOf(method)) {
      const code = source.indicators[series];
      const period = periods.get(role) ?? declaration.period;
      if (code === undefined) continue;
      const row = found.get(`${source.plan}|${code}|${source.unit}|${period}`);
      if (row === undefined) continue;
      rowsBySlot.set(`${source.unit}|${series}|${period}`, row);
      if (figures.some((f) => f.unit === source.unit && f.indicator === series && f.period === period)) continue;
      const { line, lineEnd } = lineOf(row);
      figures.push({
        indicator: series,
        unit: source.unit,
        period,
        value: row.value,
        ...(isOneOf(PRICE_BASES, row.price_basis) ? { priceBasis: row.price_basis } : {}),
        ...(isOneOf(OBSERVATION_STATUSES, row.status) ? { status: row.status } : {}),
        source: {
          title: row.plan_name,
          ...(line === null ? {} : { line }),
          ...(lineEnd === null ? {} : { lineEnd }),
        },
      });
    }
  }
  const stated = declaration.stated;
  const result = consolidateBaseline({
    mergedUnit: merger.to,
    date: merger.date,
    lineage,
    method,
    period: declaration.period,
    ...(declaration.basePeriod === undefined ? {} : { basePeriod: declaration.basePeriod }),
    figures,
    ...(stated
      ? {
          stated: {
            value: stated.value,
            ...(stated.priceBasis ? { priceBasis: stated.priceBasis } : {}),
            source: {
              ...(stated.line === undefined ? {} : { line: stated.line }),
              ...(stated.title === undefined ? {} : { title: stated.title }),
            },
          },
        }
      : {}),
  });
  const c = result.consolidation;
  const inputs: BaselineInputView[] = c.inputs.map((i) => {
    const row = rowsBySlot.get(`${i.unit}|${i.indicator}|${i.period}`);
    const { line, lineEnd } = row ? lineOf(row) : { line: null, lineEnd: null };
    return {
      unit: i.unit,
      unitName: unitNames.get(i.unit) ?? null,
      role: i.role,
      series: i.indicator,
      seriesName: seriesName(i.indicator, i.role, ind),
      indicator: {
        plan: row?.plan_code ?? '',
        planName: row?.plan_name ?? '',
        code: row?.indicator_code ?? '',
        name: row?.indicator_name ?? '',
        unit: row?.unit_of_measure ?? '',
      },
      period: i.period,
      value: i.value,
      text: formatNumber(i.value),
      status: i.status ?? row?.status ?? 'estimate',
      priceBasis: i.priceBasis,
      publishedOn: row?.published_on ?? null,
      source: { title: row?.source_text ?? row?.plan_name ?? null, line, lineEnd },
      versionId: row?.version_id ?? '',
    };
  });
  const missing: BaselineMissingView[] = c.missing.map((m) => {
    const source = declaration.from.find((s) => s.unit === m.unit);
    const code = source?.indicators[m.indicator];
    const unitName = unitNames.get(m.unit) ?? m.unit;
    const role = ROLE_WORDS[m.role] ?? { vi: m.role, en: m.role };
    const named = seriesName(m.indicator, m.role, ind);
    return {
      unit: m.unit,
      unitName: unitNames.get(m.unit) ?? null,
      role: m.role,
      series: m.indicator,
      seriesName: named,
      period: m.period,
      lookedIn: source && code ? { plan: source.plan, indicator: code } : null,
      reason:
        source && code
          ? {
              vi: `${unitName}: chỉ tiêu ${code} của ${source.plan} không có số liệu kỳ ${m.period} (${role.vi}: ${named.vi})`,
              en: `${unitName}: indicator ${code} of ${source.plan} has no figure for ${m.period} (${role.en}: ${named.en})`,
            }
          : {
              vi: `${unitName}: không có chỉ tiêu nào của đơn vị cũ cho ${role.vi} (${named.vi}) kỳ ${m.period}`,
              en: `${unitName}: no indicator of the former unit gives the ${role.en} (${named.en}) for ${m.period}`,
            },
    };
  });
  const name = { vi: methodName(method.kind, 'vi'), en: methodName(method.kind, 'en') };
  const valueText =
    c.value === null
      ? null
      : `${formatNumber(c.value, { decimals: Math.min(Math.max(c.value.split('.')[1]?.length ?? 0, 0), 4) })}`;
  const basis = c.priceBasis === null || c.priceBasis === 'none' ? '' : ` (${priceBasisLabel(c.priceBasis)})`;
  const basisEn = c.priceBasis === null || c.priceBasis === 'none' ? '' : ` (${priceBasisLabel(c.priceBasis, 'en')})`;
  const formers = result.formerUnits.map((u) => unitNames.get(u) ?? u).join(' + ');
  const footnote: Bilingual =
    c.status === 'complete'
      ? {
          vi: `Số kỳ gốc ${declaration.period} hợp nhất từ ${formers} (${name.vi}): ${valueText} ${ind.unit_of_measure}${basis}${result.comparison ? `; ${result.comparison.explanation.vi}` : ''}`,
          en: `Base ${declaration.period} consolidated from ${formers} (${name.en}): ${formatNumber(c.value ?? '0', { locale: 'en' })} ${ind.unit_of_measure}${basisEn}${result.comparison ? `; ${result.comparison.explanation.en}` : ''}`,
        }
      : c.status === 'refused'
        ? {
            vi: `Chưa tính được số kỳ gốc ${declaration.period} hợp nhất từ ${formers}: ${c.refusal?.vi ?? ''}`,
            en: `No consolidated base ${declaration.period} from ${formers}: ${c.refusal?.en ?? ''}`,
          }
        : {
            vi: `Chưa đủ số liệu để tính số kỳ gốc ${declaration.period} hợp nhất từ ${formers}: thiếu ${missing.map((m) => `${m.unitName ?? m.unit} (${m.seriesName.vi})`).join(', ')}`,
            en: `Not enough figures for the consolidated base ${declaration.period} from ${formers}: missing ${missing.map((m) => `${m.unitName ?? m.unit} (${m.seriesName.en})`).join(', ')}`,
          };
  return {
    indicator: { code: ind.code, name: ind.name, unit: ind.unit_of_measure },
    method: { kind: method.kind, name, declaration: method },
    period: declaration.period,
    mergedUnit: merger.to,
    formerUnits: result.formerUnits.map((code) => ({ code, name: unitNames.get(code) ?? null })),
    merger: { date: merger.date, document: merger.document },
    status: c.status,
    value: c.value,
    text: valueText,
    priceBasis: c.priceBasis,
    inputs,
    missing,
    notes: c.notes.map((n) => ({ vi: n.vi, en: n.en })),
    refusal: c.refusal,
    formula: c.formula,
    explanation: result.explanation,
    comparison: result.comparison,
    footnote,
    enterInstead:
      c.status === 'complete'
        ? null
        : {
            vi: `Chủ kế hoạch có thể nhập số kỳ gốc ${declaration.period} của chỉ tiêu ${ind.code} cho đơn vị ${merger.to} như một số liệu có nguồn (POST /api/observations, kỳ ${declaration.period}); số đó được duyệt như mọi số liệu khác`,
            en: `The plan owner may enter the ${declaration.period} base figure of indicator ${ind.code} for unit ${merger.to} as a figure with its source (POST /api/observations, period ${declaration.period}); it is reviewed like any other figure`,
          },
  };
}

export interface PlanBaselinesInput {
  planCode: string;
  dataBasis?: 'approved' | 'all';
}

interface PlanBaselines {
  unitId: string | null;
  mergers: MergerRow[];
  rows: Array<{ indicatorId: string; view: ConsolidatedBaselineView; inputStatus: ObservationStatus }>;
  withoutBaseline: PlanBaselinesView['withoutBaseline'];
}

const FIRMNESS: Record<ObservationStatus, number> = { estimate: 0, preliminary: 1, official: 2 };

/**
 * The plan's declared baselines consolidated from the former units of its unit. `evaluation`: what an evaluation
 * reads (nothing at all for a unit not formed by a merger, one query; a declaration that does not parse is left to
 * the baselines view to report rather than failing the plan's evaluation).
 */
async function planBaselines(
  db: Queryable,
  plan: { id: string; tenant_id: string },
  opts: { approvedOnly: boolean; publishedOn: string | null; evaluation: boolean },
): Promise<PlanBaselines> {
  const unit = await planUnit(db, plan.tenant_id, plan.id);
  const mergers = unit ? await loadMergersInto(db, plan.tenant_id, unit.id) : [];
  if (opts.evaluation && mergers.length === 0) return { unitId: null, mergers, rows: [], withoutBaseline: [] };
  const lineage: LineageEvent[] = mergers.map((m) => ({
    event: 'merged_into',
    from: m.from_code,
    to: m.to_code,
    date: m.effective_on,
  }));
  const unitNames = new Map<string, string>(mergers.map((m) => [m.from_code, m.from_name]));
  if (unit) unitNames.set(unit.code, unit.name);
  const declared = await loadDeclaredIndicators(db, plan.tenant_id, plan.id);
  const parsed = declared.flatMap((d) => {
    try {
      const method = parseAggregationMethod(d.aggregation_method, `${d.code}/aggregationMethod`);
      const baseline =
        d.baseline_consolidation === null || d.baseline_consolidation === undefined
          ? null
          : parseBaselineDeclaration(d.baseline_consolidation, method, `${d.code}/baselineConsolidation`);
      return [{ d, method, baseline }];
    } catch (err) {
      if (opts.evaluation && isChitieuError(err)) return [];
      throw err;
    }
  });
  const requests: FormerFigureRequest[] = [];
  for (const { method, baseline } of parsed) {
    if (baseline === null) continue;
    const periods = periodsOf(baseline, method);
    for (const s of baseline.from)
      for (const { role, indicator: series } of indicatorsOf(method)) {
        const code = s.indicators[series];
        if (code !== undefined)
          requests.push({
            plan: s.plan,
            indicator: code,
            unit: s.unit,
            period: periods.get(role) ?? baseline.period,
          });
      }
  }
  const figures = await loadFormerFigures(db, plan.tenant_id, requests, opts.approvedOnly, opts.publishedOn);
  const found = new Map(figures.map((f) => [`${f.plan_code}|${f.indicator_code}|${f.unit_code}|${f.period}`, f]));
  const rows: PlanBaselines['rows'] = [];
  const withoutBaseline: PlanBaselinesView['withoutBaseline'] = [];
  for (const { d, method, baseline } of parsed) {
    // The merger the declaration's former units came through: the latest merger into the plan's unit.
    const merger = mergers.length > 0 ? mergers[mergers.length - 1] : undefined;
    if (baseline === null || merger === undefined) {
      withoutBaseline.push({
        code: d.code,
        name: d.name,
        method: method.kind,
        reason:
          method.kind === 'not_aggregable'
            ? {
                vi: 'Thứ hạng, chỉ số: lấy số công bố cho cả đơn vị',
                en: 'A rank or index: taken as published for the whole unit',
              }
            : merger === undefined
              ? {
                  vi: 'Đơn vị của kế hoạch không hình thành từ sáp nhập',
                  en: 'The plan’s unit was not formed by a merger',
                }
              : {
                  vi: 'Chưa khai báo nguồn số kỳ gốc của các đơn vị cũ',
                  en: 'No source of the former units’ base figures is declared',
                },
      });
      continue;
    }
    const view = consolidateOne(
      d,
      method,
      baseline,
      { to: merger.to_code, date: merger.effective_on, document: merger.document_number },
      lineage,
      unitNames,
      found,
    );
    const inputStatus = view.inputs
      .map((i) => (isOneOf(OBSERVATION_STATUSES, i.status) ? i.status : 'estimate'))
      .reduce<ObservationStatus>((weakest, st) => (FIRMNESS[st] < FIRMNESS[weakest] ? st : weakest), 'official');
    rows.push({ indicatorId: d.id, view, inputStatus });
  }
  return { unitId: unit?.id ?? null, mergers, rows, withoutBaseline };
}

/**
 * What the plan's evaluation reads of its consolidated baselines (none unless its unit was formed by a merger):
 * with the same choice of figures as the evaluation (approved only, known on a date).
 */
export async function snapshotBaselines(
  db: Queryable,
  plan: { id: string; tenant_id: string },
  opts: { approvedOnly: boolean; publishedOn: string | null },
): Promise<SnapshotBaseline[]> {
  const { unitId, rows } = await planBaselines(db, plan, { ...opts, evaluation: true });
  if (unitId === null) return [];
  return rows.map(({ indicatorId, view: v, inputStatus }) => ({
    indicator_id: indicatorId,
    unit_id: unitId,
    period: v.period,
    status: v.status,
    value: v.value,
    text: v.text,
    price_basis: v.priceBasis,
    input_status: inputStatus,
    method: v.method.name,
    formula: v.formula,
    explanation: v.explanation,
    inputs: v.inputs.map((i) => ({
      unit: i.unit,
      unitName: i.unitName,
      role: i.role,
      series: i.series,
      seriesName: i.seriesName,
      plan: i.indicator.plan,
      indicator: i.indicator.code,
      period: i.period,
      value: i.value,
      text: i.text,
      status: i.status,
      priceBasis: i.priceBasis,
      source: { title: i.source.title, line: i.source.line },
      versionId: i.versionId,
    })),
    missing: v.missing.map((m) => ({
      unit: m.unit,
      series: m.series,
      seriesName: m.seriesName,
      period: m.period,
      reason: m.reason,
    })),
    refusal: v.refusal ? { vi: v.refusal.vi, en: v.refusal.en } : null,
    comparison: v.comparison ? v.comparison.explanation : null,
    footnote: v.footnote,
    enterInstead: v.enterInstead,
  }));
}

/** Every declared baseline of the plan's indicators, consolidated from the former units of the plan's unit. */
export async function consolidatedBaselines({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: PlanBaselinesInput;
}): Promise<PlanBaselinesView> {
  const scope = authorize(ctx.actor, 'evaluation.read');
  const approvedOnly = scope === 'published' || (input.dataBasis ?? 'approved') === 'approved';
  const tenantId = ctx.actor.kind === 'public' ? null : ctx.actor.tenantId;
  const plan = await findPlanByCode(ctx.db, tenantId, input.planCode);
  if (!plan) throw new NotFound({ vi: `nghị quyết "${input.planCode}"`, en: `Plan "${input.planCode}"` });
  const {
    mergers,
    rows: found,
    withoutBaseline,
  } = await planBaselines(ctx.db, plan, {
    approvedOnly,
    publishedOn: null,
    evaluation: false,
  });
  const rows = found.map((r) => r.view);
  const complete = rows.filter((r) => r.status === 'complete').length;
  return {
    plan: { code: plan.code, name: plan.name, unit: plan.unit_code },
    mergers: mergers.map((m) => ({
      from: m.from_code,
      fromName: m.from_name,
      to: m.to_code,
      date: m.effective_on,
      document: m.document_number,
    })),
    rows,
    withoutBaseline,
    summary: {
      vi: `${complete}/${rows.length} chỉ tiêu có số kỳ gốc hợp nhất tính được; ${rows.length - complete} chỉ tiêu còn thiếu số liệu của đơn vị cũ hoặc bị từ chối`,
      en: `${complete} of ${rows.length} indicators have a consolidated baseline; ${rows.length - complete} lack a former unit's figure or are refused`,
    },
  };
}
