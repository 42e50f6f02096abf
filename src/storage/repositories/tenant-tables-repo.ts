// A tenant's rows, table by table, as text: what a whole-plan document and a tenant backup carry. Every column of
// every table is read as its PostgreSQL text form (numerics exact, jsonb canonical, dates ISO, times in UTC) and
// written back through the column's own type, so a row comes back byte for byte. A table that the migrations add and
// this list does not know stops the export, rather than being left out of a backup in silence.
import type { Queryable } from '../db.ts';

/** One table's rows: its column names and, per row, each column's text (null kept). */
export interface TableRows {
  columns: string[];
  rows: (string | null)[][];
}

export type Scope = 'plan' | 'tenant';

/**
 * The tables a tenant owns, parents before children. `plan` is the filter that keeps a plan's rows ($1 tenant,
 * $2 plan); null means the table is not part of a plan document (it is in a tenant backup). Self references and the
 * plans ↔ documents pair are written in a second pass (see `deferredColumns`).
 */
const TABLES: { name: string; plan: string | null }[] = [
  { name: 'tenants', plan: 'id = $1 AND $2::uuid IS NOT NULL' },
  { name: 'units', plan: 'tenant_id = $1' },
  { name: 'documents', plan: 'tenant_id = $1 AND (plan_id IS NULL OR plan_id = $2)' },
  { name: 'unit_lineage', plan: 'tenant_id = $1' },
  { name: 'agencies', plan: 'tenant_id = $1' },
  {
    name: 'users',
    // A plan document names the people who wrote its stories and approved its figures, never their accounts.
    plan: `tenant_id = $1 AND (id IN (SELECT s.author_id FROM target_stories s JOIN targets t ON t.id = s.target_id WHERE t.plan_id = $2)
            OR id IN (SELECT v.entered_by FROM observation_versions v JOIN observations o ON o.id = v.observation_id JOIN indicators i ON i.id = o.indicator_id WHERE i.plan_id = $2)
            OR id IN (SELECT v.approved_by FROM observation_versions v JOIN observations o ON o.id = v.observation_id JOIN indicators i ON i.id = o.indicator_id WHERE i.plan_id = $2))`,
  },
  { name: 'user_roles', plan: null },
  { name: 'rule_sets', plan: null },
  { name: 'plans', plan: 'tenant_id = $1 AND id = $2' },
  { name: 'indicators', plan: 'tenant_id = $1 AND plan_id = $2' },
  {
    name: 'price_basis_conversions',
    plan: 'tenant_id = $1 AND indicator_id IN (SELECT id FROM indicators WHERE plan_id = $2)',
  },
  { name: 'targets', plan: 'tenant_id = $1 AND plan_id = $2' },
  { name: 'target_milestones', plan: 'tenant_id = $1 AND target_id IN (SELECT id FROM targets WHERE plan_id = $2)' },
  { name: 'target_stories', plan: 'tenant_id = $1 AND target_id IN (SELECT id FROM targets WHERE plan_id = $2)' },
  {
    name: 'observations',
    plan: 'tenant_id = $1 AND indicator_id IN (SELECT id FROM indicators WHERE plan_id = $2)',
  },
  {
    name: 'observation_versions',
    plan: `tenant_id = $1 AND observation_id IN (SELECT o.id FROM observations o JOIN indicators i ON i.id = o.indicator_id WHERE i.plan_id = $2)`,
  },
  {
    name: 'observation_reviews',
    plan: `tenant_id = $1 AND observation_id IN (SELECT o.id FROM observations o JOIN indicators i ON i.id = o.indicator_id WHERE i.plan_id = $2)`,
  },
  { name: 'evaluations', plan: 'tenant_id = $1 AND target_id IN (SELECT id FROM targets WHERE plan_id = $2)' },
  { name: 'evaluation_changes', plan: 'tenant_id = $1 AND target_id IN (SELECT id FROM targets WHERE plan_id = $2)' },
  { name: 'evaluation_overrides', plan: 'tenant_id = $1 AND target_id IN (SELECT id FROM targets WHERE plan_id = $2)' },
  { name: 'plan_evaluations', plan: 'tenant_id = $1 AND plan_id = $2' },
  { name: 'tasks', plan: 'tenant_id = $1 AND plan_id = $2' },
  { name: 'task_agencies', plan: 'tenant_id = $1 AND task_id IN (SELECT id FROM tasks WHERE plan_id = $2)' },
  { name: 'task_indicators', plan: 'tenant_id = $1 AND task_id IN (SELECT id FROM tasks WHERE plan_id = $2)' },
  { name: 'task_progress_reports', plan: 'tenant_id = $1 AND task_id IN (SELECT id FROM tasks WHERE plan_id = $2)' },
  { name: 'projects', plan: 'tenant_id = $1 AND plan_id = $2' },
  { name: 'project_milestones', plan: 'tenant_id = $1 AND project_id IN (SELECT id FROM projects WHERE plan_id = $2)' },
  { name: 'project_progress', plan: 'tenant_id = $1 AND project_id IN (SELECT id FROM projects WHERE plan_id = $2)' },
  { name: 'breakthroughs', plan: 'tenant_id = $1 AND plan_id = $2' },
  {
    name: 'breakthrough_links',
    plan: 'tenant_id = $1 AND breakthrough_id IN (SELECT id FROM breakthroughs WHERE plan_id = $2)',
  },
  {
    name: 'quality_notes',
    plan: `tenant_id = $1 AND entity_id IN (
             SELECT $2::uuid UNION ALL SELECT id FROM indicators WHERE plan_id = $2 UNION ALL SELECT id FROM targets WHERE plan_id = $2
             UNION ALL SELECT o.id FROM observations o JOIN indicators i ON i.id = o.indicator_id WHERE i.plan_id = $2
             UNION ALL SELECT id FROM tasks WHERE plan_id = $2 UNION ALL SELECT id FROM projects WHERE plan_id = $2
             UNION ALL SELECT id FROM breakthroughs WHERE plan_id = $2)`,
  },
  { name: 'issued_reports', plan: 'tenant_id = $1 AND plan_id = $2' },
  { name: 'explanation_requests', plan: null },
  { name: 'notifications', plan: null },
  { name: 'saved_views', plan: null },
  { name: 'evidence_files', plan: null },
  { name: 'progress_evidence', plan: null },
  { name: 'figure_imports', plan: null },
  { name: 'figure_import_accepted', plan: null },
  { name: 'audit_log', plan: null },
];

/**
 * Tables left out on purpose: sessions and login throttling are secrets and short-lived counters, jobs are work in
 * flight, schema_migrations belongs to the database (the document records the schema version instead), and
 * plan_summaries is derived: the database counts it again from the plan's rows as they are written back (0019);
 * figure_list_versions too: the database rewrites an indicator's row as its figures are written back (0022).
 */
const NOT_CARRIED = new Set([
  'sessions',
  'login_throttle',
  'jobs',
  'schema_migrations',
  'plan_summaries',
  'figure_list_versions',
]);

/**
 * Columns never carried. A password hash is a secret: a plan document names people, a backup restores their accounts
 * without passwords (restore-tenant.ts). The audit log's id is the database's own sequence: entries are appended again
 * in their order under new numbers, so a restore never collides with another tenant's entries.
 */
const DROPPED: Record<string, string[]> = { users: ['password_hash'], audit_log: ['id'] };

/** In a plan document, a person is their id, e-mail and name: their roles, agency and state are the tenant's. */
const PLAN_COLUMNS: Record<string, string[]> = { users: ['id', 'tenant_id', 'email', 'display_name'] };

export function tablesOf(scope: Scope): string[] {
  return TABLES.filter((t) => scope === 'tenant' || t.plan !== null).map((t) => t.name);
}

interface Column {
  name: string;
  type: string;
  generated: boolean;
}

async function columnsOf(db: Queryable, table: string): Promise<Column[]> {
  return db.query<Column & Record<string, unknown>>(
    `SELECT a.attname AS name, format_type(a.atttypid, a.atttypmod) AS type,
            (a.attgenerated <> '' OR a.attidentity = 'a') AS generated
       FROM pg_attribute a
      WHERE a.attrelid = to_regclass($1) AND a.attnum > 0 AND NOT a.attisdropped
      ORDER BY a.attnum`,
    [table],
  );
}

/** Fails when the schema has a table this module does not know: a new table must be placed in TABLES or NOT_CARRIED. */
export async function checkEveryTableKnown(db: Queryable): Promise<void> {
  const rows = await db.query<{ name: string }>(
    `SELECT c.relname AS name FROM pg_class c WHERE c.relkind = 'r' AND c.relnamespace = to_regnamespace(current_schema())`,
  );
  const known = new Set([...TABLES.map((t) => t.name), ...NOT_CARRIED]);
  const unknown = rows.map((r) => r.name).filter((n) => !known.has(n));
  if (unknown.length > 0)
    throw new Error(`tenant-tables-repo: tables not placed in TABLES or NOT_CARRIED: ${unknown.sort().join(', ')}`);
}

const byText = (a: (string | null)[], b: (string | null)[]): number => {
  for (let i = 0; i < a.length; i++) {
    const x = a[i] ?? '';
    const y = b[i] ?? '';
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
};

/** Text forms that do not depend on the server's settings. Call inside a transaction. */
export async function fixTextForms(tx: Queryable): Promise<void> {
  await tx.query(`SELECT set_config('TimeZone', 'UTC', true), set_config('DateStyle', 'ISO, YMD', true),
                         set_config('bytea_output', 'hex', true), set_config('IntervalStyle', 'postgres', true)`);
}

/**
 * A tenant's (or one plan's) rows of one table, sorted by their text so that two exports of the same rows are equal
 * whatever order the database returns them in. The audit log keeps the order it was written in.
 */
export async function readTable(
  tx: Queryable,
  table: string,
  scope: Scope,
  tenantId: string,
  planId: string | null,
): Promise<TableRows> {
  const def = TABLES.find((t) => t.name === table);
  if (def === undefined) throw new Error(`unknown table ${table}`);
  const dropped = DROPPED[table] ?? [];
  const wanted = scope === 'plan' ? PLAN_COLUMNS[table] : undefined;
  const columns = (await columnsOf(tx, table))
    .filter((c) => !c.generated)
    .filter((c) => !dropped.includes(c.name) && (wanted === undefined || wanted.includes(c.name)))
    .map((c) => c.name);
  // Both parameters appear in every plan filter, so PostgreSQL can type them.
  const where =
    scope === 'plan'
      ? `(${def.plan ?? 'false'}) AND $2::uuid IS NOT NULL`
      : table === 'tenants'
        ? 'id = $1'
        : 'tenant_id = $1';
  const params = scope === 'plan' ? [tenantId, planId] : [tenantId];
  const order = table === 'audit_log' ? ' ORDER BY id' : '';
  const list = columns.map((c) => `${quote(c)}::text AS ${quote(c)}`).join(', ');
  const raw = await tx.query(`SELECT ${list} FROM ${quote(table)} WHERE ${where}${order}`, params);
  const rows = raw.map((r) => columns.map((c) => (r[c] === null ? null : String(r[c]))));
  if (table !== 'audit_log') rows.sort(byText);
  return { columns, rows };
}

const quote = (name: string): string => `"${name.replace(/"/g, '""')}"`;

/**
 * Foreign-key columns of a table, split in two: those pointing at the same table (a parent, a superseded report),
 * satisfied by writing the rows parents first; and those pointing at a table written later (a plan from its
 * documents), written as null first and set once every row is in. Append-only tables (progress reports) refuse that
 * later update, so a self reference is never deferred.
 */
async function foreignKeys(
  tx: Queryable,
  table: string,
  order: string[],
): Promise<{ self: string[]; later: string[] }> {
  const fks = await tx.query<{ col: string; ref: string }>(
    `SELECT a.attname AS col, (SELECT relname FROM pg_class WHERE oid = c.confrelid) AS ref
       FROM pg_constraint c JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = ANY (c.conkey)
      WHERE c.contype = 'f' AND c.conrelid = to_regclass($1)`,
    [table],
  );
  const at = order.indexOf(table);
  return {
    self: fks.filter((f) => f.ref === table).map((f) => f.col),
    later: fks.filter((f) => f.ref !== table && order.indexOf(f.ref) > at).map((f) => f.col),
  };
}

/** Rows ordered so that a row comes after every row of the same table it points at. */
function parentsFirst(rows: (string | null)[][], idAt: number, refs: number[]): (string | null)[][] {
  if (refs.length === 0 || idAt < 0) return rows;
  const ids = new Set(rows.map((r) => r[idAt]));
  const placed = new Set<string | null>();
  const out: (string | null)[][] = [];
  let pending = rows;
  while (pending.length > 0) {
    // A row pointing at itself is written in one statement with itself (the key is checked after the insert).
    const ready = pending.filter((r) =>
      refs.every((i) => r[i] === null || r[i] === r[idAt] || !ids.has(r[i] ?? null) || placed.has(r[i] ?? null)),
    );
    if (ready.length === 0) throw new Error('rows of one table refer to each other in a cycle');
    for (const r of ready) {
      placed.add(r[idAt] ?? null);
      out.push(r);
    }
    pending = pending.filter((r) => !placed.has(r[idAt] ?? null));
  }
  return out;
}

const BATCH = 500;

/**
 * Writes rows into a table through each column's type (the text form read by `readTable`). `extra` adds columns the
 * document does not carry (an account's unusable password); `skipExisting` keeps rows already present (the tenant's
 * units and agencies when a plan joins its tenant). Returns the deferred column values, for `setDeferred` once every
 * table is written.
 */
export async function writeTable(
  tx: Queryable,
  table: string,
  data: TableRows,
  order: string[],
  extra: { columns: string[]; values: (row: (string | null)[]) => (string | null)[] } | null = null,
  skipExisting = false,
): Promise<Deferred> {
  const types = new Map((await columnsOf(tx, table)).map((c) => [c.name, c.type]));
  for (const c of data.columns)
    if (!types.has(c))
      throw new Error(`table ${table} has no column ${c}: the document was written by another schema version`);
  const fks = await foreignKeys(tx, table, order);
  const columns = [...data.columns, ...(extra?.columns ?? [])];
  const deferred: Deferred = { table, columns: fks.later.filter((c) => columns.includes(c)), rows: [] };
  const idAt = data.columns.indexOf('id');
  const rows = parentsFirst(
    data.rows,
    idAt,
    fks.self.map((c) => data.columns.indexOf(c)).filter((i) => i >= 0),
  );
  const select = columns
    .map((c, i) => (deferred.columns.includes(c) ? `NULL::${types.get(c)}` : `(r->>${i})::${types.get(c)}`))
    .join(', ');
  for (let i = 0; i < rows.length; i += BATCH) {
    const batch = rows.slice(i, i + BATCH).map((r) => [...r, ...(extra?.values(r) ?? [])]);
    await tx.query(
      `INSERT INTO ${quote(table)} (${columns.map(quote).join(', ')}) SELECT ${select} FROM json_array_elements($1::json) AS r${skipExisting ? ' ON CONFLICT DO NOTHING' : ''}`,
      [JSON.stringify(batch)],
    );
    if (deferred.columns.length > 0 && idAt >= 0)
      for (const r of batch)
        deferred.rows.push([r[idAt] ?? null, ...deferred.columns.map((c) => r[columns.indexOf(c)] ?? null)]);
  }
  deferred.types = deferred.columns.map((c) => types.get(c) ?? 'text');
  return deferred;
}

export interface Deferred {
  table: string;
  columns: string[];
  types?: string[];
  /** [id, ...values of the deferred columns] */
  rows: (string | null)[][];
}

export async function setDeferred(tx: Queryable, d: Deferred): Promise<void> {
  const rows = d.rows.filter((r) => r.slice(1).some((v) => v !== null));
  const sets = d.columns.map((c, i) => `${quote(c)} = (r->>${i + 1})::${d.types?.[i] ?? 'text'}`).join(', ');
  for (let i = 0; i < rows.length; i += BATCH)
    await tx.query(
      `UPDATE ${quote(d.table)} t SET ${sets} FROM json_array_elements($1::json) AS r WHERE t.id = (r->>0)::uuid`,
      [JSON.stringify(rows.slice(i, i + BATCH))],
    );
}

/** The newest migration applied: a document is read back only by the schema that wrote it. */
export async function schemaVersion(db: Queryable): Promise<number> {
  const rows = await db.query<{ v: number }>('SELECT max(version)::int AS v FROM schema_migrations');
  return rows[0]?.v ?? 0;
}

/** A reference column whose rows name another tenant's rows, or rows written under another tenant than the one read. */
export interface OutsideReference {
  table: string;
  column: string;
  rows: number;
}

/**
 * What a document read into a tenant (a backup restored, a plan imported) must not leave behind: rows of the tenant
 * whose foreign key names a row of another tenant (a target of another province's indicator, an account in another
 * province's agency), and rows carrying another tenant's id. Every single-column foreign key between two tables that
 * both have a tenant_id is read from the catalogue, so a table a migration adds is covered without a list to keep;
 * keys that already include tenant_id (migration 0024) hold by themselves, and shared rows (tenant_id NULL) may be named.
 */
export async function referencesOutsideTenant(
  db: Queryable,
  tenantId: string,
  written: readonly string[],
): Promise<OutsideReference[]> {
  const keys = await db.query<{ child: string; col: string; parent: string; pcol: string }>(
    `SELECT cc.relname AS child, a.attname AS col, pc.relname AS parent, pa.attname AS pcol
       FROM pg_constraint c
       JOIN pg_class cc ON cc.oid = c.conrelid
       JOIN pg_class pc ON pc.oid = c.confrelid
       JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
       JOIN pg_attribute pa ON pa.attrelid = c.confrelid AND pa.attnum = c.confkey[1]
      WHERE c.contype = 'f' AND cardinality(c.conkey) = 1
        AND c.connamespace = (SELECT oid FROM pg_namespace WHERE nspname = current_schema())
        AND cc.relname = ANY($1::text[]) AND a.attname <> 'tenant_id'
        AND EXISTS (SELECT 1 FROM pg_attribute t WHERE t.attrelid = c.conrelid AND t.attname = 'tenant_id' AND NOT t.attisdropped)
        AND EXISTS (SELECT 1 FROM pg_attribute t WHERE t.attrelid = c.confrelid AND t.attname = 'tenant_id' AND NOT t.attisdropped)
      ORDER BY 1, 2`,
    [written],
  );
  const out: OutsideReference[] = [];
  for (const k of keys) {
    const [r] = await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM ${quote(k.child)} c JOIN ${quote(k.parent)} p ON p.${quote(k.pcol)} = c.${quote(k.col)}
        WHERE c.tenant_id = $1 AND p.tenant_id <> $1`,
      [tenantId],
    );
    if ((r?.n ?? 0) > 0) out.push({ table: k.child, column: k.col, rows: r?.n ?? 0 });
  }
  return out;
}

/** The json and jsonb columns of these tables, by table: where a document can carry ids no foreign key checks. */
export async function jsonColumnsOf(
  db: Queryable,
  tables: readonly string[],
): Promise<{ table: string; column: string }[]> {
  return db.query(
    `SELECT table_name::text AS "table", column_name::text AS "column" FROM information_schema.columns
      WHERE table_schema = current_schema() AND table_name = ANY($1::text[]) AND data_type IN ('json', 'jsonb')
      ORDER BY 1, 2`,
    [tables],
  );
}

/**
 * Of these ids, those that name a row of another tenant, with the table of that row: every table with a uuid id and
 * a tenant_id (read from the catalogue, so a table a migration adds is covered), and the other tenants themselves.
 */
export async function idsOfOtherTenants(
  db: Queryable,
  tenantId: string,
  ids: readonly string[],
): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const tables = await db.query<{ name: string }>(
    `SELECT c.table_name::text AS name FROM information_schema.columns c
      WHERE c.table_schema = current_schema() AND c.column_name = 'id' AND c.data_type = 'uuid'
        AND EXISTS (SELECT 1 FROM information_schema.columns t WHERE t.table_schema = c.table_schema
                     AND t.table_name = c.table_name AND t.column_name = 'tenant_id')
      ORDER BY 1`,
  );
  const parts = [
    `SELECT 'tenants' AS "table", id::text AS id FROM tenants WHERE id = ANY($1::uuid[]) AND id <> $2::uuid`,
    ...tables.map(
      (t) =>
        `SELECT ${`'${t.name.replace(/'/g, "''")}'`} AS "table", id::text AS id FROM ${quote(t.name)}
          WHERE id = ANY($1::uuid[]) AND tenant_id IS NOT NULL AND tenant_id <> $2::uuid`,
    ),
  ];
  const found = await db.query<{ table: string; id: string }>(parts.join('\nUNION ALL\n'), [ids, tenantId]);
  return new Map(found.map((f) => [f.id, f.table]));
}
