// Evidence for a progress report: a PDF, an image or a spreadsheet, judged by its content (never by its name or
// the type the browser claims), no larger than the configured limit, kept by the configured provider. Attaching
// is part of writing the report, so it needs the right to enter it and is allowed while the report is a draft or
// returned (an approved or submitted report's evidence is fixed, like its figures).
import { createHash } from 'node:crypto';
import { cleanFileName, detectFileKind, EVIDENCE_KINDS } from '../../core/evidence/file-signature.ts';
import { Conflict, NotFound, ValidationError } from '../../core/errors.ts';
import { formatNumber } from '../../core/format/number.ts';
import type { EvidenceStore } from '../../storage/evidence-store.ts';
import { evidenceOfReports, findEvidence, insertEvidence } from '../../storage/repositories/evidence-repo.ts';
import { findProgress } from '../../storage/repositories/progress-repo.ts';
import { writeAudit } from '../audit.ts';
import type { ServiceContext } from '../context.ts';
import { authorize } from '../policy.ts';
import { ACTIONS, checkOwner, progressNotFound, type ProgressKind } from '../progress/progress-access.ts';

const notEditable = () =>
  new Conflict('report_not_editable', {
    vi: 'Chỉ thêm minh chứng khi báo cáo còn là bản nháp hoặc bị trả lại',
    en: 'Evidence can be added only while the report is a draft or returned',
  });

export interface AttachEvidenceInput {
  kind: ProgressKind;
  reportId: string;
  filename: string;
  bytes: Uint8Array;
}

export function presentEvidence(e: {
  id: string;
  filename: string;
  media_type: string;
  size_bytes: number;
  sha256: string;
  uploaded_at: string;
}) {
  return {
    id: e.id,
    filename: e.filename,
    mediaType: e.media_type,
    sizeBytes: e.size_bytes,
    sha256: e.sha256,
    uploadedAt: e.uploaded_at,
    url: `/api/evidence/${e.id}`,
  };
}
export type EvidenceView = ReturnType<typeof presentEvidence>;

export async function attachEvidence({
  ctx,
  store,
  input,
}: {
  ctx: ServiceContext;
  store: EvidenceStore;
  input: AttachEvidenceInput;
}): Promise<EvidenceView> {
  const scope = authorize(ctx.actor, ACTIONS[input.kind].enter);
  const tenantId = ctx.actor.tenantId;
  if (!tenantId) throw progressNotFound(input.kind);
  const report = await findProgress(ctx.db, input.kind, tenantId, input.reportId, ctx.actor.agencyId);
  if (!report) throw progressNotFound(input.kind);
  checkOwner(ctx.actor, scope, report.owned, input.kind);
  if (report.superseded_by || !['draft', 'returned'].includes(report.workflow_state)) throw notEditable();
  if (input.bytes.length > store.maxBytes)
    throw new ValidationError(
      {
        vi: `Tệp "${input.filename}" quá lớn: ${formatNumber(input.bytes.length)} byte, tối đa ${formatNumber(store.maxBytes)}`,
        en: `The file "${input.filename}" is too large: ${input.bytes.length} bytes, at most ${store.maxBytes}`,
      },
      [{ path: 'body', reason: { vi: 'quá lớn', en: 'too large' } }],
      'file_too_large',
    );
  const kind = detectFileKind(input.bytes);
  if (!kind)
    throw new ValidationError(
      {
        vi: `Tệp "${input.filename}" không phải PDF, ảnh (PNG, JPEG, WebP, GIF) hay bảng tính (XLSX, XLS, CSV) theo nội dung`,
        en: `The file "${input.filename}" is not a PDF, an image (PNG, JPEG, WebP, GIF) or a spreadsheet (XLSX, XLS, CSV) by its content`,
      },
      [{ path: 'body', reason: { vi: 'loại tệp không được nhận', en: 'file type not accepted' } }],
      'file_type_refused',
    );
  const filename = cleanFileName(input.filename, kind.extension);
  const sha256 = createHash('sha256').update(input.bytes).digest('hex');
  // The bytes are stored before the row; a row that then fails leaves an orphan file, never a row without a file.
  const storageKey = await store.put(tenantId, input.bytes);
  return ctx.db.transaction(async (tx) => {
    const locked = await findProgress(tx, input.kind, tenantId, input.reportId, ctx.actor.agencyId);
    if (!locked) throw progressNotFound(input.kind);
    if (locked.superseded_by || !['draft', 'returned'].includes(locked.workflow_state)) throw notEditable();
    const id = await insertEvidence(tx, {
      tenantId,
      kind: input.kind,
      reportId: input.reportId,
      provider: store.provider,
      storageKey,
      filename,
      mediaType: kind.mediaType,
      sizeBytes: input.bytes.length,
      sha256,
      by: ctx.actor.userId,
      at: ctx.now(),
    });
    await writeAudit(tx, ctx, {
      tenantId,
      action: 'attach_evidence',
      entity: ACTIONS[input.kind].entity,
      entityId: input.reportId,
      after: { evidenceId: id, filename, mediaType: kind.mediaType, sizeBytes: input.bytes.length, sha256 },
    });
    const row = await findEvidence(tx, tenantId, id);
    return presentEvidence(row as NonNullable<typeof row>);
  });
}

export async function readEvidence({
  ctx,
  store,
  input,
}: {
  ctx: ServiceContext;
  store: EvidenceStore;
  input: { id: string };
}): Promise<{ filename: string; mediaType: string; bytes: Buffer }> {
  authorize(ctx.actor, 'evidence.read');
  const tenantId = ctx.actor.tenantId;
  const row = tenantId ? await findEvidence(ctx.db, tenantId, input.id) : null;
  if (!row) throw new NotFound({ vi: 'tệp minh chứng', en: 'Evidence file' });
  return { filename: row.filename, mediaType: row.media_type, bytes: await store.get(row.storage_key) };
}

export async function evidenceByReport(
  ctx: ServiceContext,
  kind: ProgressKind,
  reportIds: string[],
): Promise<Map<string, EvidenceView[]>> {
  const out = new Map<string, EvidenceView[]>();
  if (ctx.actor.kind === 'public') return out;
  for (const r of await evidenceOfReports(ctx.db, ctx.actor.tenantId, kind, reportIds)) {
    out.set(r.report_id, [...(out.get(r.report_id) ?? []), presentEvidence(r)]);
  }
  return out;
}

export const ACCEPTED_EVIDENCE = EVIDENCE_KINDS.map((k) => k.mediaType);
