// SQL of an agency's inbox: the indicators, tasks and projects it owns in a plan, the unit its figures are for, and
// the state of each figure it owes (newest version, newest approved value, the reason of the last return).
import type { Queryable } from '../db.ts';

export interface InboxIndicatorRow {
  [k: string]: unknown;
  id: string;
  code: string;
  name: string;
  unit_of_measure: string;
  frequency: string;
  owner_agency_id: string | null;
}

export async function agencyIndicators(
  db: Queryable,
  tenantId: string,
  planId: string,
  agencyId: string | null,
): Promise<InboxIndicatorRow[]> {
  return db.query<InboxIndicatorRow>(
    `SELECT i.id, i.code, i.name, i.unit_of_measure, i.frequency, i.owner_agency_id
       FROM indicators i
      WHERE i.tenant_id = $1 AND i.plan_id = $2 AND ($3::uuid IS NULL OR i.owner_agency_id = $3::uuid)
        AND EXISTS (SELECT 1 FROM targets t WHERE t.indicator_id = i.id AND t.tenant_id = i.tenant_id)
      ORDER BY i.sort_order, i.code`,
    [tenantId, planId, agencyId],
  );
}

/** The tenant's province-level unit valid on the day: the one a plan's own figures are entered for. */
export async function provinceUnit(
  db: Queryable,
  tenantId: string,
  day: string,
): Promise<{ id: string; code: string; name: string } | null> {
  const rows = await db.query<{ id: string; code: string; name: string }>(
    `SELECT id, code, name FROM units
      WHERE tenant_id = $1 AND level = 'province' AND (valid_from IS NULL OR valid_from <= $2::date)
        AND (valid_to IS NULL OR valid_to >= $2::date)
      ORDER BY code LIMIT 1`,
    [tenantId, day],
  );
  return rows[0] ?? null;
}

export interface InboxFigureRow {
  [k: string]: unknown;
  observation_id: string;
  indicator_id: string;
  period: string;
  version: number;
  value: string | null;
  value_text: string | null;
  status: string;
  workflow_state: string;
  reason: string | null;
  source_text: string | null;
  provenance: Record<string, unknown> | null;
  approved_value_text: string | null;
  returned_comment: string | null;
  returned_at: string | Date | null;
}

/** For each figure of these indicators at the unit: its newest version, newest approved value and last return. */
export async function inboxFigures(
  db: Queryable,
  tenantId: string,
  unitId: string,
  indicatorIds: string[],
): Promise<InboxFigureRow[]> {
  if (indicatorIds.length === 0) return [];
  return db.query<InboxFigureRow>(
    `SELECT o.id AS observation_id, o.indicator_id, o.period, o.version,
            v.value, v.value_text, v.status, v.workflow_state, v.reason, v.source_text, v.provenance,
            (SELECT a.value_text FROM observation_versions a
              WHERE a.observation_id = o.id AND a.tenant_id = o.tenant_id AND a.workflow_state = 'approved'
              ORDER BY a.seq DESC LIMIT 1) AS approved_value_text,
            r.comment AS returned_comment, r.at AS returned_at
       FROM observations o
       JOIN LATERAL (SELECT * FROM observation_versions x
                      WHERE x.observation_id = o.id AND x.tenant_id = o.tenant_id ORDER BY x.seq DESC LIMIT 1) v ON true
       LEFT JOIN LATERAL (SELECT comment, at FROM observation_reviews w
                           WHERE w.observation_id = o.id AND w.tenant_id = o.tenant_id AND w.version_id = v.id
                             AND w.action = 'return'
                           ORDER BY w.at DESC LIMIT 1) r ON v.workflow_state = 'returned'
      WHERE o.tenant_id = $1 AND o.unit_id = $2 AND o.indicator_id = ANY($3)`,
    [tenantId, unitId, indicatorIds],
  );
}

export interface InboxWorkRow {
  [k: string]: unknown;
  id: string;
  kind: 'task' | 'project';
  code: string;
  title: string;
  deadline: string | null;
  last_period: string | null;
  last_state: string | null;
}

/** The tasks and projects an agency owns in a plan, with the period and state of their newest progress report. */
export async function agencyWork(
  db: Queryable,
  tenantId: string,
  planId: string,
  agencyId: string | null,
): Promise<InboxWorkRow[]> {
  return db.query<InboxWorkRow>(
    `SELECT t.id, 'task' AS kind, t.code, t.title, t.deadline::text AS deadline, r.period AS last_period,
            r.workflow_state AS last_state
       FROM tasks t
       LEFT JOIN LATERAL (SELECT period, workflow_state FROM task_progress_reports x
                           WHERE x.task_id = t.id AND x.tenant_id = t.tenant_id ORDER BY x.entered_at DESC LIMIT 1) r ON true
      WHERE t.tenant_id = $1 AND t.plan_id = $2 AND ($3::uuid IS NULL OR t.owner_agency_id = $3::uuid)
     UNION ALL
     SELECT p.id, 'project', p.code, p.title, NULL, r.period, r.workflow_state
       FROM projects p
       LEFT JOIN LATERAL (SELECT period, workflow_state FROM project_progress x
                           WHERE x.project_id = p.id AND x.tenant_id = p.tenant_id ORDER BY x.entered_at DESC LIMIT 1) r ON true
      WHERE p.tenant_id = $1 AND p.plan_id = $2 AND ($3::uuid IS NULL OR p.owner_agency_id = $3::uuid)
      ORDER BY 2, 3`,
    [tenantId, planId, agencyId],
  );
}
