// What an import of figures reads up front, in a few queries for the whole plan (not one per row), and its writes.
import type { Queryable } from '../db.ts';

export interface ImportIndicator {
  [k: string]: unknown;
  id: string;
  code: string;
  name: string;
  unit_of_measure: string;
  measure: string;
  price_basis: string;
  frequency: string;
  figure_rules: Record<string, unknown> | null;
  owner_agency_id: string | null;
  agency_code: string | null;
  sort_order: number;
  parent_id: string | null;
}

export async function loadImportIndicators(
  db: Queryable,
  tenantId: string,
  planId: string,
): Promise<ImportIndicator[]> {
  return db.query<ImportIndicator>(
    `SELECT i.id, i.code, i.name, i.unit_of_measure, i.measure, i.price_basis, i.frequency, i.figure_rules,
            i.owner_agency_id, a.code AS agency_code, i.sort_order, i.parent_id
       FROM indicators i LEFT JOIN agencies a ON a.id = i.owner_agency_id AND a.tenant_id = i.tenant_id
      WHERE i.tenant_id = $1 AND i.plan_id = $2 ORDER BY i.sort_order, i.code`,
    [tenantId, planId],
  );
}

export async function loadImportTargets(
  db: Queryable,
  tenantId: string,
  planId: string,
): Promise<{ indicator_id: string; spec: unknown; first_year: number; last_year: number; unit_id: string | null }[]> {
  return db.query(
    `SELECT indicator_id, spec, first_year, last_year, unit_id FROM targets WHERE tenant_id = $1 AND plan_id = $2 ORDER BY sort_order, id`,
    [tenantId, planId],
  );
}

export async function loadUnitCodes(
  db: Queryable,
  tenantId: string,
): Promise<{ id: string; code: string; name: string }[]> {
  return db.query(
    `SELECT DISTINCT ON (code) id, code, name FROM units WHERE tenant_id = $1 ORDER BY code, valid_from DESC NULLS LAST`,
    [tenantId],
  );
}

export interface NewestVersion {
  [k: string]: unknown;
  indicator_id: string;
  unit_id: string;
  period: string;
  seq: number;
  value_text: string | null;
  status: string;
  source_text: string | null;
  published_on: string | null;
  reason: string | null;
  workflow_state: string;
}

/** The newest version of every observation of the plan's indicators. */
export async function loadNewestVersions(db: Queryable, tenantId: string, planId: string): Promise<NewestVersion[]> {
  return db.query<NewestVersion>(
    `SELECT DISTINCT ON (o.id) o.indicator_id, o.unit_id, o.period, v.seq, v.value_text, v.status, v.source_text,
            v.published_on, v.reason, v.workflow_state
       FROM observations o
       JOIN indicators i ON i.id = o.indicator_id AND i.tenant_id = o.tenant_id
       JOIN observation_versions v ON v.observation_id = o.id AND v.tenant_id = o.tenant_id
      WHERE o.tenant_id = $1 AND i.plan_id = $2
      ORDER BY o.id, v.seq DESC`,
    [tenantId, planId],
  );
}

/** The newest approved numeric figure of every observation of the plan's indicators (the checks' history). */
export async function loadApprovedHistory(
  db: Queryable,
  tenantId: string,
  planId: string,
): Promise<{ indicator_id: string; unit_id: string; period: string; value: string }[]> {
  return db.query(
    `SELECT indicator_id, unit_id, period, value FROM (
       SELECT DISTINCT ON (o.id) o.indicator_id, o.unit_id, o.period, v.value::text AS value
         FROM observations o
         JOIN indicators i ON i.id = o.indicator_id AND i.tenant_id = o.tenant_id
         JOIN observation_versions v ON v.observation_id = o.id AND v.tenant_id = o.tenant_id
        WHERE o.tenant_id = $1 AND i.plan_id = $2 AND v.workflow_state = 'approved'
        ORDER BY o.id, v.seq DESC) newest
      WHERE value IS NOT NULL`,
    [tenantId, planId],
  );
}

export async function findAgencyByCode(
  db: Queryable,
  tenantId: string,
  code: string,
): Promise<{ id: string; code: string; name: string } | null> {
  const rows = await db.query<{ id: string; code: string; name: string }>(
    'SELECT id, code, name FROM agencies WHERE tenant_id = $1 AND code = $2',
    [tenantId, code],
  );
  return rows[0] ?? null;
}

export interface ExportFigureRow {
  [k: string]: unknown;
  indicator_code: string;
  unit_of_measure: string;
  unit_code: string;
  period: string;
  value: string | null;
  value_text: string | null;
  status: string;
  source_text: string | null;
  published_on: string | null;
  reason: string | null;
  workflow_state: string;
  seq: number;
}

/** The newest version of every figure of the plan, in the plan's order; `approvedOnly` for the public. */
export async function loadExportFigures(
  db: Queryable,
  tenantId: string,
  planId: string,
  approvedOnly: boolean,
): Promise<ExportFigureRow[]> {
  return db.query<ExportFigureRow>(
    `SELECT * FROM (
       SELECT DISTINCT ON (o.id) i.code AS indicator_code, i.unit_of_measure, u.code AS unit_code, o.period,
              v.value::text AS value, v.value_text, v.status, v.source_text, v.published_on, v.reason,
              v.workflow_state, v.seq, i.sort_order
         FROM observations o
         JOIN indicators i ON i.id = o.indicator_id AND i.tenant_id = o.tenant_id
         JOIN units u ON u.id = o.unit_id AND u.tenant_id = o.tenant_id
         JOIN observation_versions v ON v.observation_id = o.id AND v.tenant_id = o.tenant_id
        WHERE o.tenant_id = $1 AND i.plan_id = $2 AND (NOT $3 OR v.workflow_state = 'approved')
        ORDER BY o.id, v.seq DESC) newest
      ORDER BY sort_order, indicator_code, unit_code, period`,
    [tenantId, planId, approvedOnly],
  );
}

export async function loadExportTargets(
  db: Queryable,
  tenantId: string,
  planId: string,
): Promise<
  {
    indicator_code: string;
    unit_code: string | null;
    kind: string;
    text: string;
    first_year: number;
    last_year: number;
    spec: unknown;
  }[]
> {
  return db.query(
    `SELECT i.code AS indicator_code, u.code AS unit_code, t.kind, t.text, t.first_year, t.last_year, t.spec
       FROM targets t JOIN indicators i ON i.id = t.indicator_id AND i.tenant_id = t.tenant_id
       LEFT JOIN units u ON u.id = t.unit_id
      WHERE t.tenant_id = $1 AND t.plan_id = $2 ORDER BY t.sort_order, i.code, t.id`,
    [tenantId, planId],
  );
}
