// A plan's indicators consolidated over the units directly below the plan's unit (the communes of a city), period
// by period, with each indicator's declared method. The database sums what the methods sum (Σ value, Σ value ×
// weight, the units meeting a standard, how many units have a figure); the core turns those totals into the
// aggregate (`fromTotals`). Where the totals cannot decide exactly (a unit without a figure, a refusal, figures on
// another price basis), that aggregate is computed by the core from every figure (`aggregate`), which names the
// missing units and says why it refuses; `path: 'figures'` computes every aggregate that way (the calculation step
// by step, each input listed).
import {
  aggregate,
  fromTotals,
  indicatorsOf,
  parseAggregationMethod,
  summarize,
  type AggregateSummary,
  type AggregationMethod,
  type GroupTotals,
  type SeriesTotal,
  type UnitFigure,
} from '../../core/consolidation/index.ts';
import { NotFound } from '../../core/errors.ts';
import type { ObservationStatus, PriceBasis } from '../../core/targets/target.ts';
import {
  loadUnitFigures,
  loadUnitTotals,
  type UnitTotalsRequest,
} from '../../storage/repositories/consolidation-repo.ts';
import { findPlanByCode } from '../../storage/repositories/plans-repo.ts';
import type { ServiceContext } from '../context.ts';
import { authorize } from '../policy.ts';

export interface ConsolidateOverUnitsInput {
  planCode: string;
  /** Only these periods (default: every period with a figure). */
  periods?: string[];
  /** 'totals' (default): the database sums, the core decides; 'figures': every figure through `aggregate`. */
  path?: 'totals' | 'figures';
}

export interface UnitAggregate extends AggregateSummary {
  indicator: string;
}

export interface ConsolidationOverUnits {
  plan: { code: string; unit: string };
  /** The child units' codes, in code order. */
  units: string[];
  aggregates: UnitAggregate[];
}

interface Declared {
  id: string;
  code: string;
  method: AggregationMethod;
}

export async function consolidateOverUnits({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: ConsolidateOverUnitsInput;
}): Promise<ConsolidationOverUnits> {
  authorize(ctx.actor, 'evaluation.read');
  const tenantId = ctx.actor.kind === 'public' ? null : ctx.actor.tenantId;
  const plan = await findPlanByCode(ctx.db, tenantId, input.planCode);
  if (!plan) throw new NotFound({ vi: `nghị quyết "${input.planCode}"`, en: `Plan "${input.planCode}"` });
  const tenant = plan.tenant_id;
  const [parent] = await ctx.db.query<{ id: string; code: string }>(
    'SELECT u.id, u.code FROM plans p JOIN units u ON u.id = p.unit_id AND u.tenant_id = p.tenant_id WHERE p.tenant_id = $1 AND p.id = $2',
    [tenant, plan.id],
  );
  if (!parent) throw new NotFound({ vi: 'đơn vị của nghị quyết', en: 'The plan’s unit' });
  const children = await ctx.db.query<{ id: string; code: string }>(
    'SELECT id, code FROM units WHERE tenant_id = $1 AND parent_id = $2 ORDER BY code',
    [tenant, parent.id],
  );
  const indicators = await ctx.db.query<{ id: string; code: string; aggregation_method: unknown }>(
    `SELECT id, code, aggregation_method FROM indicators
      WHERE tenant_id = $1 AND plan_id = $2 AND aggregation_method IS NOT NULL ORDER BY sort_order, code`,
    [tenant, plan.id],
  );
  const idOf = new Map(indicators.map((i) => [i.code, i.id]));
  const codeOf = new Map(indicators.map((i) => [i.id, i.code]));
  const declared: Declared[] = indicators.map((i) => ({
    id: i.id,
    code: i.code,
    method: parseAggregationMethod(i.aggregation_method),
  }));
  const unitIds = children.map((c) => c.id);
  const unitCode = new Map(children.map((c) => [c.id, c.code]));
  const codeOfUnit = (id: string): string => unitCode.get(id) ?? id;
  const unitCodes = children.map((c) => c.code);
  const periods = input.periods ?? null;
  const view = (aggregates: UnitAggregate[]): ConsolidationOverUnits => ({
    plan: { code: plan.code, unit: parent.code },
    units: unitCodes,
    aggregates,
  });
  if (unitIds.length === 0) return view([]);

  // The series every method reads, by indicator id (a method naming an indicator not in the plan reads nothing).
  const read = (m: AggregationMethod): string[] =>
    indicatorsOf(m).flatMap(({ indicator }) => idOf.get(indicator) ?? []);

  if (input.path === 'figures') {
    const rows = await loadUnitFigures(ctx.db, tenant, {
      unitIds,
      indicatorIds: [...new Set(declared.flatMap((d) => read(d.method)))],
      periods: null,
    });
    const figures = byIndicator(rows.map(toFigure(codeOf)));
    return view(declared.flatMap((d) => byFigures(d, figures, unitCodes, periods)));
  }

  const productPairs: Array<{ indicatorId: string; weightId: string }> = [];
  const standards: Array<{ indicatorId: string; op: string; value: string }> = [];
  const series = new Set<string>();
  const standardOf = new Map<Declared, number>();
  for (const d of declared) {
    const m = d.method;
    for (const id of read(m)) series.add(id);
    if (m.kind === 'weighted_mean') {
      const x = idOf.get(m.indicator);
      const w = idOf.get(m.weight);
      if (x !== undefined && w !== undefined) productPairs.push({ indicatorId: x, weightId: w });
    }
    if (m.kind === 'count_meeting' || m.kind === 'share_meeting') {
      const x = idOf.get(m.indicator);
      if (x !== undefined) {
        standards.push({ indicatorId: x, op: m.standard.op, value: m.standard.value });
        standardOf.set(d, standards.length);
      }
    }
  }
  // Growth reads the year before each period too: with a growth method every period is summed.
  const growth = declared.some((d) => d.method.kind === 'growth_of_aggregate');
  const request: UnitTotalsRequest = {
    unitIds,
    indicatorIds: [...series],
    products: productPairs,
    standards,
    periods: growth ? null : periods,
  };
  const rows = await loadUnitTotals(ctx.db, tenant, request);
  const totals = new Map<string, SeriesTotal>();
  const products = new Map<string, string>();
  const meeting = new Map<string, { met: string[]; notMet: string[] }>();
  const periodsOf = new Map<string, Set<string>>();
  for (const r of rows) {
    if (r.kind === 'series') {
      const bases = [r.basis_min, r.basis_max].filter((b): b is string => b !== null) as PriceBasis[];
      totals.set(`${r.indicator_id}|${r.period}`, {
        present: r.present,
        sum: r.sum,
        negatives: r.negatives,
        zeroUnits: (r.zero_units ?? []).map(codeOfUnit),
        bases: [...new Set(bases)],
      });
      addPeriod(periodsOf, r.indicator_id, r.period);
    } else if (r.kind === 'product') {
      products.set(`${r.indicator_id}|${r.other ?? ''}|${r.period}`, r.sum ?? '0');
    } else {
      meeting.set(`${r.other ?? ''}|${r.period}`, {
        met: (r.met ?? []).map(codeOfUnit),
        notMet: (r.not_met ?? []).map(codeOfUnit),
      });
    }
  }
  const group = (d: Declared): GroupTotals => ({
    series: (indicator, period) => totals.get(`${idOf.get(indicator) ?? ''}|${period}`),
    products: (indicator, weight, period) =>
      products.get(`${idOf.get(indicator) ?? ''}|${idOf.get(weight) ?? ''}|${period}`),
    meeting: (_indicator, _standard, period) => meeting.get(`${standardOf.get(d) ?? 0}|${period}`),
  });
  const aggregates: UnitAggregate[] = [];
  const deferred: Array<{ at: number; d: Declared; period: string }> = [];
  for (const d of declared) {
    const totalsOf = group(d);
    for (const period of periodsFor(read(d.method), periodsOf, periods)) {
      const summary = fromTotals({ method: d.method, period, units: unitIds.length }, totalsOf);
      if (summary === null) deferred.push({ at: aggregates.length, d, period });
      aggregates.push(summary === null ? placeholder(d, period) : { indicator: d.code, ...summary });
    }
  }
  if (deferred.length > 0) {
    // What the totals could not decide, from the figures one by one (a missing unit named, a refusal explained).
    const figureRows = await loadUnitFigures(ctx.db, tenant, {
      unitIds,
      indicatorIds: [...new Set(deferred.flatMap(({ d }) => read(d.method)))],
      periods: null,
    });
    const figures = byIndicator(figureRows.map(toFigure(codeOf)));
    for (const { at, d, period } of deferred) {
      aggregates[at] = { indicator: d.code, ...aggregateOne(d, period, unitCodes, figures) };
    }
  }
  return view(aggregates);
}

function addPeriod(periodsOf: Map<string, Set<string>>, key: string, period: string): void {
  let set = periodsOf.get(key);
  if (set === undefined) periodsOf.set(key, (set = new Set()));
  set.add(period);
}

/** Stands in for an aggregate the figures decide, until they are read. */
function placeholder(d: Declared, period: string): UnitAggregate {
  return {
    indicator: d.code,
    method: d.method,
    period,
    status: 'incomplete',
    value: null,
    priceBasis: null,
    units: 0,
    inputs: 0,
    missing: [],
    refusal: null,
    notes: [],
    formula: { vi: '', en: '' },
    explanation: { vi: '', en: '' },
    path: 'figures',
  };
}

/** The periods an indicator is consolidated for: those with a figure of any series its method reads. */
function periodsFor(keys: string[], periodsOf: Map<string, Set<string>>, only: readonly string[] | null): string[] {
  const found = new Set<string>();
  for (const key of keys) for (const p of periodsOf.get(key) ?? []) found.add(p);
  const list = [...found].sort();
  return only === null ? list : list.filter((p) => only.includes(p));
}

function byIndicator(figures: UnitFigure[]): Map<string, UnitFigure[]> {
  const map = new Map<string, UnitFigure[]>();
  for (const f of figures) {
    const list = map.get(f.indicator);
    if (list === undefined) map.set(f.indicator, [f]);
    else list.push(f);
  }
  return map;
}

/** One aggregate from the figures one by one (`aggregate`): the calculation step by step. */
function aggregateOne(
  d: Declared,
  period: string,
  children: string[],
  figures: Map<string, UnitFigure[]>,
): AggregateSummary {
  const read = [...new Set(indicatorsOf(d.method).map((x) => x.indicator))].flatMap((code) => figures.get(code) ?? []);
  return summarize(aggregate({ method: d.method, period, children, figures: read }), children.length);
}

function toFigure(codeOf: Map<string, string>) {
  return (r: {
    indicator_id: string;
    unit_code: string;
    period: string;
    value: string | null;
    status: string;
    price_basis: string;
  }): UnitFigure => ({
    indicator: codeOf.get(r.indicator_id) ?? '',
    unit: r.unit_code,
    period: r.period,
    value: r.value,
    status: r.status as ObservationStatus,
    priceBasis: r.price_basis as PriceBasis,
  });
}

/** Every period of one indicator from the figures one by one. */
function byFigures(
  d: Declared,
  figures: Map<string, UnitFigure[]>,
  children: string[],
  only: readonly string[] | null,
): UnitAggregate[] {
  const codes = [...new Set(indicatorsOf(d.method).map((x) => x.indicator))];
  const periodsOf = new Map<string, Set<string>>();
  for (const code of codes) for (const f of figures.get(code) ?? []) addPeriod(periodsOf, code, f.period);
  return periodsFor(codes, periodsOf, only).map((period) => ({
    indicator: d.code,
    ...aggregateOne(d, period, children, figures),
  }));
}
