// A city target split into per-commune targets: the target being split with what its check needs, the city's
// communes, the commune targets already in force for it, and the writes (a commune target inserted, or a previous
// split's commune target superseded by the new one). Every query filters by tenant.
import type { Queryable } from '../db.ts';

export interface TargetToSplit {
  [k: string]: unknown;
  id: string;
  tenant_id: string;
  plan_id: string;
  indicator_id: string;
  indicator_code: string;
  unit_of_measure: string;
  aggregation_method: unknown;
  kind: string;
  spec: unknown;
  text: string;
  stage: string;
  first_year: number;
  last_year: number;
  /** The target's own unit when it names one; the plan's unit below. */
  unit_id: string | null;
  split_from: string | null;
  plan_unit_id: string | null;
  settings: Record<string, unknown>;
  tenant_settings: Record<string, unknown>;
}

/** A target of a plan by id, locked for the split, with its indicator's declared method and the plan's unit. */
export async function findTargetToSplit(
  db: Queryable,
  tenantId: string,
  planCode: string,
  targetId: string,
): Promise<TargetToSplit | null> {
  const rows = await db.query<TargetToSplit>(
    `SELECT t.id, t.tenant_id, t.plan_id, t.indicator_id, i.code AS indicator_code, i.unit_of_measure, i.aggregation_method,
            t.kind, t.spec, t.text, t.stage, t.first_year, t.last_year, t.unit_id, t.split_from, p.unit_id AS plan_unit_id,
            p.settings, tn.settings AS tenant_settings
       FROM targets t JOIN indicators i ON i.id = t.indicator_id AND i.tenant_id = t.tenant_id
       JOIN plans p ON p.id = t.plan_id AND p.tenant_id = t.tenant_id JOIN tenants tn ON tn.id = p.tenant_id
      WHERE t.tenant_id = $1 AND p.code = $2 AND t.id = $3::uuid
      FOR UPDATE OF t`,
    [tenantId, planCode, targetId],
  );
  return rows[0] ?? null;
}

export interface CommuneOfCity {
  [k: string]: unknown;
  id: string;
  code: string;
  name: string;
  level: string;
  valid_from: string | null;
  valid_to: string | null;
}

/** Every unit ever directly below the city (their validity decides which count on a date). */
export async function communesOfUnit(db: Queryable, tenantId: string, unitId: string): Promise<CommuneOfCity[]> {
  return db.query<CommuneOfCity>(
    `SELECT id, code, name, level, valid_from::text AS valid_from, valid_to::text AS valid_to
       FROM units WHERE tenant_id = $1 AND parent_id = $2 ORDER BY code`,
    [tenantId, unitId],
  );
}

export interface SplitTargetRow {
  [k: string]: unknown;
  id: string;
  unit_id: string;
  unit_code: string;
  unit_name: string;
  kind: string;
  spec: unknown;
  text: string;
}

/** The commune targets in force split from a city target, by commune code. */
export async function splitTargetsOf(db: Queryable, tenantId: string, cityTargetId: string): Promise<SplitTargetRow[]> {
  return db.query<SplitTargetRow>(
    `SELECT t.id, t.unit_id, u.code AS unit_code, u.name AS unit_name, t.kind, t.spec, t.text
       FROM targets t JOIN units u ON u.id = t.unit_id AND u.tenant_id = t.tenant_id
      WHERE t.tenant_id = $1 AND t.split_from = $2 AND t.stage = 'in_force'
      ORDER BY u.code`,
    [tenantId, cityTargetId],
  );
}

/**
 * A commune's target split from a city target: the city target's plan, indicator, document, term and place in the
 * plan's order, for the commune, in force.
 */
export async function insertSplitTarget(
  db: Queryable,
  t: { tenantId: string; cityTargetId: string; unitId: string; spec: unknown; text: string },
): Promise<string> {
  const rows = await db.query<{ id: string }>(
    `INSERT INTO targets (tenant_id, plan_id, indicator_id, unit_id, document_id, kind, spec, text, first_year, last_year, sort_order, stage, split_from)
     SELECT tenant_id, plan_id, indicator_id, $3, document_id, kind, $4, $5, first_year, last_year, sort_order, 'in_force', id
       FROM targets WHERE tenant_id = $1 AND id = $2 RETURNING id`,
    [t.tenantId, t.cityTargetId, t.unitId, JSON.stringify(t.spec), t.text],
  );
  return (rows[0] as { id: string }).id;
}

/** A previous split's commune target, replaced by the new split's: kept as history, superseded from that day. */
export async function supersedeSplitTarget(
  db: Queryable,
  t: { tenantId: string; oldId: string; newId: string; on: string },
): Promise<void> {
  await db.query(
    `UPDATE targets SET stage = 'superseded', superseded_by = $3, superseded_on = $4 WHERE tenant_id = $1 AND id = $2`,
    [t.tenantId, t.oldId, t.newId, t.on],
  );
}
