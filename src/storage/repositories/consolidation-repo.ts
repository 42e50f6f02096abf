// What consolidated baselines read: the indicators' declarations, the mergers into a unit, and the chosen figure
// versions of the former units' indicators in their own plans. Every query filters by tenant.
import type { Queryable } from '../db.ts';

export interface DeclaredIndicatorRow {
  [k: string]: unknown;
  id: string;
  code: string;
  name: string;
  unit_of_measure: string;
  measure: string;
  aggregation_method: unknown;
  baseline_consolidation: unknown;
}

/** The plan's indicators that declare an aggregation method, in the plan's order. */
export async function loadDeclaredIndicators(
  db: Queryable,
  tenantId: string,
  planId: string,
): Promise<DeclaredIndicatorRow[]> {
  return db.query<DeclaredIndicatorRow>(
    `SELECT id, code, name, unit_of_measure, measure, aggregation_method, baseline_consolidation
       FROM indicators
      WHERE tenant_id = $1 AND plan_id = $2 AND aggregation_method IS NOT NULL
      ORDER BY sort_order`,
    [tenantId, planId],
  );
}

export interface MergerRow {
  [k: string]: unknown;
  from_code: string;
  from_name: string;
  to_code: string;
  effective_on: string;
  document_number: string | null;
}

/** Every merger into the unit, with the codes of both sides and the legal document's number. */
export async function loadMergersInto(db: Queryable, tenantId: string, unitId: string): Promise<MergerRow[]> {
  return db.query<MergerRow>(
    `SELECT f.code AS from_code, f.name AS from_name, t.code AS to_code, l.effective_on::text AS effective_on,
            d.number AS document_number
       FROM unit_lineage l
       JOIN units f ON f.id = l.from_unit_id AND f.tenant_id = l.tenant_id
       JOIN units t ON t.id = l.to_unit_id AND t.tenant_id = l.tenant_id
       LEFT JOIN documents d ON d.id = l.document_id AND d.tenant_id = l.tenant_id
      WHERE l.tenant_id = $1 AND l.to_unit_id = $2 AND l.event = 'merged_into'
      ORDER BY l.effective_on, f.code`,
    [tenantId, unitId],
  );
}

export interface FormerFigureRequest {
  plan: string;
  indicator: string;
  unit: string;
  period: string;
}

export interface FormerFigureRow {
  [k: string]: unknown;
  plan_code: string;
  plan_name: string;
  indicator_code: string;
  indicator_name: string;
  unit_of_measure: string;
  unit_code: string;
  period: string;
  value: string | null;
  value_text: string | null;
  status: string;
  price_basis: string;
  source_text: string | null;
  published_on: string | null;
  provenance: { line?: number; lineEnd?: number } | null;
  version_id: string;
}

/**
 * The chosen version (latest by publication date, then chính thức over sơ bộ over ước, then entry order: the rule
 * of loadChosenVersions) of each requested (plan, indicator, unit, period), approved only unless asked otherwise,
 * and only versions known on `publishedOn` when given.
 */
export async function loadFormerFigures(
  db: Queryable,
  tenantId: string,
  requests: readonly FormerFigureRequest[],
  approvedOnly: boolean,
  publishedOn: string | null = null,
): Promise<FormerFigureRow[]> {
  if (requests.length === 0) return [];
  return db.query<FormerFigureRow>(
    `WITH wanted AS (
       SELECT * FROM unnest($2::text[], $3::text[], $4::text[], $5::text[]) AS w(plan_code, indicator_code, unit_code, period)
     )
     SELECT DISTINCT ON (o.id)
            p.code AS plan_code, p.name AS plan_name, i.code AS indicator_code, i.name AS indicator_name,
            i.unit_of_measure, u.code AS unit_code, o.period, v.value::text AS value, v.value_text, v.status,
            v.price_basis, v.source_text, v.published_on::text AS published_on, v.provenance, v.id AS version_id
       FROM wanted w
       JOIN plans p ON p.tenant_id = $1 AND p.code = w.plan_code
       JOIN indicators i ON i.tenant_id = $1 AND i.plan_id = p.id AND i.code = w.indicator_code
       JOIN units u ON u.tenant_id = $1 AND u.code = w.unit_code
       JOIN observations o ON o.tenant_id = $1 AND o.indicator_id = i.id AND o.unit_id = u.id AND o.period = w.period
       JOIN observation_versions v ON v.tenant_id = $1 AND v.observation_id = o.id
      WHERE ($6::boolean IS FALSE OR v.workflow_state = 'approved')
        AND ($7::date IS NULL OR v.published_on IS NULL OR v.published_on <= $7)
      ORDER BY o.id, v.published_on DESC NULLS LAST,
               CASE v.status WHEN 'official' THEN 3 WHEN 'preliminary' THEN 2 ELSE 1 END DESC, v.seq DESC`,
    [
      tenantId,
      requests.map((r) => r.plan),
      requests.map((r) => r.indicator),
      requests.map((r) => r.unit),
      requests.map((r) => r.period),
      approvedOnly,
      publishedOn,
    ],
  );
}
