// A plan's outline items as a plan owner edits them: an indicator's, a task's, a project's or a breakthrough's own
// wording and dates, found by the plan's code and the item's code, updated with the row's version incremented.
// The columns each kind may change are listed here once; nothing else is written.
import type { Queryable } from '../db.ts';

export const OUTLINE_COLUMNS = {
  indicator: { table: 'indicators', columns: { name: 'name', definition: 'definition' } },
  task: {
    table: 'tasks',
    columns: { title: 'title', body: 'body', deadline: 'deadline', responsibility: 'responsibility' },
  },
  project: {
    table: 'projects',
    columns: {
      title: 'title',
      description: 'description',
      status: 'status',
      periodStart: 'period_start',
      periodEnd: 'period_end',
    },
  },
  breakthrough: { table: 'breakthroughs', columns: { title: 'title', body: 'body' } },
} as const;

export type OutlineKind = keyof typeof OUTLINE_COLUMNS;
export type OutlineField<K extends OutlineKind> = keyof (typeof OUTLINE_COLUMNS)[K]['columns'] & string;

export interface OutlineItemRow {
  id: string;
  plan_id: string;
  version: number;
  /** The editable fields as stored, by their API names (dates as ISO text). */
  fields: Record<string, string | null>;
}

const columnsOf = (kind: OutlineKind): [string, string][] => Object.entries(OUTLINE_COLUMNS[kind].columns);

export async function findOutlineItem(
  db: Queryable,
  tenantId: string,
  kind: OutlineKind,
  planCode: string,
  code: string,
): Promise<OutlineItemRow | null> {
  const { table } = OUTLINE_COLUMNS[kind];
  const cols = columnsOf(kind)
    .map(([field, col]) => `x.${col}::text AS "${field}"`)
    .join(', ');
  const rows = await db.query<Record<string, string | null> & { id: string; plan_id: string; version: number }>(
    `SELECT x.id, x.plan_id, x.version, ${cols}
       FROM ${table} x JOIN plans p ON p.id = x.plan_id AND p.tenant_id = x.tenant_id
      WHERE x.tenant_id = $1 AND p.code = $2 AND x.code = $3
      FOR UPDATE OF x`,
    [tenantId, planCode, code],
  );
  const r = rows[0];
  if (!r) return null;
  const fields: Record<string, string | null> = {};
  for (const [field] of columnsOf(kind)) fields[field] = r[field] ?? null;
  return { id: r.id, plan_id: r.plan_id, version: r.version, fields };
}

/** Writes the changed fields (API names) and increments the version; returns the new version. */
export async function updateOutlineItem(
  db: Queryable,
  tenantId: string,
  kind: OutlineKind,
  id: string,
  changes: Record<string, string | null>,
): Promise<number> {
  const { table, columns } = OUTLINE_COLUMNS[kind];
  const known = columns as Record<string, string>;
  const entries = Object.entries(changes).filter(([field]) => known[field] !== undefined);
  const sets = entries.map(([field], i) => `${known[field]} = $${i + 3}`);
  const rows = await db.query<{ version: number }>(
    `UPDATE ${table} SET ${[...sets, 'version = version + 1'].join(', ')}
      WHERE tenant_id = $1 AND id = $2 RETURNING version`,
    [tenantId, id, ...entries.map(([, v]) => v)],
  );
  return rows[0]?.version ?? 0;
}
