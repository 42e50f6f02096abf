// What an evaluation reads: a plan's targets with their indicators, and the observation versions that may feed
// them. Which version counts (approved only, as published on a date) is chosen here in SQL, readable in review.
import type { Queryable } from '../db.ts';

export interface TargetInputRow {
  [k: string]: unknown;
  target_id: string;
  indicator_id: string;
  unit_id: string;
  kind: string;
  spec: unknown;
  text: string;
  sort_order: number;
  target_provenance: { line?: number } | null;
  indicator_code: string;
  indicator_name: string;
  unit_of_measure: string;
  measure: string;
  price_basis: string;
  parent_code: string | null;
  composite_rule: string | null;
  indicator_provenance: { reportedVerdict?: { text: string; status: string; line?: number } | null } | null;
  document: {
    kind: string;
    number: string | null;
    issued_on: string | null;
    issuer: string | null;
    title: string;
  } | null;
}

export async function loadPlanTargets(
  db: Queryable,
  tenantId: string,
  planId: string,
  indicatorIds: string[] | null = null,
): Promise<TargetInputRow[]> {
  return db.query<TargetInputRow>(
    `SELECT t.id AS target_id, t.indicator_id, coalesce(t.unit_id, p.unit_id) AS unit_id, t.kind, t.spec, t.text, t.sort_order,
            t.provenance AS target_provenance,
            i.code AS indicator_code, i.name AS indicator_name, i.unit_of_measure, i.measure, i.price_basis,
            pi.code AS parent_code, i.composite_rule, i.provenance AS indicator_provenance,
            CASE WHEN d.id IS NULL THEN NULL ELSE jsonb_build_object('kind', d.kind, 'number', d.number, 'issued_on', d.issued_on, 'issuer', d.issuer, 'title', d.title) END AS document
       FROM targets t
       JOIN plans p ON p.id = t.plan_id AND p.tenant_id = t.tenant_id
       JOIN indicators i ON i.id = t.indicator_id AND i.tenant_id = t.tenant_id
       LEFT JOIN indicators pi ON pi.id = i.parent_id
       LEFT JOIN documents d ON d.id = coalesce(t.document_id, p.document_id)
      WHERE t.tenant_id = $1 AND t.plan_id = $2 AND ($3::uuid[] IS NULL OR t.indicator_id = ANY($3))
      ORDER BY i.sort_order, t.sort_order`,
    [tenantId, planId, indicatorIds],
  );
}

export interface VersionInputRow {
  [k: string]: unknown;
  observation_id: string;
  indicator_id: string;
  unit_id: string;
  period: string;
  version_id: string;
  seq: number;
  value: string | null;
  value_qualifier: Record<string, unknown> | null;
  value_text: string | null;
  status: 'estimate' | 'preliminary' | 'official';
  vintage_label: string | null;
  change_kind: string;
  measure: string;
  price_basis: string;
  source_text: string | null;
  published_on: string | null;
  workflow_state: string;
}

/**
 * The version of each observation that an evaluation uses: the latest (highest seq) among those allowed.
 * approvedOnly: only approved versions (what is public and counts in official reports).
 * publishedOn: only versions known on that date. A version without a publication date came from a source
 * document whose date chitieu does not know (the bundled dataset): it counts as known before any dated vintage.
 */
export async function loadChosenVersions(
  db: Queryable,
  tenantId: string,
  indicatorIds: string[],
  opts: { approvedOnly: boolean; publishedOn: string | null },
): Promise<VersionInputRow[]> {
  if (indicatorIds.length === 0) return [];
  return db.query<VersionInputRow>(
    `SELECT DISTINCT ON (o.id)
            o.id AS observation_id, o.indicator_id, o.unit_id, o.period,
            v.id AS version_id, v.seq, v.value, v.value_qualifier, v.value_text, v.status, v.vintage_label, v.change_kind,
            v.measure, v.price_basis, v.source_text, v.published_on, v.workflow_state
       FROM observations o
       JOIN observation_versions v ON v.observation_id = o.id AND v.tenant_id = o.tenant_id
      WHERE o.tenant_id = $1 AND o.indicator_id = ANY($2)
        AND ($3::boolean IS FALSE OR v.workflow_state = 'approved')
        AND ($4::date IS NULL OR v.published_on IS NULL OR v.published_on <= $4)
      ORDER BY o.id, v.seq DESC`,
    [tenantId, indicatorIds, opts.approvedOnly, opts.publishedOn],
  );
}

/** The manual override in force for each target (the newest not revoked), as the engine takes it. */
export async function loadActiveOverrides(
  db: Queryable,
  tenantId: string,
  targetIds: string[],
): Promise<
  Map<
    string,
    {
      status: 'exceeded' | 'met' | 'not_met' | 'no_data' | 'on_track' | 'at_risk' | 'off_track';
      reason: string;
      by: string;
      at: string;
    }
  >
> {
  if (targetIds.length === 0) return new Map();
  const rows = await db.query<{ target_id: string; status: string; reason: string; by: string; at: Date }>(
    `SELECT DISTINCT ON (o.target_id) o.target_id, o.status, o.reason, coalesce(u.display_name, 'hệ thống') AS by, o.created_at AS at
       FROM evaluation_overrides o LEFT JOIN users u ON u.id = o.created_by
      WHERE o.tenant_id = $1 AND o.target_id = ANY($2) AND o.revoked_at IS NULL
      ORDER BY o.target_id, o.created_at DESC`,
    [tenantId, targetIds],
  );
  return new Map(
    rows.map((r) => [
      r.target_id,
      { status: r.status as 'met', reason: r.reason, by: r.by, at: new Date(r.at).toISOString() },
    ]),
  );
}

export interface CompositeIndicatorRow {
  [k: string]: unknown;
  indicator_id: string;
  indicator_code: string;
  indicator_name: string;
  parent_code: string | null;
  indicator_provenance: TargetInputRow['indicator_provenance'];
}

/** Indicators of a plan judged from their children (rule all_children_met) that have no target of their own. */
export async function loadCompositeIndicators(
  db: Queryable,
  tenantId: string,
  planId: string,
): Promise<CompositeIndicatorRow[]> {
  return db.query<CompositeIndicatorRow>(
    `SELECT i.id AS indicator_id, i.code AS indicator_code, i.name AS indicator_name, pi.code AS parent_code, i.provenance AS indicator_provenance
       FROM indicators i LEFT JOIN indicators pi ON pi.id = i.parent_id
      WHERE i.tenant_id = $1 AND i.plan_id = $2 AND i.composite_rule = 'all_children_met'
        AND NOT EXISTS (SELECT 1 FROM targets t WHERE t.indicator_id = i.id)
      ORDER BY i.sort_order`,
    [tenantId, planId],
  );
}

/** Indicator codes of a plan in the plan's own order (the order of its results table). */
export async function loadPlanIndicatorOrder(db: Queryable, tenantId: string, planId: string): Promise<string[]> {
  const rows = await db.query<{ code: string }>(
    'SELECT code FROM indicators WHERE tenant_id = $1 AND plan_id = $2 ORDER BY sort_order',
    [tenantId, planId],
  );
  return rows.map((r) => r.code);
}
