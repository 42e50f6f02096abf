// Issued reports (migration 0007): inserted once, read back byte for byte, never changed.
import type { Queryable } from '../db.ts';

export interface IssuedReportInsert {
  tenantId: string;
  planId: string;
  kind: 'results' | 'status';
  format: 'xlsx' | 'docx' | 'pdf';
  asOf: string;
  dataBasis: 'approved' | 'all';
  publishedOn: string | null;
  title: string;
  fileName: string;
  mediaType: string;
  bytes: Buffer;
  sha256: string;
  snapshot: unknown;
  issuedBy: string | null;
  issuedByLabel: string;
  note: string | null;
}

export interface IssuedReportRow {
  [k: string]: unknown;
  id: string;
  plan_code: string;
  kind: 'results' | 'status';
  format: 'xlsx' | 'docx' | 'pdf';
  as_of: string;
  data_basis: 'approved' | 'all';
  published_on: string | null;
  title: string;
  file_name: string;
  media_type: string;
  sha256: string;
  size: number;
  snapshot: unknown;
  issued_by_label: string;
  issued_at: Date | string;
  note: string | null;
}

const COLUMNS = `r.id, p.code AS plan_code, r.kind, r.format, r.as_of, r.data_basis, r.published_on, r.title, r.file_name,
  r.media_type, r.sha256, octet_length(r.bytes)::integer AS size, r.snapshot, r.issued_by_label, r.issued_at, r.note`;

export async function insertIssuedReport(db: Queryable, r: IssuedReportInsert): Promise<string> {
  const rows = await db.query<{ id: string }>(
    `INSERT INTO issued_reports (tenant_id, plan_id, kind, format, as_of, data_basis, published_on, title, file_name,
       media_type, bytes, sha256, snapshot, issued_by, issued_by_label, note)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16) RETURNING id`,
    [
      r.tenantId,
      r.planId,
      r.kind,
      r.format,
      r.asOf,
      r.dataBasis,
      r.publishedOn,
      r.title,
      r.fileName,
      r.mediaType,
      r.bytes,
      r.sha256,
      JSON.stringify(r.snapshot),
      r.issuedBy,
      r.issuedByLabel,
      r.note,
    ],
  );
  return (rows[0] as { id: string }).id;
}

export async function listIssuedReports(db: Queryable, tenantId: string, planId: string): Promise<IssuedReportRow[]> {
  return db.query<IssuedReportRow>(
    `SELECT ${COLUMNS} FROM issued_reports r JOIN plans p ON p.id = r.plan_id
      WHERE r.tenant_id = $1 AND r.plan_id = $2 ORDER BY r.issued_at DESC, r.id`,
    [tenantId, planId],
  );
}

export async function findIssuedReport(
  db: Queryable,
  tenantId: string | null,
  id: string,
): Promise<(IssuedReportRow & { bytes: Buffer; tenant_id: string }) | null> {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) return null;
  const rows = await db.query<IssuedReportRow & { bytes: Uint8Array; tenant_id: string }>(
    `SELECT ${COLUMNS}, r.bytes, r.tenant_id FROM issued_reports r JOIN plans p ON p.id = r.plan_id
      WHERE ($1::uuid IS NULL OR r.tenant_id = $1) AND r.id = $2`,
    [tenantId, id],
  );
  const row = rows[0];
  if (!row) return null;
  // node-pg gives a Buffer, PGlite a Uint8Array: the same bytes either way.
  return { ...row, bytes: Buffer.from(row.bytes.buffer, row.bytes.byteOffset, row.bytes.byteLength) };
}
