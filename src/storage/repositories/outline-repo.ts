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
  /** The plan itself: its code is the plan's code. */
  plan: { table: 'plans', columns: { name: 'name', description: 'description' } },
} as const;

/** What can be edited: an outline item, or the plan itself. */
export type EditableKind = keyof typeof OUTLINE_COLUMNS;
/** What a plan's outline holds (and can be added to it). */
export type OutlineKind = Exclude<EditableKind, 'plan'>;
export type OutlineField<K extends EditableKind> = keyof (typeof OUTLINE_COLUMNS)[K]['columns'] & string;

export interface OutlineItemRow {
  id: string;
  plan_id: string;
  version: number;
  /** The editable fields as stored, by their API names (dates as ISO text). */
  fields: Record<string, string | null>;
}

const columnsOf = (kind: EditableKind): [string, string][] => Object.entries(OUTLINE_COLUMNS[kind].columns);

export async function findOutlineItem(
  db: Queryable,
  tenantId: string,
  kind: EditableKind,
  planCode: string,
  code: string,
): Promise<OutlineItemRow | null> {
  const { table } = OUTLINE_COLUMNS[kind];
  const cols = columnsOf(kind)
    .map(([field, col]) => `x.${col}::text AS "${field}"`)
    .join(', ');
  const rows = await db.query<Record<string, string | null> & { id: string; plan_id: string; version: number }>(
    kind === 'plan'
      ? `SELECT x.id, x.id AS plan_id, x.version, ${cols} FROM plans x
          WHERE x.tenant_id = $1 AND x.code = $2 AND x.code = $3 FOR UPDATE OF x`
      : `SELECT x.id, x.plan_id, x.version, ${cols}
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
  kind: EditableKind,
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

/** The columns a new item of each kind is written with (API name → column); code and plan are always written. */
export const OUTLINE_NEW_COLUMNS = {
  indicator: {
    name: 'name',
    unitOfMeasure: 'unit_of_measure',
    measure: 'measure',
    group: 'group_code',
    definition: 'definition',
    direction: 'direction',
    parentId: 'parent_id',
    ownerAgencyId: 'owner_agency_id',
  },
  task: {
    title: 'title',
    body: 'body',
    deadline: 'deadline',
    responsibility: 'responsibility',
    ownerAgencyId: 'owner_agency_id',
  },
  project: {
    title: 'title',
    description: 'description',
    status: 'status',
    periodStart: 'period_start',
    periodEnd: 'period_end',
    ownerAgencyId: 'owner_agency_id',
  },
  breakthrough: { title: 'title', body: 'body' },
} as const;

/** The id of the plan's item of this kind with this code, if there is one. */
export async function findOutlineItemId(
  db: Queryable,
  tenantId: string,
  kind: OutlineKind,
  planId: string,
  code: string,
): Promise<string | null> {
  const rows = await db.query<{ id: string }>(
    `SELECT id FROM ${OUTLINE_COLUMNS[kind].table} WHERE tenant_id = $1 AND plan_id = $2 AND code = $3`,
    [tenantId, planId, code],
  );
  return rows[0]?.id ?? null;
}

/** Inserts a new item at the end of the plan's order (version 1); returns its id and the row as written. */
export async function insertOutlineItem(
  db: Queryable,
  tenantId: string,
  kind: OutlineKind,
  planId: string,
  code: string,
  fields: Record<string, string | null>,
): Promise<{ id: string; row: Record<string, unknown> }> {
  const { table } = OUTLINE_COLUMNS[kind];
  const known = OUTLINE_NEW_COLUMNS[kind] as Record<string, string>;
  const entries = Object.entries(fields).filter(([field]) => known[field] !== undefined);
  const cols = ['tenant_id', 'plan_id', 'code', ...entries.map(([field]) => known[field] as string)];
  const values = [tenantId, planId, code, ...entries.map(([, v]) => v)];
  // Projects carry no order column: they are listed by their code.
  const ordered = kind !== 'project';
  const rows = await db.query<Record<string, unknown> & { id: string }>(
    `INSERT INTO ${table} (${cols.join(', ')}${ordered ? ', sort_order' : ''})
     VALUES (${cols.map((_, i) => `$${i + 1}`).join(', ')}${
       ordered ? `, (SELECT coalesce(max(sort_order) + 1, 0) FROM ${table} WHERE tenant_id = $1 AND plan_id = $2)` : ''
     })
     RETURNING *`,
    values,
  );
  const row = rows[0] as Record<string, unknown> & { id: string };
  return { id: row.id, row };
}

/** The first target of a new indicator, in force, at the plan's own unit, set by the document it cites. */
export async function insertFirstTarget(
  db: Queryable,
  t: {
    tenantId: string;
    planId: string;
    indicatorId: string;
    spec: { kind: string };
    text: string;
    firstYear: number;
    lastYear: number;
    documentId: string;
    /** Where the target is written ({ document, documentId, source, page/paragraph/quote }), kept as its provenance too. */
    citation: Record<string, unknown>;
  },
): Promise<Record<string, unknown> & { id: string }> {
  const rows = await db.query<Record<string, unknown> & { id: string }>(
    `INSERT INTO targets (tenant_id, plan_id, indicator_id, unit_id, document_id, kind, spec, text, first_year, last_year,
                          sort_order, citation, provenance)
     SELECT $1, $2, $3, p.unit_id, $4, $5, $6, $7, $8, $9,
            (SELECT coalesce(max(sort_order) + 1, 0) FROM targets WHERE tenant_id = $1 AND plan_id = $2), $10, $10
       FROM plans p WHERE p.tenant_id = $1 AND p.id = $2
     RETURNING id, kind, spec, text, first_year, last_year, stage, document_id, citation`,
    [
      t.tenantId,
      t.planId,
      t.indicatorId,
      t.documentId,
      t.spec.kind,
      JSON.stringify(t.spec),
      t.text,
      t.firstYear,
      t.lastYear,
      JSON.stringify(t.citation),
    ],
  );
  return rows[0] as Record<string, unknown> & { id: string };
}

/** The id of the tenant's agency with this code, if there is one. */
export async function findAgencyIdByCode(db: Queryable, tenantId: string, code: string): Promise<string | null> {
  const rows = await db.query<{ id: string }>('SELECT id FROM agencies WHERE tenant_id = $1 AND code = $2', [
    tenantId,
    code,
  ]);
  return rows[0]?.id ?? null;
}
