// Ids carried inside JSON cells of a document read into a tenant (a backup restored, a plan imported): a saved view's
// items, an evaluation's inputs, a provenance or a spec may name rows by id, and no foreign key checks those. A hand-
// edited file could put another tenant's indicator in a view, or another tenant's figure version among the inputs an
// evaluation shows; each such id is found with the table, the column, the row and the JSON path that hold it.
import type { Queryable } from '../../storage/db.ts';
import { idsOfOtherTenants, jsonColumnsOf, type TableRows } from '../../storage/repositories/tenant-tables-repo.ts';

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;

export interface JsonReference {
  table: string;
  column: string;
  /** 1-based, in the document's order of the table's rows. */
  row: number;
  /** Where in the cell, e.g. "[0].id" or ".inputs[2].versionId" ("" for the whole cell). */
  path: string;
  id: string;
  /** The table of the other tenant's row it names. */
  names: string;
}

const keyPath = (key: string): string => (/^[A-Za-z_$][\w$]*$/.test(key) ? `.${key}` : `[${JSON.stringify(key)}]`);

/** Every id inside a JSON value (in strings and in object keys), with its path. */
export function* idsInJson(value: unknown, path = ''): Generator<{ path: string; id: string }> {
  if (typeof value === 'string') {
    for (const m of value.matchAll(UUID)) yield { path, id: m[0].toLowerCase() };
  } else if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) yield* idsInJson(value[i], `${path}[${String(i)}]`);
  } else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      for (const m of k.matchAll(UUID)) yield { path: path + keyPath(k), id: m[0].toLowerCase() };
      yield* idsInJson(v, path + keyPath(k));
    }
  }
}

/**
 * The ids inside the JSON cells of the written tables that name another tenant's rows. Ids of rows the document
 * itself writes are the tenant's own and are passed over without parsing the cell.
 */
export async function jsonReferencesOutsideTenant(
  tx: Queryable,
  tenantId: string,
  tables: Record<string, TableRows>,
): Promise<JsonReference[]> {
  const own = new Set<string>([tenantId.toLowerCase()]);
  for (const t of Object.values(tables)) {
    const at = t.columns.indexOf('id');
    if (at >= 0) for (const r of t.rows) if (r[at]) own.add((r[at] as string).toLowerCase());
  }
  const found: Omit<JsonReference, 'names'>[] = [];
  for (const { table, column } of await jsonColumnsOf(tx, Object.keys(tables))) {
    const t = tables[table];
    const at = t?.columns.indexOf(column) ?? -1;
    if (!t || at < 0) continue;
    t.rows.forEach((r, n) => {
      const text = r[at];
      if (!text || ![...text.matchAll(UUID)].some((m) => !own.has(m[0].toLowerCase()))) return;
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch {
        return; // Not JSON: the database refused the row already.
      }
      for (const { path, id } of idsInJson(value))
        if (!own.has(id)) found.push({ table, column, row: n + 1, path, id });
    });
  }
  const other = await idsOfOtherTenants(tx, tenantId, [...new Set(found.map((f) => f.id))]);
  return found.flatMap((f) => {
    const names = other.get(f.id);
    return names === undefined ? [] : [{ ...f, names }];
  });
}
