// Evidence files' metadata and which progress report each supports.
import type { ProgressKind } from './progress-repo.ts';
import type { Queryable } from '../db.ts';

export interface EvidenceRow {
  [k: string]: unknown;
  id: string;
  report_id: string;
  storage_key: string;
  provider: string;
  filename: string;
  media_type: string;
  size_bytes: number;
  sha256: string;
  uploaded_at: string;
}

export async function insertEvidence(
  db: Queryable,
  e: {
    tenantId: string;
    kind: ProgressKind;
    reportId: string;
    provider: string;
    storageKey: string;
    filename: string;
    mediaType: string;
    sizeBytes: number;
    sha256: string;
    by: string | null;
    at: Date;
  },
): Promise<string> {
  const rows = await db.query<{ id: string }>(
    `INSERT INTO evidence_files (tenant_id, storage_key, provider, filename, media_type, size_bytes, sha256, uploaded_by, uploaded_at)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9) RETURNING id`,
    [e.tenantId, e.storageKey, e.provider, e.filename, e.mediaType, e.sizeBytes, e.sha256, e.by, e.at.toISOString()],
  );
  const id = (rows[0] as { id: string }).id;
  await db.query(
    'INSERT INTO progress_evidence (tenant_id, report_kind, report_id, evidence_id) VALUES ($1,$2,$3,$4)',
    [e.tenantId, e.kind, e.reportId, id],
  );
  return id;
}

const SELECT = `SELECT f.id, pe.report_id, f.storage_key, f.provider, f.filename, f.media_type, f.size_bytes, f.sha256, f.uploaded_at::text AS uploaded_at
  FROM evidence_files f JOIN progress_evidence pe ON pe.evidence_id = f.id`;

export async function evidenceOfReports(
  db: Queryable,
  tenantId: string | null,
  kind: ProgressKind,
  reportIds: string[],
): Promise<EvidenceRow[]> {
  if (reportIds.length === 0) return [];
  return db.query<EvidenceRow>(
    `${SELECT} WHERE ($1::uuid IS NULL OR f.tenant_id = $1) AND pe.report_kind = $2 AND pe.report_id = ANY($3::uuid[]) ORDER BY f.uploaded_at, f.id`,
    [tenantId, kind, reportIds],
  );
}

export async function findEvidence(db: Queryable, tenantId: string, id: string): Promise<EvidenceRow | null> {
  return (await db.query<EvidenceRow>(`${SELECT} WHERE f.tenant_id = $1 AND f.id = $2`, [tenantId, id]))[0] ?? null;
}
