// What the task, breakthrough and plan-document pages read beyond the plain lists: each task's latest progress
// report, the members linked to a plan's breakthroughs with the states their roll-up needs, and the plan's documents.
import type { Queryable } from '../db.ts';

export interface LatestTaskReportRow {
  [c: string]: unknown;
  task_id: string;
  period: string;
  progress_percent: string | null;
  narrative: string;
  workflow_state: string;
  entered_at: string;
  /** The day an approved report first said 100 %: when the task was finished, as far as the reports know. */
  finished_on: string | null;
}

/** The newest report of each task that no revision superseded (the newest approved one for the public). */
export async function listLatestTaskReports(
  db: Queryable,
  taskIds: string[],
  approvedOnly: boolean,
): Promise<LatestTaskReportRow[]> {
  if (taskIds.length === 0) return [];
  return db.query<LatestTaskReportRow>(
    `SELECT DISTINCT ON (r.task_id) r.task_id, r.period, r.progress_percent::text AS progress_percent, r.narrative, r.workflow_state,
            r.entered_at::text AS entered_at,
            (SELECT min(d.approved_at)::date::text FROM task_progress_reports d
              WHERE d.task_id = r.task_id AND d.workflow_state = 'approved' AND d.progress_percent = 100) AS finished_on
       FROM task_progress_reports r
      WHERE r.task_id = ANY($1::uuid[]) AND (NOT $2::boolean OR r.workflow_state = 'approved')
        AND NOT EXISTS (SELECT 1 FROM task_progress_reports s WHERE s.supersedes_id = r.id AND (NOT $2::boolean OR s.workflow_state = 'approved'))
      ORDER BY r.task_id, r.entered_at DESC, r.id DESC`,
    [taskIds, approvedOnly],
  );
}

export interface BreakthroughMemberRow {
  [c: string]: unknown;
  breakthrough_id: string;
  entity: 'task' | 'project' | 'indicator';
  code: string;
  name: string;
  /** A task's or a project's recorded status; null for an indicator (its verdict comes from the evaluation). */
  status: string | null;
  deadline: string | null;
  finished_on: string | null;
  milestones_missed: number;
}

/** Every task, project and indicator linked to a breakthrough of the plan, in outline order within each kind. */
export async function listBreakthroughMembers(
  db: Queryable,
  tenantId: string,
  planId: string,
): Promise<BreakthroughMemberRow[]> {
  return db.query<BreakthroughMemberRow>(
    `SELECT l.breakthrough_id, l.entity, m.code, m.name, m.status, m.deadline, m.finished_on, m.milestones_missed
       FROM breakthrough_links l JOIN breakthroughs b ON b.id = l.breakthrough_id
       JOIN LATERAL (
         SELECT x.code, x.title AS name, x.status, x.deadline::text AS deadline,
                (SELECT min(d.approved_at)::date::text FROM task_progress_reports d
                  WHERE d.task_id = x.id AND d.workflow_state = 'approved' AND d.progress_percent = 100) AS finished_on,
                0 AS milestones_missed, x.sort_order AS ord
           FROM tasks x WHERE l.entity = 'task' AND x.id = l.entity_id
         UNION ALL
         SELECT x.code, x.title, x.status, NULL, NULL,
                (SELECT count(*)::int FROM project_milestones pm WHERE pm.project_id = x.id AND pm.status = 'notMet'), 0
           FROM projects x WHERE l.entity = 'project' AND x.id = l.entity_id
         UNION ALL
         SELECT x.code, x.name, NULL, NULL, NULL, 0, 0
           FROM indicators x WHERE l.entity = 'indicator' AND x.id = l.entity_id
       ) m ON true
      WHERE b.tenant_id = $1 AND b.plan_id = $2 AND l.tenant_id = $1
      ORDER BY l.breakthrough_id, l.entity, m.ord, m.code`,
    [tenantId, planId],
  );
}

export interface PlanDocumentRow {
  [c: string]: unknown;
  id: string;
  /** The plan's own name of the document ("nq-dai-hoi-xx"), when the dataset or a revision gave it one. */
  code: string | null;
  kind: string;
  number: string | null;
  issued_on: string | null;
  issuer: string | null;
  title: string;
  url: string | null;
  /** The document's file in the dataset, when it has one (a citation's source, as the dataset import writes it). */
  file: string | null;
  /** The plan's own document, one that set some of its targets, milestones or tasks, or one it lists as a source. */
  role: 'plan' | 'target' | 'milestone' | 'task' | 'source';
}

/** The plan's own document first, then every other document its targets, yearly milestones and tasks cite. */
export async function listPlanDocuments(db: Queryable, tenantId: string, planId: string): Promise<PlanDocumentRow[]> {
  return db.query<PlanDocumentRow>(
    `SELECT d.id, d.code, d.kind, d.number, d.issued_on::text AS issued_on, d.issuer, d.title, d.url, d.file, u.role
       FROM (SELECT DISTINCT ON (id) id, role FROM (
               SELECT p.document_id AS id, 'plan' AS role, 0 AS o FROM plans p WHERE p.id = $2
               UNION ALL SELECT t.document_id, 'target', 1 FROM targets t WHERE t.plan_id = $2
               UNION ALL SELECT m.document_id, 'milestone', 2 FROM target_milestones m JOIN targets t ON t.id = m.target_id WHERE t.plan_id = $2
               UNION ALL SELECT k.assigning_document_id, 'task', 3 FROM tasks k WHERE k.plan_id = $2
               UNION ALL SELECT x.id, 'source', 4 FROM documents x WHERE x.tenant_id = $1 AND x.plan_id = $2
             ) s WHERE id IS NOT NULL ORDER BY id, o) u
       JOIN documents d ON d.id = u.id AND d.tenant_id = $1
      ORDER BY CASE u.role WHEN 'plan' THEN 0 ELSE 1 END, d.issued_on NULLS LAST, d.title`,
    [tenantId, planId],
  );
}
