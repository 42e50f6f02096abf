// What the figure checks read about an indicator: its measure and declared rules, its targets, and its figures.
import type { Queryable } from '../db.ts';

export interface FigureSubjectRow {
  [k: string]: unknown;
  measure: string;
  figure_rules: Record<string, unknown> | null;
}

export async function loadFigureSubject(
  db: Queryable,
  tenantId: string,
  indicatorId: string,
): Promise<{ measure: string; rules: Record<string, unknown>; specs: unknown[] } | null> {
  const ind = (
    await db.query<FigureSubjectRow>('SELECT measure, figure_rules FROM indicators WHERE tenant_id = $1 AND id = $2', [
      tenantId,
      indicatorId,
    ])
  )[0];
  if (!ind) return null;
  const targets = await db.query<{ spec: unknown }>(
    "SELECT spec FROM targets WHERE tenant_id = $1 AND indicator_id = $2 AND stage = 'in_force' ORDER BY sort_order, id",
    [tenantId, indicatorId],
  );
  return { measure: ind.measure, rules: ind.figure_rules ?? {}, specs: targets.map((t) => t.spec) };
}

/** The newest approved numeric figure of each other period of the indicator for the unit. */
export async function loadFigureHistory(
  db: Queryable,
  tenantId: string,
  indicatorId: string,
  unitId: string,
  exceptPeriod: string,
): Promise<{ period: string; value: string }[]> {
  // The newest approved version first, then only if it has a value: a withdrawn figure is no history.
  return db.query<{ period: string; value: string }>(
    `SELECT period, value FROM (
       SELECT DISTINCT ON (o.id) o.period, v.value::text AS value
         FROM observations o JOIN observation_versions v ON v.observation_id = o.id AND v.tenant_id = o.tenant_id
        WHERE o.tenant_id = $1 AND o.indicator_id = $2 AND o.unit_id = $3 AND o.period <> $4 AND v.workflow_state = 'approved'
        ORDER BY o.id, v.seq DESC) newest
      WHERE value IS NOT NULL`,
    [tenantId, indicatorId, unitId, exceptPeriod],
  );
}
