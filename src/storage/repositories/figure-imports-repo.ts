// The stored record of a figures import and its accepted rows, in chunks (migration 0023): written while the import
// runs (in its transaction), read back a page at a time.
import type { Queryable } from '../db.ts';

/** One accepted row as stored: [sheet, row, indicator, unit, period, value, stage, outcome]. */
export type AcceptedTuple = [string, number, string, string, string, string, string, string];

export interface FigureImportRow {
  [k: string]: unknown;
  id: string;
  tenant_id: string;
  actor_id: string | null;
  actor_label: string;
  agency_id: string | null;
  file_sha256: string | null;
  at: string;
  rows: number | null;
  counts: Record<string, number> | null;
}

export async function insertFigureImport(
  db: Queryable,
  r: {
    id: string;
    tenantId: string;
    actorId: string | null;
    actorLabel: string;
    agencyId: string | null;
    fileSha256: string | null;
  },
): Promise<void> {
  await db.query(
    `INSERT INTO figure_imports (id, tenant_id, actor_id, actor_label, agency_id, file_sha256) VALUES ($1, $2, $3, $4, $5, $6)`,
    [r.id, r.tenantId, r.actorId, r.actorLabel, r.agencyId, r.fileSha256],
  );
}

/** One chunk of accepted rows, `first` the position of its first row in the whole list. */
export async function insertAcceptedChunk(
  db: Queryable,
  importId: string,
  tenantId: string,
  first: number,
  rows: readonly AcceptedTuple[],
): Promise<void> {
  if (rows.length === 0) return;
  await db.query(
    `INSERT INTO figure_import_accepted (import_id, tenant_id, first, n, rows) VALUES ($1, $2, $3, $4, $5::json)`,
    [importId, tenantId, first, rows.length, JSON.stringify(rows)],
  );
}

export async function finishFigureImport(
  db: Queryable,
  id: string,
  rows: number,
  counts: Record<string, number>,
): Promise<void> {
  await db.query('UPDATE figure_imports SET rows = $2, counts = $3 WHERE id = $1', [id, rows, JSON.stringify(counts)]);
}

/** The import record, if the tenant filter (null: every tenant) allows it. */
export async function findFigureImport(
  db: Queryable,
  tenantId: string | null,
  id: string,
): Promise<FigureImportRow | null> {
  const rows = await db.query<FigureImportRow>(
    `SELECT id, tenant_id, actor_id, actor_label, agency_id, file_sha256, at, rows, counts
       FROM figure_imports WHERE id = $1 AND ($2::uuid IS NULL OR tenant_id = $2)`,
    [id, tenantId],
  );
  return rows[0] ?? null;
}

/** Accepted rows from position `from` (0-based), at most `limit`, in the file's order, with their positions. */
export async function listAcceptedRows(
  db: Queryable,
  importId: string,
  from: number,
  limit: number,
): Promise<{ pos: number; r: AcceptedTuple }[]> {
  return db.query<{ pos: number; r: AcceptedTuple }>(
    `SELECT a.first + e.ord::integer - 1 AS pos, e.r
       FROM figure_import_accepted a
       CROSS JOIN LATERAL json_array_elements(a.rows) WITH ORDINALITY AS e(r, ord)
      WHERE a.import_id = $1 AND a.first + a.n > $2 AND a.first < $2 + $3
        AND a.first + e.ord::integer - 1 >= $2
      ORDER BY pos LIMIT $3`,
    [importId, from, limit],
  );
}
