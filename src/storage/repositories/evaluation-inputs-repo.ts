// What a plan evaluation reads, in one call: the plan snapshot (targets in force and drafts, with their indicators and
// scopes; the figure version that counts for each observation, overrides, child units, composite parents, the plan's
// order). Which version counts is chosen here in SQL, readable in review.
import type {
  EngineVersion,
  PlanSnapshot,
  SnapshotComposite,
  SnapshotTarget,
  SnapshotUnit,
  SnapshotVersion,
} from '../../core/plan-evaluation/index.ts';
import type { ManualOverride } from '../../core/evaluation/index.ts';
import type { Queryable } from '../db.ts';

type Row<T> = T & { [k: string]: unknown };

/** The targets of the plan in force and drafts, with their indicators and scopes, in the plan's order. */
export async function loadPlanTargets(db: Queryable, tenantId: string, planId: string): Promise<SnapshotTarget[]> {
  return db.query<Row<SnapshotTarget>>(
    `SELECT t.id AS target_id, t.indicator_id, coalesce(t.unit_id, p.unit_id) AS unit_id, t.kind, t.spec, t.text, t.sort_order,
            t.provenance AS target_provenance, t.stage, t.split_from,
            (SELECT bi.id FROM indicators bi WHERE bi.tenant_id = t.tenant_id AND bi.plan_id = t.plan_id
                AND t.kind = 'benchmark' AND bi.code = t.spec->'benchmark'->>'indicator') AS benchmark_indicator_id,
            CASE WHEN t.unit_id IS NULL OR t.unit_id = p.unit_id THEN NULL
                 ELSE jsonb_build_object('code', su.code, 'name', su.name, 'own', false) END AS scope,
            i.code AS indicator_code, i.name AS indicator_name, i.unit_of_measure, i.measure, i.price_basis,
            pi.code AS parent_code, i.composite_rule, i.provenance AS indicator_provenance,
            CASE WHEN d.id IS NULL THEN NULL ELSE jsonb_build_object('kind', d.kind, 'number', d.number, 'issued_on', d.issued_on, 'issuer', d.issuer, 'title', d.title) END AS document
       FROM targets t
       JOIN plans p ON p.id = t.plan_id AND p.tenant_id = t.tenant_id
       JOIN indicators i ON i.id = t.indicator_id AND i.tenant_id = t.tenant_id
       LEFT JOIN indicators pi ON pi.id = i.parent_id AND pi.tenant_id = i.tenant_id
       LEFT JOIN documents d ON d.id = coalesce(t.document_id, p.document_id)
       LEFT JOIN units su ON su.id = t.unit_id AND su.tenant_id = t.tenant_id
      WHERE t.tenant_id = $1 AND t.plan_id = $2 AND t.stage IN ('in_force', 'draft')
      ORDER BY i.sort_order, i.code, i.id, t.sort_order, t.id`,
    [tenantId, planId],
  );
}

/**
 * The version of each observation that counts, for the plan's targets: the latest by publication date, then by
 * stage (official over preliminary over estimate), and only then by order of entry, so an earlier estimate typed in
 * after the official figure never displaces it. A version without a publication date came from a source whose
 * date chitieu does not know (the bundled dataset, a figure entered for review): it ranks before any dated one.
 * Only the figures a target reads are loaded: its indicator at its own unit, and at the units directly below for a
 * units-meeting-standard target; commune figures of a province target stay in the database (at national scale they
 * are nearly all of them).
 * approvedOnly: only approved versions (what is public and counts in official reports).
 * publishedOn: only versions known on that date.
 */
async function loadChosenVersions(
  db: Queryable,
  tenantId: string,
  planId: string,
  opts: { approvedOnly: boolean; publishedOn: string | null },
): Promise<SnapshotVersion[]> {
  return db.query<Row<SnapshotVersion>>(
    `WITH target_units AS (
       SELECT t.indicator_id, t.kind, coalesce(t.unit_id, p.unit_id) AS unit_id
         FROM targets t JOIN plans p ON p.id = t.plan_id AND p.tenant_id = t.tenant_id
        WHERE t.tenant_id = $1 AND t.plan_id = $2
       UNION
       -- a benchmark-relative target reads the benchmark indicator's figures at the target's unit
       SELECT bi.id, 'benchmark_series', coalesce(t.unit_id, p.unit_id)
         FROM targets t JOIN plans p ON p.id = t.plan_id AND p.tenant_id = t.tenant_id
         JOIN indicators bi ON bi.tenant_id = t.tenant_id AND bi.plan_id = t.plan_id AND bi.code = t.spec->'benchmark'->>'indicator'
        WHERE t.tenant_id = $1 AND t.plan_id = $2 AND t.kind = 'benchmark'
     ), wanted AS (
       SELECT indicator_id, unit_id FROM target_units
       UNION
       SELECT tu.indicator_id, u.id FROM target_units tu JOIN units u ON u.tenant_id = $1 AND u.parent_id = tu.unit_id
        WHERE tu.kind = 'units_meeting_standard'
     )
     SELECT DISTINCT ON (o.id) ${CHOSEN_COLUMNS}
       FROM wanted w
       JOIN observations o ON o.tenant_id = $1 AND o.indicator_id = w.indicator_id AND o.unit_id = w.unit_id
       JOIN observation_versions v ON v.observation_id = o.id AND v.tenant_id = o.tenant_id
      WHERE ($3::boolean IS FALSE OR v.workflow_state = 'approved')
        AND ($4::date IS NULL OR v.published_on IS NULL OR v.published_on <= $4)
      ORDER BY ${CHOSEN_ORDER}`,
    [tenantId, planId, opts.approvedOnly, opts.publishedOn],
  );
}

const CHOSEN_COLUMNS = `o.id AS observation_id, o.indicator_id, o.unit_id, o.period,
            v.id AS version_id, v.seq, v.value, v.value_qualifier, v.value_text, v.status, v.vintage_label, v.change_kind,
            v.measure, v.price_basis, v.source_text, v.published_on, v.workflow_state`;
/** CHOSEN_COLUMNS less those that only describe an input (EngineVersion's fields). */
const ENGINE_COLUMNS = `o.indicator_id, o.unit_id, o.period, v.id AS version_id, v.value, v.value_qualifier, v.value_text,
            v.status, v.measure, v.price_basis, v.published_on`;
const CHOSEN_ORDER = `o.id, v.published_on DESC NULLS LAST,
               CASE v.status WHEN 'official' THEN 3 WHEN 'preliminary' THEN 2 ELSE 1 END DESC, v.seq DESC`;

/**
 * The approved version that counts of every observation of one indicator, at every unit (the same choice as a plan
 * evaluation makes): what evaluating a target for each commune reads.
 */
export async function loadChosenVersionsOfIndicator(
  db: Queryable,
  tenantId: string,
  indicatorId: string,
): Promise<SnapshotVersion[]> {
  return (await loadChosenVersionsOfIndicators(db, tenantId, [indicatorId])).get(indicatorId) ?? [];
}

/**
 * The same for several indicators of one tenant in one query (evaluating every target at every unit reads a
 * tenant's figures a few indicators at a time, not one round trip and one query plan per indicator). Each
 * indicator's versions come in the order the one-indicator read gives them (by observation).
 */
export async function loadChosenVersionsOfIndicators(
  db: Queryable,
  tenantId: string,
  indicatorIds: readonly string[],
): Promise<Map<string, SnapshotVersion[]>> {
  return chosenOfIndicators<SnapshotVersion>(db, tenantId, indicatorIds, CHOSEN_COLUMNS);
}

/**
 * The same choice as loadChosenVersionsOfIndicators (the same rows, in the same order), with only the columns the
 * evaluation reads (EngineVersion): what evaluate-all reads, whose compact rows name their inputs by version id. The
 * other columns (the observation's id, the order of entry, label, kind of change, source, workflow state) describe an
 * input for a reader; at national scale they were half of each row's bytes on both sides of the socket.
 */
export async function loadChosenFiguresOfIndicators(
  db: Queryable,
  tenantId: string,
  indicatorIds: readonly string[],
): Promise<Map<string, EngineVersion[]>> {
  return chosenOfIndicators<EngineVersion>(db, tenantId, indicatorIds, ENGINE_COLUMNS);
}

/** The chosen approved version of every figure of the indicators, with the columns asked for, grouped by indicator. */
async function chosenOfIndicators<T extends { indicator_id: string }>(
  db: Queryable,
  tenantId: string,
  indicatorIds: readonly string[],
  columns: string,
): Promise<Map<string, T[]>> {
  const out = new Map<string, T[]>(indicatorIds.map((id) => [id, []]));
  if (indicatorIds.length === 0) return out;
  const rows = await db.query<Row<T>>(
    `SELECT DISTINCT ON (o.id) ${columns}
       FROM observations o
       JOIN observation_versions v ON v.observation_id = o.id AND v.tenant_id = o.tenant_id
      WHERE o.tenant_id = $1 AND o.indicator_id = ANY($2::uuid[]) AND v.workflow_state = 'approved'
      ORDER BY ${CHOSEN_ORDER}`,
    [tenantId, indicatorIds],
  );
  for (const r of rows) out.get(r.indicator_id)?.push(r);
  return out;
}

/** The manual override in force for each target of the plan (the newest not revoked), as the engine takes it. */
async function loadActiveOverrides(
  db: Queryable,
  tenantId: string,
  planId: string,
): Promise<Record<string, ManualOverride>> {
  const rows = await db.query<{ target_id: string; status: string; reason: string; by: string; at: Date }>(
    `SELECT DISTINCT ON (o.target_id) o.target_id, o.status, o.reason, coalesce(u.display_name, 'hệ thống') AS by, o.created_at AS at
       FROM evaluation_overrides o JOIN targets t ON t.id = o.target_id AND t.tenant_id = o.tenant_id
       LEFT JOIN users u ON u.id = o.created_by
      WHERE o.tenant_id = $1 AND t.plan_id = $2 AND o.revoked_at IS NULL
      ORDER BY o.target_id, o.created_at DESC`,
    [tenantId, planId],
  );
  return Object.fromEntries(
    rows.map((r) => [
      r.target_id,
      { status: r.status as ManualOverride['status'], reason: r.reason, by: r.by, at: new Date(r.at).toISOString() },
    ]),
  );
}

/** The units directly below each unit that a units-meeting-standard target of the plan is set for. */
async function loadChildUnits(
  db: Queryable,
  tenantId: string,
  parentIds: string[],
): Promise<Record<string, SnapshotUnit[]>> {
  if (parentIds.length === 0) return {};
  const rows = await db.query<Row<SnapshotUnit> & { parent_id: string }>(
    `SELECT parent_id, id, code, name, level, valid_from, valid_to
       FROM units WHERE tenant_id = $1 AND parent_id = ANY($2) ORDER BY code, valid_from`,
    [tenantId, parentIds],
  );
  const out: Record<string, SnapshotUnit[]> = Object.fromEntries(parentIds.map((id) => [id, []]));
  for (const { parent_id, ...unit } of rows) out[parent_id]?.push(unit as SnapshotUnit);
  return out;
}

/** Indicators of a plan judged from their children (rule all_children_met) that have no target of their own. */
async function loadCompositeIndicators(db: Queryable, tenantId: string, planId: string): Promise<SnapshotComposite[]> {
  return db.query<Row<SnapshotComposite>>(
    `SELECT i.id AS indicator_id, i.code AS indicator_code, i.name AS indicator_name, pi.code AS parent_code, i.provenance AS indicator_provenance
       FROM indicators i LEFT JOIN indicators pi ON pi.id = i.parent_id AND pi.tenant_id = i.tenant_id
      WHERE i.tenant_id = $1 AND i.plan_id = $2 AND i.composite_rule = 'all_children_met'
        AND NOT EXISTS (SELECT 1 FROM targets t WHERE t.indicator_id = i.id AND t.tenant_id = i.tenant_id AND t.stage = 'in_force')
      ORDER BY i.sort_order, i.code, i.id`,
    [tenantId, planId],
  );
}

/** One plan's evaluation inputs; every query filters by the plan's tenant. */
export async function loadPlanSnapshot(
  db: Queryable,
  plan: { id: string; tenant_id: string; settings: Record<string, unknown> },
  opts: { approvedOnly: boolean; publishedOn: string | null },
): Promise<PlanSnapshot> {
  const targets = await loadPlanTargets(db, plan.tenant_id, plan.id);
  const versions = await loadChosenVersions(db, plan.tenant_id, plan.id, opts);
  const overrides = await loadActiveOverrides(db, plan.tenant_id, plan.id);
  const unitIds = [...new Set(targets.filter((t) => t.kind === 'units_meeting_standard').map((t) => t.unit_id))];
  const childUnits = await loadChildUnits(db, plan.tenant_id, unitIds);
  const composites = await loadCompositeIndicators(db, plan.tenant_id, plan.id);
  const order = await db.query<{ code: string }>(
    'SELECT code FROM indicators WHERE tenant_id = $1 AND plan_id = $2 ORDER BY sort_order, code, id',
    [plan.tenant_id, plan.id],
  );
  return {
    plan: { id: plan.id, tenantId: plan.tenant_id, settings: plan.settings },
    targets,
    versions,
    overrides,
    childUnits,
    composites,
    indicatorOrder: order.map((r) => r.code),
  };
}
