// Writes to a plan's targets and units that change what its evaluation reads: a target's wording and definition,
// a unit's validity (a commune merged or dissolved). Every query filters by tenant.
import type { Queryable } from '../db.ts';

export interface TargetForEdit {
  [k: string]: unknown;
  id: string;
  indicator_id: string;
  spec: unknown;
  text: string;
  plan_id: string;
  tenant_id: string;
  settings: Record<string, unknown>;
  tenant_settings: Record<string, unknown>;
}

/** The first target of a plan's indicator (the plan's own term; a commune's share of a split last), locked for the edit. */
export async function findTargetForEdit(
  db: Queryable,
  tenantId: string,
  planCode: string,
  indicatorCode: string,
  /** One of the indicator's targets in force (an indicator may carry several); unnamed, the first. */
  targetId?: string,
): Promise<TargetForEdit | null> {
  const rows = await db.query<TargetForEdit>(
    `SELECT t.id, t.indicator_id, t.spec, t.text, p.id AS plan_id, p.tenant_id, p.settings, tn.settings AS tenant_settings
       FROM targets t JOIN indicators i ON i.id = t.indicator_id AND i.tenant_id = t.tenant_id
       JOIN plans p ON p.id = t.plan_id AND p.tenant_id = t.tenant_id JOIN tenants tn ON tn.id = p.tenant_id
      WHERE t.tenant_id = $1 AND p.code = $2 AND i.code = $3 AND t.stage = 'in_force'
        AND ($4::uuid IS NULL OR t.id = $4::uuid)
      ORDER BY t.split_from IS NOT NULL, t.sort_order LIMIT 1 FOR UPDATE OF t`,
    [tenantId, planCode, indicatorCode, targetId ?? null],
  );
  return rows[0] ?? null;
}

export async function updateTarget(
  db: Queryable,
  t: { tenantId: string; id: string; spec: unknown; text: string; firstYear: number; lastYear: number },
): Promise<void> {
  await db.query(
    'UPDATE targets SET spec = $3, text = $4, first_year = $5, last_year = $6 WHERE tenant_id = $1 AND id = $2',
    [t.tenantId, t.id, JSON.stringify(t.spec), t.text, t.firstYear, t.lastYear],
  );
}

/** Sets the last day a unit existed (null: still exists); returns its previous validity, null if not found. */
export async function setUnitValidTo(
  db: Queryable,
  tenantId: string,
  code: string,
  validTo: string | null,
): Promise<{ id: string; valid_to: string | null } | null> {
  const before = await db.query<{ id: string; valid_to: string | null }>(
    `SELECT id, valid_to FROM units WHERE tenant_id = $1 AND code = $2 ORDER BY valid_from DESC NULLS LAST LIMIT 1 FOR UPDATE`,
    [tenantId, code],
  );
  const unit = before[0];
  if (!unit) return null;
  await db.query('UPDATE units SET valid_to = $3 WHERE tenant_id = $1 AND id = $2', [tenantId, unit.id, validTo]);
  return unit;
}

/** Every plan of a tenant, as a recompute needs it (a unit change may move any of them). */
export async function plansOfTenant(
  db: Queryable,
  tenantId: string,
): Promise<
  {
    [k: string]: unknown;
    id: string;
    tenant_id: string;
    settings: Record<string, unknown>;
    tenant_settings: Record<string, unknown>;
  }[]
> {
  return db.query(
    `SELECT p.id, p.tenant_id, p.settings, tn.settings AS tenant_settings FROM plans p JOIN tenants tn ON tn.id = p.tenant_id
      WHERE p.tenant_id = $1 ORDER BY p.code`,
    [tenantId],
  );
}

/** A document of a plan by its dataset code, or null. */
export async function findPlanDocument(
  db: Queryable,
  tenantId: string,
  planId: string,
  code: string,
): Promise<{ id: string } | null> {
  const rows = await db.query<{ id: string }>(
    'SELECT id FROM documents WHERE tenant_id = $1 AND plan_id = $2 AND code = $3',
    [tenantId, planId, code],
  );
  return rows[0] ?? null;
}

export async function insertPlanDocument(
  db: Queryable,
  d: {
    tenantId: string;
    planId: string;
    code: string;
    kind: string;
    title: string;
    number: string | null;
    date: string | null;
    issuer: string | null;
    url: string | null;
  },
): Promise<string> {
  const rows = await db.query<{ id: string }>(
    `INSERT INTO documents (tenant_id, plan_id, code, kind, title, number, issued_on, issuer, url)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9) RETURNING id`,
    [d.tenantId, d.planId, d.code, d.kind, d.title, d.number, d.date, d.issuer, d.url],
  );
  return (rows[0] as { id: string }).id;
}

/**
 * A later document revises a target: the new target is inserted in force (same indicator, same place in the plan's
 * order) and the old one is kept, superseded, naming its successor, the document and the day it took over.
 */
export async function supersedeTarget(
  db: Queryable,
  t: {
    tenantId: string;
    oldId: string;
    documentId: string;
    effectiveOn: string;
    spec: unknown;
    kind: string;
    text: string;
    firstYear: number;
    lastYear: number;
    citation: unknown;
  },
): Promise<string> {
  const rows = await db.query<{ id: string }>(
    `INSERT INTO targets (tenant_id, plan_id, indicator_id, unit_id, document_id, kind, spec, text, first_year, last_year, sort_order, stage, citation)
     SELECT tenant_id, plan_id, indicator_id, unit_id, $3, $4, $5, $6, $7, $8, sort_order, 'in_force', $9
       FROM targets WHERE tenant_id = $1 AND id = $2 RETURNING id`,
    [
      t.tenantId,
      t.oldId,
      t.documentId,
      t.kind,
      JSON.stringify(t.spec),
      t.text,
      t.firstYear,
      t.lastYear,
      t.citation === null ? null : JSON.stringify(t.citation),
    ],
  );
  const newId = (rows[0] as { id: string }).id;
  await db.query(
    `UPDATE targets SET stage = 'superseded', superseded_by = $3, revised_by_document_id = $4, superseded_on = $5
      WHERE tenant_id = $1 AND id = $2`,
    [t.tenantId, t.oldId, newId, t.documentId, t.effectiveOn],
  );
  return newId;
}

export interface TargetHistoryRow {
  [k: string]: unknown;
  id: string;
  stage: string;
  kind: string;
  spec: unknown;
  text: string;
  citation: Record<string, unknown> | null;
  derived: Record<string, string> | null;
  created_at: Date;
  superseded_on: string | null;
  superseded_by: string | null;
  document: Record<string, unknown> | null;
  revised_by: Record<string, unknown> | null;
}

const DOC_JSON = (alias: string): string =>
  `CASE WHEN ${alias}.id IS NULL THEN NULL ELSE jsonb_build_object('code', ${alias}.code, 'kind', ${alias}.kind, 'title', ${alias}.title, 'number', ${alias}.number, 'date', ${alias}.issued_on::text, 'issuer', ${alias}.issuer, 'url', ${alias}.url, 'file', ${alias}.file) END`;

/** Every target an indicator has had, in force or not, oldest first, each with its document and what revised it. */
export async function targetHistory(
  db: Queryable,
  tenantId: string | null,
  planCode: string,
  indicatorCode: string,
): Promise<TargetHistoryRow[]> {
  return db.query<TargetHistoryRow>(
    `SELECT t.id, t.stage, t.kind, t.spec, t.text, t.citation, t.derived, t.created_at, t.superseded_on::text AS superseded_on,
            t.superseded_by, ${DOC_JSON('d')} AS document, ${DOC_JSON('r')} AS revised_by
       FROM targets t JOIN indicators i ON i.id = t.indicator_id AND i.tenant_id = t.tenant_id
       JOIN plans p ON p.id = t.plan_id AND p.tenant_id = t.tenant_id
       LEFT JOIN documents d ON d.id = coalesce(t.document_id, p.document_id)
       LEFT JOIN documents r ON r.id = t.revised_by_document_id
      WHERE ($1::uuid IS NULL OR t.tenant_id = $1) AND p.code = $2 AND i.code = $3
      ORDER BY t.sort_order, t.created_at, t.id`,
    [tenantId, planCode, indicatorCode],
  );
}
