// A plan's indicators consolidated over the units directly below the plan's unit (the communes of a city), period
// by period, with each indicator's declared method. The database sums what the methods sum (Σ value, Σ value ×
// weight, the units meeting a standard, how many units have a figure); the core turns those totals into the
// aggregate (`fromTotals`). Where the totals cannot decide exactly (a unit without a figure, a refusal, figures on
// another price basis), that aggregate is computed by the core from every figure (`aggregate`), which names the
// missing units and says why it refuses; `path: 'figures'` computes every aggregate that way (the calculation step
// by step, each input listed). A period is consolidated over the units valid at its end (the register over time): a
// commune merged away is not expected to report after it ended, and a period before a merger counts the former
// communes; the database sums over today's units, and a period whose units were others goes to the figures.
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
import { parsePeriod, periodMonths } from '../../core/periods/period.ts';
import { unitsValidOn, type UnitRecord } from '../../core/units/index.ts';
import type { ObservationStatus, PriceBasis } from '../../core/targets/target.ts';
import {
  loadUnitFigures,
  loadUnitTotals,
  type UnitTotalsRequest,
} from '../../storage/repositories/consolidation-repo.ts';
import { findPlanByCode, planUnit } from '../../storage/repositories/plans-repo.ts';
import { communesOfUnit } from '../../storage/repositories/target-splits-repo.ts';
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
  /** The indicators that declare a method, in the plan's order: code, name and unit of measure. */
  indicators: Array<{ code: string; name: string; unit: string }>;
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
  const parent = await planUnit(ctx.db, tenant, plan.id);
  if (!parent) throw new NotFound({ vi: 'đơn vị của nghị quyết', en: 'The plan’s unit' });
  const children = await communesOfUnit(ctx.db, tenant, parent.id);
  const indicators = await ctx.db.query<{
    id: string;
    code: string;
    name: string;
    unit_of_measure: string;
    aggregation_method: unknown;
  }>(
    `SELECT id, code, name, unit_of_measure, aggregation_method FROM indicators
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
  const childrenAt = validChildren(children, unitCodes);
  const periods = input.periods ?? null;
  const view = (aggregates: UnitAggregate[]): ConsolidationOverUnits => ({
    plan: { code: plan.code, unit: parent.code },
    units: childrenAt(ctx.now().toISOString().slice(0, 10)),
    indicators: indicators.map((i) => ({ code: i.code, name: i.name, unit: i.unit_of_measure })),
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
    return view(declared.flatMap((d) => byFigures(d, figures, childrenAt, periods)));
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
  // The database sums over the communes valid today; a period whose communes were others (before a merger) is
  // computed from the figures below, over its own communes.
  const today = ctx.now().toISOString().slice(0, 10);
  const current = childrenAt(today);
  const currentSet = new Set(current);
  const summed = children.filter((c) => currentSet.has(c.code)).map((c) => c.id);
  const request: UnitTotalsRequest = {
    unitIds: summed,
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
  // The periods only units no longer valid have figures for (summed over none of today's units) are consolidated too.
  const ended = children.filter((c) => !currentSet.has(c.code)).map((c) => c.id);
  if (ended.length > 0)
    for (const r of await loadUnitFigures(ctx.db, tenant, {
      unitIds: ended,
      indicatorIds: [...series],
      periods: growth ? null : periods,
    }))
      addPeriod(periodsOf, r.indicator_id, r.period);
  const group = (d: Declared): GroupTotals => ({
    series: (indicator, period) => totals.get(`${idOf.get(indicator) ?? ''}|${period}`),
    products: (indicator, weight, period) =>
      products.get(`${idOf.get(indicator) ?? ''}|${idOf.get(weight) ?? ''}|${period}`),
    meeting: (_indicator, _standard, period) => meeting.get(`${standardOf.get(d) ?? 0}|${period}`),
  });
  const aggregates: UnitAggregate[] = [];
  const deferred: Array<{ at: number; d: Declared; period: string; units: string[] }> = [];
  for (const d of declared) {
    const totalsOf = group(d);
    for (const period of periodsFor(read(d.method), periodsOf, periods)) {
      const units = childrenAt(periodEnd(period));
      if (units.length === 0) continue;
      // A period whose communes are not today's (one merged away after its end, one created since) is computed over
      // its own communes from the figures; the totals are over today's.
      const summary =
        units.length === current.length && units.every((u) => currentSet.has(u))
          ? fromTotals({ method: d.method, period, units: units.length }, totalsOf)
          : null;
      if (summary === null) deferred.push({ at: aggregates.length, d, period, units });
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
    for (const { at, d, period, units } of deferred) {
      aggregates[at] = { indicator: d.code, ...aggregateOne(d, period, units, figures) };
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

/** Every period of one indicator from the figures one by one, over the child units valid at the period's end. */
function byFigures(
  d: Declared,
  figures: Map<string, UnitFigure[]>,
  childrenAt: (date: string) => string[],
  only: readonly string[] | null,
): UnitAggregate[] {
  const codes = [...new Set(indicatorsOf(d.method).map((x) => x.indicator))];
  const periodsOf = new Map<string, Set<string>>();
  for (const code of codes) for (const f of figures.get(code) ?? []) addPeriod(periodsOf, code, f.period);
  return periodsFor(codes, periodsOf, only).flatMap((period) => {
    const children = childrenAt(periodEnd(period));
    return children.length === 0 ? [] : [{ indicator: d.code, ...aggregateOne(d, period, children, figures) }];
  });
}

/** The last day a period covers (ISO), or the far future for a code that is not a period (no unit is left out). */
function periodEnd(period: string): string {
  try {
    const { to } = periodMonths(parsePeriod(period));
    const last = new Date(Date.UTC(to.year, to.month, 0)).getUTCDate();
    return `${String(to.year).padStart(4, '0')}-${String(to.month).padStart(2, '0')}-${String(last).padStart(2, '0')}`;
  } catch {
    return '9999-12-31';
  }
}

/**
 * The child units valid on a date, in code order (the register over time: a commune merged away is not expected to
 * report after it ended). When no child has validity dates, every child, always.
 */
function validChildren(
  children: ReadonlyArray<{
    code: string;
    name: string;
    level: string;
    valid_from: string | null;
    valid_to: string | null;
  }>,
  all: string[],
): (date: string) => string[] {
  if (children.every((c) => c.valid_from === null && c.valid_to === null)) return () => all;
  const records = children.map((c) => ({
    code: c.code,
    name: c.name,
    level: c.level as UnitRecord['level'],
    validFrom: c.valid_from ?? '1900-01-01',
    validTo: c.valid_to,
  }));
  return (date) => unitsValidOn(records, date).map((u) => u.code);
}
