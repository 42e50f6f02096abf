// Progress reports of tasks and progress updates of projects, as stored: append-only rows, a revision being a new
// row that supersedes the old one. Both tables share one shape of workflow columns; their figures differ.
import type { Queryable } from '../db.ts';

export type ProgressKind = 'task' | 'project';

interface Layout {
  table: string;
  parentTable: string;
  parentColumn: string;
  /** Figure columns, in insert order; the numeric ones are read back as text (decimals never become floats). */
  figures: readonly { column: string; numeric: boolean }[];
  /** True when the agency owns the parent: tasks through owner_agency_id or a lead task_agencies row. */
  ownedBy: string;
}

export const LAYOUTS: Record<ProgressKind, Layout> = {
  task: {
    table: 'task_progress_reports',
    parentTable: 'tasks',
    parentColumn: 'task_id',
    figures: [
      { column: 'progress_percent', numeric: true },
      { column: 'narrative', numeric: false },
      { column: 'evidence_url', numeric: false },
    ],
    ownedBy: `(p.owner_agency_id = $3 OR EXISTS (SELECT 1 FROM task_agencies ta WHERE ta.task_id = p.id AND ta.agency_id = $3 AND ta.role = 'lead'))`,
  },
  project: {
    table: 'project_progress',
    parentTable: 'projects',
    parentColumn: 'project_id',
    figures: [
      { column: 'physical_planned_percent', numeric: true },
      { column: 'physical_actual_percent', numeric: true },
      { column: 'financial_planned', numeric: true },
      { column: 'financial_actual', numeric: true },
      { column: 'disbursed', numeric: true },
      { column: 'note', numeric: false },
    ],
    ownedBy: 'p.owner_agency_id = $3',
  },
};

export interface ProgressRow {
  [k: string]: unknown;
  id: string;
  tenant_id: string;
  parent_id: string;
  period: string;
  figures: Record<string, string | null>;
  workflow_state: string;
  review_comment: string | null;
  supersedes_id: string | null;
  superseded_by: string | null;
  entered_by: string | null;
  entered_at: string;
  approved_by: string | null;
  approved_at: string | null;
  version: number;
  /** Whether the asking agency owns the task or project (false when no agency was given). */
  owned: boolean;
}

function select(kind: ProgressKind): string {
  const l = LAYOUTS[kind];
  const figures = l.figures.map((f) => `'${f.column}', r.${f.column}${f.numeric ? '::text' : ''}`).join(', ');
  return `SELECT r.id, r.tenant_id, r.${l.parentColumn} AS parent_id, r.period, json_build_object(${figures}) AS figures, r.workflow_state, r.review_comment,
                 r.supersedes_id, (SELECT s.id FROM ${l.table} s WHERE s.supersedes_id = r.id) AS superseded_by, r.entered_by, r.entered_at::text AS entered_at,
                 r.approved_by, r.approved_at::text AS approved_at, r.version, coalesce(${l.ownedBy}, false) AS owned
            FROM ${l.table} r JOIN ${l.parentTable} p ON p.id = r.${l.parentColumn}`;
}

export async function findProgress(
  db: Queryable,
  kind: ProgressKind,
  tenantId: string,
  id: string,
  agencyId: string | null,
): Promise<ProgressRow | null> {
  return (
    (
      await db.query<ProgressRow>(`${select(kind)} WHERE r.tenant_id = $1 AND r.id = $2`, [tenantId, id, agencyId])
    )[0] ?? null
  );
}

/** The open (not superseded) report of a task or project for a period, if any. */
export async function findOpenProgress(
  db: Queryable,
  kind: ProgressKind,
  tenantId: string,
  parentId: string,
  period: string,
): Promise<ProgressRow | null> {
  const l = LAYOUTS[kind];
  return (
    (
      await db.query<ProgressRow>(
        `${select(kind)} WHERE r.tenant_id = $1 AND r.${l.parentColumn} = $2 AND r.period = $4 AND NOT EXISTS (SELECT 1 FROM ${l.table} s WHERE s.supersedes_id = r.id)`,
        [tenantId, parentId, null, period],
      )
    )[0] ?? null
  );
}

export async function listProgress(
  db: Queryable,
  kind: ProgressKind,
  tenantId: string | null,
  parentId: string,
  approvedOnly: boolean,
): Promise<ProgressRow[]> {
  const l = LAYOUTS[kind];
  return db.query<ProgressRow>(
    `${select(kind)} WHERE ($1::uuid IS NULL OR r.tenant_id = $1) AND r.${l.parentColumn} = $2 AND (NOT $4::boolean OR r.workflow_state = 'approved')
      ORDER BY r.period, r.entered_at, r.id`,
    [tenantId, parentId, null, approvedOnly],
  );
}

export interface ParentRef {
  [k: string]: unknown;
  id: string;
  owned: boolean;
}

export async function findProgressParent(
  db: Queryable,
  kind: ProgressKind,
  tenantId: string | null,
  id: string,
  agencyId: string | null,
): Promise<ParentRef | null> {
  const l = LAYOUTS[kind];
  return (
    (
      await db.query<ParentRef>(
        `SELECT p.id, coalesce(${l.ownedBy}, false) AS owned FROM ${l.parentTable} p WHERE ($1::uuid IS NULL OR p.tenant_id = $1) AND p.id = $2`,
        [tenantId, id, agencyId],
      )
    )[0] ?? null
  );
}

export async function insertProgress(
  db: Queryable,
  kind: ProgressKind,
  r: {
    tenantId: string;
    parentId: string;
    period: string;
    figures: Record<string, string | null>;
    enteredBy: string | null;
    supersedesId: string | null;
  },
): Promise<{ id: string; version: number }> {
  const l = LAYOUTS[kind];
  const cols = l.figures.map((f) => f.column);
  const values = l.figures.map((f, i) => `$${i + 7}${f.numeric ? '::numeric' : ''}`);
  const rows = await db.query<{ id: string; version: number }>(
    `INSERT INTO ${l.table} (tenant_id, ${l.parentColumn}, period, entered_by, supersedes_id, workflow_state, version, ${cols.join(', ')})
     VALUES ($1, $2, $3, $4, $5, 'draft', $6, ${values.join(', ')}) RETURNING id, version`,
    [r.tenantId, r.parentId, r.period, r.enteredBy, r.supersedesId, 1, ...cols.map((c) => r.figures[c] ?? null)],
  );
  return rows[0] as { id: string; version: number };
}

/**
 * Moves a report to its next version (and, when given, a new workflow state) if, and only if, it is still at
 * `expected`: the row lock serialises racing writers and the loser sees zero rows (a stale If-Match).
 */
export async function bumpProgress(
  db: Queryable,
  kind: ProgressKind,
  tenantId: string,
  id: string,
  expected: number,
  change: { state: string; by: string | null; at: Date; comment: string | null } | null,
): Promise<number | null> {
  const l = LAYOUTS[kind];
  const rows = await db.query<{ version: number }>(
    `UPDATE ${l.table} SET version = version + 1,
            workflow_state = coalesce($4, workflow_state),
            review_comment = CASE WHEN $4::text IS NULL THEN review_comment ELSE $7 END,
            approved_by = CASE WHEN $4 = 'approved' THEN $5::uuid ELSE approved_by END,
            approved_at = CASE WHEN $4 = 'approved' THEN $6::timestamptz ELSE approved_at END
      WHERE tenant_id = $1 AND id = $2 AND version = $3 RETURNING version`,
    [
      tenantId,
      id,
      expected,
      change?.state ?? null,
      change?.by ?? null,
      change?.at.toISOString() ?? null,
      change?.comment ?? null,
    ],
  );
  return rows[0]?.version ?? null;
}
