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

/** The plan's indicators that declare an aggregation method, in the plan's order (ties by code: never the scan's order). */
export async function loadDeclaredIndicators(
  db: Queryable,
  tenantId: string,
  planId: string,
): Promise<DeclaredIndicatorRow[]> {
  return db.query<DeclaredIndicatorRow>(
    `SELECT id, code, name, unit_of_measure, measure, aggregation_method, baseline_consolidation
       FROM indicators
      WHERE tenant_id = $1 AND plan_id = $2 AND aggregation_method IS NOT NULL
      ORDER BY sort_order, code, id`,
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

/** The version that counts of each observation: the choice rule of loadChosenVersions, approved versions only. */
const CHOSEN_BY = `o.id, v.published_on DESC NULLS LAST,
               CASE v.status WHEN 'official' THEN 3 WHEN 'preliminary' THEN 2 ELSE 1 END DESC, v.seq DESC`;

export interface UnitTotalsRequest {
  /** The child units the aggregate is over. */
  unitIds: readonly string[];
  /** Indicators summed per period (Σ value, children with a value, negatives, zero-valued children, price bases). */
  indicatorIds: readonly string[];
  /** (value, weight) indicator pairs: Σ value × weight over the children having both. */
  products: ReadonlyArray<{ indicatorId: string; weightId: string }>;
  /** (indicator, standard): the children meeting it and not; op one of gte, gt, lte, lt, eq. */
  standards: ReadonlyArray<{ indicatorId: string; op: string; value: string }>;
  /** Only these periods (null: every period). */
  periods: readonly string[] | null;
}

export interface UnitTotalsRow {
  [k: string]: unknown;
  kind: 'series' | 'product' | 'meeting';
  indicator_id: string;
  /** The weight's id (product) or the standard's position in the request (meeting), else null. */
  other: string | null;
  period: string;
  present: number;
  sum: string | null;
  negatives: number;
  /** Unit ids: the children whose value is zero (series); meeting and not meeting the standard (meeting). */
  zero_units: string[] | null;
  basis_min: string | null;
  basis_max: string | null;
  met: string[] | null;
  not_met: string[] | null;
}

/**
 * The database's own GROUP BY over the chosen approved figures of the child units: per indicator and period the
 * exact sum and what decides completeness; per (value, weight) pair Σ value × weight; per standard the children
 * meeting it. One statement; the figures themselves stay in the database. The chosen versions are not materialised
 * for a plain sum (the CTE is read once and inlined: a parallel hash join, no unit table joined, unit ids grouped and
 * named in the service); the product and standard parts are only written when a method needs them.
 */
export async function loadUnitTotals(
  db: Queryable,
  tenantId: string,
  request: UnitTotalsRequest,
): Promise<UnitTotalsRow[]> {
  const ids = [
    ...new Set([
      ...request.indicatorIds,
      ...request.products.flatMap((p) => [p.indicatorId, p.weightId]),
      ...request.standards.map((s) => s.indicatorId),
    ]),
  ];
  if (ids.length === 0 || request.unitIds.length === 0) return [];
  const parts = [
    `SELECT 'series' AS kind, c.indicator_id, NULL::text AS other, c.period,
            count(c.value)::int AS present, sum(c.value)::text AS sum,
            count(*) FILTER (WHERE c.value < 0)::int AS negatives,
            array_agg(c.unit_id) FILTER (WHERE c.value = 0)::text[] AS zero_units,
            min(c.price_basis) FILTER (WHERE c.value IS NOT NULL) AS basis_min,
            max(c.price_basis) FILTER (WHERE c.value IS NOT NULL) AS basis_max,
            NULL::text[] AS met, NULL::text[] AS not_met
       FROM chosen c WHERE c.indicator_id = ANY($5::uuid[])
      GROUP BY c.indicator_id, c.period`,
  ];
  const params: unknown[] = [tenantId, request.unitIds, ids, request.periods, request.indicatorIds];
  if (request.products.length > 0) {
    params.push(
      request.products.map((p) => p.indicatorId),
      request.products.map((p) => p.weightId),
    );
    const [x, w] = [params.length - 1, params.length];
    parts.push(`SELECT 'product', p.x, p.w::text, x.period, count(*)::int, sum(x.value * w.value)::text, 0, NULL, NULL,
            NULL, NULL, NULL
       FROM unnest($${x}::uuid[], $${w}::uuid[]) AS p(x, w)
       JOIN chosen x ON x.indicator_id = p.x AND x.value IS NOT NULL
       JOIN chosen w ON w.indicator_id = p.w AND w.unit_id = x.unit_id AND w.period = x.period AND w.value IS NOT NULL
      GROUP BY p.x, p.w, x.period`);
  }
  if (request.standards.length > 0) {
    params.push(
      request.standards.map((s) => s.indicatorId),
      request.standards.map((s) => s.op),
      request.standards.map((s) => s.value),
    );
    const [i, op, v] = [params.length - 2, params.length - 1, params.length];
    parts.push(`SELECT 'meeting', s.i, s.n::text, c.period, count(*)::int, NULL, 0, NULL, NULL, NULL,
            coalesce(array_agg(c.unit_id) FILTER (WHERE m.meets), '{}')::text[],
            coalesce(array_agg(c.unit_id) FILTER (WHERE NOT m.meets), '{}')::text[]
       FROM unnest($${i}::uuid[], $${op}::text[], $${v}::numeric[]) WITH ORDINALITY AS s(i, op, v, n)
       JOIN chosen c ON c.indicator_id = s.i AND c.value IS NOT NULL
       CROSS JOIN LATERAL (SELECT CASE s.op WHEN 'gte' THEN c.value >= s.v WHEN 'gt' THEN c.value > s.v
                                            WHEN 'lte' THEN c.value <= s.v WHEN 'lt' THEN c.value < s.v
                                            ELSE c.value = s.v END AS meets) m
      GROUP BY s.i, s.n, c.period`);
  }
  return db.query<UnitTotalsRow>(
    `WITH chosen AS (
       SELECT DISTINCT ON (o.id) o.indicator_id, o.period, o.unit_id, v.value, v.price_basis
         FROM observations o
         JOIN observation_versions v ON v.observation_id = o.id AND v.tenant_id = o.tenant_id
        WHERE o.tenant_id = $1 AND o.unit_id = ANY($2::uuid[]) AND o.indicator_id = ANY($3::uuid[])
          AND v.workflow_state = 'approved' AND ($4::text[] IS NULL OR o.period = ANY($4::text[]))
        ORDER BY ${CHOSEN_BY}
     )
     ${parts.join(' UNION ALL ')}`,
    params,
  );
}

export interface UnitFigureRow {
  [k: string]: unknown;
  indicator_id: string;
  unit_code: string;
  period: string;
  value: string | null;
  status: string;
  price_basis: string;
}

/** The chosen approved figure of each (indicator, child unit, period) asked for: what `aggregate` reads one by one. */
export async function loadUnitFigures(
  db: Queryable,
  tenantId: string,
  request: { unitIds: readonly string[]; indicatorIds: readonly string[]; periods: readonly string[] | null },
): Promise<UnitFigureRow[]> {
  if (request.unitIds.length === 0 || request.indicatorIds.length === 0) return [];
  return db.query<UnitFigureRow>(
    `SELECT DISTINCT ON (o.id) o.indicator_id, u.code AS unit_code, o.period, v.value::text AS value, v.status,
            v.price_basis
       FROM observations o
       JOIN units u ON u.id = o.unit_id AND u.tenant_id = o.tenant_id
       JOIN observation_versions v ON v.observation_id = o.id AND v.tenant_id = o.tenant_id
      WHERE o.tenant_id = $1 AND o.unit_id = ANY($2::uuid[]) AND o.indicator_id = ANY($3::uuid[])
        AND v.workflow_state = 'approved' AND ($4::text[] IS NULL OR o.period = ANY($4::text[]))
      ORDER BY ${CHOSEN_BY}`,
    [tenantId, request.unitIds, request.indicatorIds, request.periods],
  );
}
