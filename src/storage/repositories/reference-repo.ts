// Reference data as stored: units, agencies, indicators, targets, breakthroughs, tasks, projects. Every query takes
// the tenant (null only for the public portal, which reads every tenant) and a keyset cursor.
import type { Queryable } from '../db.ts';
import { keyset } from './keyset.ts';

export interface ListArgs {
  tenantId: string | null;
  tenantCode: string | null;
  after: string[] | null;
  limit: number;
}

const k = (a: ListArgs, i: number): string | null => a.after?.[i] ?? null;

export interface UnitRow {
  [c: string]: unknown;
  id: string;
  tenant_code: string;
  code: string;
  name: string;
  level: string;
  parent_id: string | null;
  valid_from: string | null;
  valid_to: string | null;
}

export async function listUnits(db: Queryable, a: ListArgs & { level: string | null }): Promise<UnitRow[]> {
  return db.query<UnitRow>(
    `SELECT u.id, t.code AS tenant_code, u.code, u.name, u.level, u.parent_id, u.valid_from, u.valid_to FROM units u JOIN tenants t ON t.id = u.tenant_id
      WHERE ($1::uuid IS NULL OR u.tenant_id = $1) AND ($2::text IS NULL OR t.code = $2) AND ($3::text IS NULL OR u.level = $3)
        AND ($4::text IS NULL OR (u.code, u.id::text) > ($4, $5)) ORDER BY u.code, u.id::text LIMIT $6`,
    [a.tenantId, a.tenantCode, a.level, k(a, 0), k(a, 1), a.limit],
  );
}

export interface AgencyRow {
  [c: string]: unknown;
  id: string;
  tenant_code: string;
  code: string;
  name: string;
  kind: string;
}

export async function listAgencies(db: Queryable, a: ListArgs): Promise<AgencyRow[]> {
  return db.query<AgencyRow>(
    `SELECT g.id, t.code AS tenant_code, g.code, g.name, g.kind FROM agencies g JOIN tenants t ON t.id = g.tenant_id
      WHERE ($1::uuid IS NULL OR g.tenant_id = $1) AND ($2::text IS NULL OR t.code = $2) AND ($3::text IS NULL OR (g.code, g.id::text) > ($3, $4))
      ORDER BY g.code, g.id::text LIMIT $5`,
    [a.tenantId, a.tenantCode, k(a, 0), k(a, 1), a.limit],
  );
}

export interface IndicatorRow {
  [c: string]: unknown;
  id: string;
  tenant_code: string;
  plan_code: string | null;
  code: string;
  name: string;
  unit_of_measure: string;
  group_code: string | null;
  frequency: string;
  direction: string;
  measure: string;
  agency_code: string | null;
  sort_key: string[];
}

/** The orders an indicator list may be sorted in (`?sort=`); the first is the default. */
export const INDICATOR_SORTS = {
  code: ['p.code', 'i.code'],
  name: ['i.name'],
  group: ['i.group_code', 'i.code'],
  agency: ['g.code', 'i.code'],
} as const;

export async function listIndicators(
  db: Queryable,
  a: ListArgs & {
    plan: string | null;
    agency: string | null;
    group: string | null;
    sort: { key: keyof typeof INDICATOR_SORTS; desc: boolean };
  },
): Promise<IndicatorRow[]> {
  const ks = keyset({ exprs: INDICATOR_SORTS[a.sort.key], desc: a.sort.desc }, 'i.id', a.after, 7);
  return db.query<IndicatorRow>(
    `SELECT i.id, t.code AS tenant_code, p.code AS plan_code, i.code, i.name, i.unit_of_measure, i.group_code, i.frequency, i.direction, i.measure, g.code AS agency_code, ${ks.select}
       FROM indicators i JOIN tenants t ON t.id = i.tenant_id LEFT JOIN plans p ON p.id = i.plan_id LEFT JOIN agencies g ON g.id = i.owner_agency_id
      WHERE ($1::uuid IS NULL OR i.tenant_id = $1) AND ($2::text IS NULL OR t.code = $2) AND ($3::text IS NULL OR p.code = $3)
        AND ($4::text IS NULL OR g.code = $4) AND ($5::text IS NULL OR i.group_code = $5) AND ${ks.where}
      ORDER BY ${ks.orderBy} LIMIT $6`,
    [a.tenantId, a.tenantCode, a.plan, a.agency, a.group, a.limit, ...ks.params],
  );
}

export interface TargetRow {
  [c: string]: unknown;
  id: string;
  tenant_code: string;
  plan_code: string;
  indicator_id: string;
  indicator_code: string;
  kind: string;
  spec: unknown;
  text: string;
  first_year: number;
  last_year: number;
  sort_order: number;
  stage: string;
  citation: Record<string, unknown> | null;
  derived: Record<string, string> | null;
  superseded_on: string | null;
  /** The unit the target is set for when it is not the plan's own; null for the plan's unit. */
  scope: { code: string; name: string } | null;
  notes: { kind: string; text: string; source: Record<string, unknown> | null }[];
}

export async function listTargets(
  db: Queryable,
  a: ListArgs & { plan: string | null; indicatorId: string | null },
): Promise<TargetRow[]> {
  return db.query<TargetRow>(
    `SELECT x.id, t.code AS tenant_code, p.code AS plan_code, x.indicator_id, i.code AS indicator_code, x.kind, x.spec, x.text, x.first_year, x.last_year, x.sort_order,
            x.stage, x.citation, x.derived, x.superseded_on::text AS superseded_on,
            (SELECT jsonb_build_object('code', u.code, 'name', u.name) FROM units u
              WHERE u.id = x.unit_id AND u.tenant_id = x.tenant_id AND x.unit_id IS DISTINCT FROM p.unit_id) AS scope,
            coalesce((SELECT jsonb_agg(jsonb_build_object('kind', n.kind, 'text', n.text, 'source', n.provenance->'source') ORDER BY n.id)
                        FROM quality_notes n WHERE n.tenant_id = x.tenant_id AND n.entity = 'target' AND n.entity_id = x.id), '[]'::jsonb) AS notes
       FROM targets x JOIN tenants t ON t.id = x.tenant_id JOIN plans p ON p.id = x.plan_id JOIN indicators i ON i.id = x.indicator_id
      WHERE ($1::uuid IS NULL OR x.tenant_id = $1) AND ($2::text IS NULL OR t.code = $2) AND ($3::text IS NULL OR p.code = $3)
        AND ($4::uuid IS NULL OR x.indicator_id = $4) AND ($5::text IS NULL OR (lpad(x.sort_order::text, 8, '0'), x.id::text) > ($5, $6))
      ORDER BY lpad(x.sort_order::text, 8, '0'), x.id::text LIMIT $7`,
    [a.tenantId, a.tenantCode, a.plan, a.indicatorId, k(a, 0), k(a, 1), a.limit],
  );
}

export interface BreakthroughRow {
  [c: string]: unknown;
  id: string;
  tenant_code: string;
  plan_code: string;
  code: string;
  title: string;
  body: string | null;
  /** The version an edit must name (If-Match). */
  version: number;
}

export async function listBreakthroughs(
  db: Queryable,
  a: ListArgs & { plan: string | null },
): Promise<BreakthroughRow[]> {
  return db.query<BreakthroughRow>(
    `SELECT b.id, t.code AS tenant_code, p.code AS plan_code, b.code, b.title, b.body, b.version FROM breakthroughs b JOIN tenants t ON t.id = b.tenant_id JOIN plans p ON p.id = b.plan_id
      WHERE ($1::uuid IS NULL OR b.tenant_id = $1) AND ($2::text IS NULL OR t.code = $2) AND ($3::text IS NULL OR p.code = $3)
        AND ($4::text IS NULL OR (b.code, b.id::text) > ($4, $5)) ORDER BY b.code, b.id::text LIMIT $6`,
    [a.tenantId, a.tenantCode, a.plan, k(a, 0), k(a, 1), a.limit],
  );
}

export interface TaskRow {
  [c: string]: unknown;
  id: string;
  tenant_code: string;
  plan_code: string;
  parent_id: string | null;
  code: string;
  title: string;
  agency_code: string | null;
  owner_agency_id: string | null;
  deadline: string | null;
  status: string;
  version: number;
  sort_key?: string[];
}

/** The orders a task list may be sorted in (`?sort=`); the first is the default. */
export const TASK_SORTS = {
  code: ['p.code', 'x.code'],
  title: ['x.title'],
  deadline: ['x.deadline', 'x.code'],
  status: ['x.status', 'x.code'],
} as const;

const SELECT_TASK = `SELECT x.id, t.code AS tenant_code, p.code AS plan_code, x.parent_id, x.code, x.title, g.code AS agency_code, x.owner_agency_id, x.deadline, x.status, x.version
  FROM tasks x JOIN tenants t ON t.id = x.tenant_id JOIN plans p ON p.id = x.plan_id LEFT JOIN agencies g ON g.id = x.owner_agency_id`;

export async function listTasks(
  db: Queryable,
  a: ListArgs & {
    plan: string | null;
    agency: string | null;
    status: string | null;
    sort: { key: keyof typeof TASK_SORTS; desc: boolean };
  },
): Promise<(TaskRow & { sort_key: string[] })[]> {
  const ks = keyset({ exprs: TASK_SORTS[a.sort.key], desc: a.sort.desc }, 'x.id', a.after, 7);
  return db.query<TaskRow & { sort_key: string[] }>(
    `${SELECT_TASK.replace(' FROM tasks x', `, ${ks.select} FROM tasks x`)} WHERE ($1::uuid IS NULL OR x.tenant_id = $1) AND ($2::text IS NULL OR t.code = $2) AND ($3::text IS NULL OR p.code = $3)
        AND ($4::text IS NULL OR g.code = $4) AND ($5::text IS NULL OR x.status = $5) AND ${ks.where}
      ORDER BY ${ks.orderBy} LIMIT $6`,
    [a.tenantId, a.tenantCode, a.plan, a.agency, a.status, a.limit, ...ks.params],
  );
}

export async function findTask(
  db: Queryable,
  tenantId: string | null,
  id: string,
): Promise<(TaskRow & { tenant_id: string }) | null> {
  return (
    (
      await db.query<TaskRow & { tenant_id: string }>(
        `${SELECT_TASK.replace('SELECT x.id,', 'SELECT x.id, x.tenant_id,')} WHERE x.id = $1 AND ($2::uuid IS NULL OR x.tenant_id = $2)`,
        [id, tenantId],
      )
    )[0] ?? null
  );
}

export interface ProjectRow {
  [c: string]: unknown;
  id: string;
  tenant_id: string;
  tenant_code: string;
  plan_code: string | null;
  code: string;
  title: string;
  role: string;
  agency_code: string | null;
  status: string;
  budget_amount: string | null;
  capital_source: string | null;
  period_start: string | null;
  period_end: string | null;
  sort_key: string[];
  /** The version an edit must name (If-Match). */
  version: number;
}

/** The orders a project list may be sorted in (`?sort=`); the first is the default. */
export const PROJECT_SORTS = {
  code: ['x.code'],
  title: ['x.title'],
  status: ['x.status', 'x.code'],
  agency: ['g.code', 'x.code'],
  start: ['x.period_start', 'x.code'],
} as const;

export async function listProjects(
  db: Queryable,
  a: ListArgs & {
    plan: string | null;
    agency: string | null;
    status: string | null;
    sort: { key: keyof typeof PROJECT_SORTS; desc: boolean };
  },
): Promise<ProjectRow[]> {
  const ks = keyset({ exprs: PROJECT_SORTS[a.sort.key], desc: a.sort.desc }, 'x.id', a.after, 7);
  return db.query<ProjectRow>(
    `SELECT x.id, x.tenant_id, t.code AS tenant_code, p.code AS plan_code, x.code, x.title, x.role, g.code AS agency_code, x.status, x.version, x.budget_amount::text AS budget_amount,
            x.capital_source, x.period_start, x.period_end, ${ks.select}
       FROM projects x JOIN tenants t ON t.id = x.tenant_id LEFT JOIN plans p ON p.id = x.plan_id LEFT JOIN agencies g ON g.id = x.owner_agency_id
      WHERE ($1::uuid IS NULL OR x.tenant_id = $1) AND ($2::text IS NULL OR t.code = $2) AND ($3::text IS NULL OR p.code = $3)
        AND ($4::text IS NULL OR g.code = $4) AND ($5::text IS NULL OR x.status = $5) AND ${ks.where}
      ORDER BY ${ks.orderBy} LIMIT $6`,
    [a.tenantId, a.tenantCode, a.plan, a.agency, a.status, a.limit, ...ks.params],
  );
}

export interface MilestoneRow {
  [c: string]: unknown;
  project_id: string;
  code: string;
  title: string;
  status: string;
  due_date: string | null;
  date_met: string | null;
}

export async function listMilestones(db: Queryable, projectIds: string[]): Promise<MilestoneRow[]> {
  if (projectIds.length === 0) return [];
  return db.query<MilestoneRow>(
    'SELECT project_id, code, title, status, due_date, date_met FROM project_milestones WHERE project_id = ANY($1::uuid[]) ORDER BY code',
    [projectIds],
  );
}

export interface ProgressRow {
  [c: string]: unknown;
  project_id: string;
  period: string;
  physical_actual_percent: string | null;
  disbursed: string | null;
  workflow_state: string;
}

/** The newest update of each project and period (revisions supersede, never overwrite); the newest approved one for the public. */
export async function listProjectProgress(
  db: Queryable,
  projectIds: string[],
  approvedOnly: boolean,
): Promise<ProgressRow[]> {
  if (projectIds.length === 0) return [];
  return db.query<ProgressRow>(
    `SELECT * FROM (
       SELECT DISTINCT ON (project_id, period) project_id, period, physical_actual_percent::text AS physical_actual_percent, disbursed::text AS disbursed, workflow_state
         FROM project_progress WHERE project_id = ANY($1::uuid[]) AND (NOT $2::boolean OR workflow_state = 'approved')
        ORDER BY project_id, period, entered_at DESC, id DESC) newest
      ORDER BY period`,
    [projectIds, approvedOnly],
  );
}
