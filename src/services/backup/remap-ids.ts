// Ids of a plan document made to fit the database it is read into. A document written by one database names its
// rows by that database's ids; another database that already holds the same tenant (the same province, its units,
// agencies and people, under its own ids) or rows with the same ids must not get a second copy or a collision:
// - the tenant and what a plan shares with the rest of its tenant are matched by their natural keys: the tenant by its
//   code, units by code and start of validity, agencies by code, people by e-mail, shared documents by kind, number
//   and title, unit lineage by its two units, event and date: their references then point at this database's rows;
// - any other row whose id this database already uses is given a new id;
// - every other id stays, so reading a document into an empty database (or the one that wrote it, once the plan is
//   gone) gives back the very rows, and exporting them again the same bytes.
// Every cell is rewritten, JSON included (an evaluation's inputs name the figure versions they read).
import { randomUUID } from 'node:crypto';
import type { Queryable } from '../../storage/db.ts';
import type { TableRows } from '../../storage/repositories/tenant-tables-repo.ts';
import type { TableDocument } from './table-document.ts';

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;

/** The tenant-shared tables and the natural key of a row: the columns that name it, read from the document. */
const NATURAL_KEYS: Record<string, { columns: string[]; where?: string }> = {
  units: { columns: ['code', 'valid_from'] },
  agencies: { columns: ['code'] },
  documents: { columns: ['kind', 'number', 'title'], where: 'plan_id IS NULL' },
  unit_lineage: { columns: ['from_unit_id', 'to_unit_id', 'event', 'effective_on'] },
};

const cell = (t: TableRows, row: (string | null)[], column: string): string | null => {
  const i = t.columns.indexOf(column);
  return i < 0 ? null : (row[i] ?? null);
};
const quote = (name: string): string => `"${name.replace(/"/g, '""')}"`;

function rewrite(t: TableRows, map: ReadonlyMap<string, string>): TableRows {
  return {
    columns: t.columns,
    rows: t.rows.map((r) => r.map((v) => (v === null ? null : v.replace(UUID, (id) => map.get(id) ?? id)))),
  };
}

/**
 * The document with its ids fitted to this database, and the id its tenant takes here. `order` is the tables in
 * writing order (parents first), so a key that names another row (unit lineage's units) is read after that row's id
 * is known.
 */
export async function remapIds(
  tx: Queryable,
  doc: TableDocument,
  order: readonly string[],
): Promise<{ doc: TableDocument; tenantId: string; tenantHeld: boolean; changed: number }> {
  const map = new Map<string, string>();
  const tenants = doc.tables.tenants as TableRows;
  const docTenantId = cell(tenants, tenants.rows[0] ?? [], 'id') as string;
  const [held] = await tx.query<{ id: string }>('SELECT id::text AS id FROM tenants WHERE code = $1', [doc.tenant]);
  if (held && held.id !== docTenantId) map.set(docTenantId, held.id);
  const tenantId = held?.id ?? docTenantId;

  for (const name of order) {
    const t = doc.tables[name];
    if (t === undefined || name === 'tenants' || !t.columns.includes('id')) continue;
    const ids = t.rows.map((r) => cell(t, r, 'id')).filter((v): v is string => v !== null);
    if (ids.length === 0) continue;
    const key = NATURAL_KEYS[name];
    const matched = new Set<string>();
    if (held && (key || name === 'users')) {
      // Rows this database holds for the same tenant, by natural key (the key's references already mapped).
      const keyOf = (values: (string | null)[]) => JSON.stringify(values);
      const docKeyOf = (values: (string | null)[]) => keyOf(values.map((v) => (v === null ? null : (map.get(v) ?? v))));
      const columns = name === 'users' ? ['email'] : (key?.columns ?? []);
      const here = await tx.query<Record<string, string | null>>(
        `SELECT id::text AS id, ${columns.map((c) => `${quote(c)}::text AS ${quote(c)}`).join(', ')} FROM ${quote(name)}
          WHERE tenant_id = $1${key?.where ? ` AND ${key.where}` : ''}`,
        [held.id],
      );
      const byKey = new Map(here.map((h) => [keyOf(columns.map((c) => h[c] ?? null)), h.id as string]));
      for (const r of t.rows) {
        if (key?.where && cell(t, r, 'plan_id') !== null) continue;
        const id = cell(t, r, 'id');
        const found = byKey.get(docKeyOf(columns.map((c) => cell(t, r, c))));
        if (id && found) {
          if (found !== id) map.set(id, found);
          matched.add(id);
        }
      }
    }
    // Any other id this database already uses gets a new one.
    const rest = ids.filter((id) => !matched.has(id));
    if (rest.length === 0) continue;
    const taken = await tx.query<{ id: string }>(
      `SELECT id::text AS id FROM ${quote(name)} WHERE id = ANY($1::uuid[])`,
      [rest],
    );
    for (const { id } of taken) map.set(id, randomUUID());
  }
  if (map.size === 0) return { doc, tenantId, tenantHeld: held !== undefined, changed: 0 };
  const tables: Record<string, TableRows> = {};
  for (const [name, t] of Object.entries(doc.tables)) tables[name] = rewrite(t, map);
  return { doc: { ...doc, tables }, tenantId, tenantHeld: held !== undefined, changed: map.size };
}
