// What the OC4IDS export of a plan's key projects reads: each project with its owner, milestones and the newest
// approved progress of each period, in three queries for the whole plan.
import type { Queryable } from '../db.ts';

export interface Oc4idsProjectRow {
  [c: string]: unknown;
  id: string;
  code: string;
  title: string;
  description: string | null;
  status: string;
  project_type: string | null;
  purpose: string | null;
  budget_amount: string | null;
  budget_currency: string | null;
  capital_source: string | null;
  location_text: string | null;
  period_start: string | null;
  period_end: string | null;
  agency_code: string | null;
  agency_name: string | null;
}

export async function loadOc4idsProjects(db: Queryable, tenantId: string, planId: string): Promise<Oc4idsProjectRow[]> {
  return db.query<Oc4idsProjectRow>(
    `SELECT x.id, x.code, x.title, x.description, x.status, x.project_type, x.purpose, x.budget_amount::text AS budget_amount,
            x.budget_currency, x.capital_source, x.location_text, x.period_start, x.period_end, g.code AS agency_code, g.name AS agency_name
       FROM projects x LEFT JOIN agencies g ON g.id = x.owner_agency_id AND g.tenant_id = x.tenant_id
      WHERE x.tenant_id = $1 AND x.plan_id = $2
      ORDER BY x.list_no NULLS LAST, x.code`,
    [tenantId, planId],
  );
}

export async function loadOc4idsMilestones(
  db: Queryable,
  tenantId: string,
  projectIds: string[],
): Promise<
  {
    project_id: string;
    code: string;
    title: string;
    milestone_type: string | null;
    status: string;
    due_date: string | null;
    date_met: string | null;
  }[]
> {
  return db.query(
    `SELECT project_id, code, title, milestone_type, status, due_date, date_met FROM project_milestones
      WHERE tenant_id = $1 AND project_id = ANY($2::uuid[]) ORDER BY project_id, due_date NULLS LAST, code`,
    [tenantId, projectIds],
  );
}

/** The newest approved update of each project and period: a revision supersedes, the public sees approved only. */
export async function loadOc4idsProgress(
  db: Queryable,
  tenantId: string,
  projectIds: string[],
): Promise<
  {
    project_id: string;
    period: string;
    physical_actual_percent: string | null;
    physical_planned_percent: string | null;
  }[]
> {
  return db.query(
    `SELECT DISTINCT ON (project_id, period) project_id, period, physical_actual_percent::text AS physical_actual_percent,
            physical_planned_percent::text AS physical_planned_percent
       FROM project_progress WHERE tenant_id = $1 AND project_id = ANY($2::uuid[]) AND workflow_state = 'approved'
      ORDER BY project_id, period, entered_at DESC, id DESC`,
    [tenantId, projectIds],
  );
}

export async function tenantOc4idsPrefix(db: Queryable, tenantId: string): Promise<{ prefix: string; name: string }> {
  const rows = await db.query<{ prefix: string; name: string }>(
    `SELECT coalesce(settings->>'oc4idsPrefix', code) AS prefix, name FROM tenants WHERE id = $1`,
    [tenantId],
  );
  return rows[0] ?? { prefix: 'chitieu', name: '' };
}
