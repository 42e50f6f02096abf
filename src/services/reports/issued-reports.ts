// Issued reports are frozen. Issuing renders the file once and stores its bytes with a snapshot of the verdicts it
// printed; a later download returns those stored bytes (never a re-render), so a figure revised afterwards cannot
// change a document already handed out. The listing compares each snapshot with the plan's evaluation now.
import { createHash } from 'node:crypto';
import { NotFound, ValidationError } from '../../core/errors.ts';
import { MEDIA_TYPES, renderResultsTable, reportFileNames, type ReportFormat } from '../../reports/render-results.ts';
import { writeStatusDocx } from '../../reports/status-docx.ts';
import { writeStatusPdf } from '../../reports/status-pdf.ts';
import { findPlanByCode } from '../../storage/repositories/plans-repo.ts';
import {
  findIssuedReport,
  insertIssuedReport,
  listIssuedReports as listRows,
} from '../../storage/repositories/issued-reports-repo.ts';
import { writeAudit } from '../audit.ts';
import type { ServiceContext } from '../context.ts';
import { evaluatePlan, type EvaluatePlanInput, type PlanEvaluationView } from '../evaluations/evaluate-plan.ts';
import { authorize, tenantFilter } from '../policy.ts';
import { buildResultsTable } from './build-results-table.ts';
import { buildStatusReport } from './build-status-report.ts';

export type IssuedKind = 'results' | 'status';

export interface IssueReportInput extends EvaluatePlanInput {
  kind: IssuedKind;
  format: ReportFormat;
  note?: string | null;
}

/** One evaluated row as the issued report printed it. */
export interface SnapshotRow {
  key: string;
  code: string;
  name: string;
  status: string | null;
  verdict: string | null;
  actual: string | null;
}

export interface VerdictChange {
  code: string;
  name: string;
  before: { status: string | null; verdict: string | null; actual: string | null };
  after: { status: string | null; verdict: string | null; actual: string | null };
}

export interface IssuedReportView {
  id: string;
  planCode: string;
  kind: IssuedKind;
  format: ReportFormat;
  title: string;
  fileName: string;
  asOf: string;
  dataBasis: 'approved' | 'all';
  publishedOn: string | null;
  sha256: string;
  size: number;
  issuedBy: string;
  issuedAt: string;
  note: string | null;
  /** Rows whose verdict (or printed figure) differs between the issued snapshot and the plan's evaluation now. */
  changedSince: VerdictChange[];
}

export function snapshotOf(view: PlanEvaluationView): SnapshotRow[] {
  return view.rows.map((r) => ({
    key: r.targetId,
    code: r.indicator.code,
    name: r.indicator.name,
    status: r.status,
    verdict: r.displayStatus?.vi ?? null,
    actual: r.composite ? null : r.actual.text,
  }));
}

/** Pure: the rows whose verdict or printed figure moved between two snapshots (a row gone or new counts too). */
export function changesBetween(before: readonly SnapshotRow[], now: readonly SnapshotRow[]): VerdictChange[] {
  const after = new Map(now.map((r) => [r.key, r]));
  const seen = new Set<string>();
  const none = { status: null, verdict: null, actual: null };
  const out: VerdictChange[] = [];
  for (const b of before) {
    seen.add(b.key);
    const a = after.get(b.key);
    if (a && a.status === b.status && a.verdict === b.verdict && a.actual === b.actual) continue;
    out.push({
      code: b.code,
      name: b.name,
      before: { status: b.status, verdict: b.verdict, actual: b.actual },
      after: a ? { status: a.status, verdict: a.verdict, actual: a.actual } : none,
    });
  }
  for (const a of now)
    if (!seen.has(a.key))
      out.push({
        code: a.code,
        name: a.name,
        before: none,
        after: { status: a.status, verdict: a.verdict, actual: a.actual },
      });
  return out;
}

async function render(
  ctx: ServiceContext,
  input: IssueReportInput,
): Promise<{ bytes: Buffer; title: string; fileName: string }> {
  const evalInput: EvaluatePlanInput = {
    planCode: input.planCode,
    ...(input.asOf ? { asOf: input.asOf } : {}),
    ...(input.publishedOn ? { publishedOn: input.publishedOn } : {}),
    ...(input.dataBasis ? { dataBasis: input.dataBasis } : {}),
  };
  if (input.kind === 'status') {
    if (input.format === 'xlsx')
      throw new ValidationError(
        {
          vi: 'Báo cáo tình hình chỉ có dạng docx hoặc pdf',
          en: 'The status report is issued as docx or pdf only',
        },
        [{ path: 'format', reason: { vi: 'không hỗ trợ', en: 'not supported' } }],
      );
    const status = await buildStatusReport({ ctx, input: evalInput });
    const bytes = input.format === 'pdf' ? await writeStatusPdf(status, ctx.now()) : await writeStatusDocx(status);
    return {
      bytes,
      title: `${status.title} - ${status.planName}`,
      fileName: `Báo cáo tình hình - ${status.planCode} - ${status.asOf}.${input.format}`,
    };
  }
  const model = await buildResultsTable({ ctx, input: evalInput });
  const bytes = await renderResultsTable(model, input.format, ctx.now());
  return {
    bytes,
    title: `${model.appendix} - ${model.planName}`,
    fileName: reportFileNames(model, input.format).unicode,
  };
}

function present(row: Awaited<ReturnType<typeof listRows>>[number], changedSince: VerdictChange[]): IssuedReportView {
  return {
    id: row.id,
    planCode: row.plan_code,
    kind: row.kind,
    format: row.format,
    title: row.title,
    fileName: row.file_name,
    asOf: row.as_of,
    dataBasis: row.data_basis,
    publishedOn: row.published_on,
    sha256: row.sha256,
    size: row.size,
    issuedBy: row.issued_by_label,
    issuedAt: new Date(row.issued_at).toISOString(),
    note: row.note,
    changedSince,
  };
}

/** Renders the report, stores file and snapshot in one transaction with its audit record. */
export async function issueReport({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: IssueReportInput;
}): Promise<{ id: string; sha256: string; fileName: string; size: number }> {
  authorize(ctx.actor, 'report.issue');
  const tenantId = ctx.actor.tenantId;
  const plan = await findPlanByCode(ctx.db, tenantFilter(ctx.actor), input.planCode);
  if (!plan) throw new NotFound({ vi: 'kế hoạch', en: 'Plan' });
  const dataBasis = input.dataBasis ?? 'approved';
  const view = await evaluatePlan({ ctx, input: { ...input, dataBasis } });
  const file = await render(ctx, { ...input, dataBasis });
  const sha256 = createHash('sha256').update(file.bytes).digest('hex');
  const note = input.note?.normalize('NFC').trim() || null;
  const id = await ctx.db.transaction(async (tx) => {
    const issued = await insertIssuedReport(tx, {
      tenantId: tenantId ?? plan.tenant_id,
      planId: plan.id,
      kind: input.kind,
      format: input.format,
      asOf: view.asOf,
      dataBasis,
      publishedOn: view.publishedOn,
      title: file.title,
      fileName: file.fileName.normalize('NFC'),
      mediaType: MEDIA_TYPES[input.format],
      bytes: file.bytes,
      sha256,
      snapshot: snapshotOf(view),
      issuedBy: ctx.actor.userId,
      issuedByLabel: ctx.actor.label,
      note,
    });
    await writeAudit(tx, ctx, {
      tenantId: tenantId ?? plan.tenant_id,
      action: 'issue',
      entity: 'issued_report',
      entityId: issued,
      after: { plan: plan.code, kind: input.kind, format: input.format, asOf: view.asOf, dataBasis, sha256 },
      reason: note,
    });
    return issued;
  });
  return { id, sha256, fileName: file.fileName, size: file.bytes.length };
}

/** The plan's issued reports, newest first, each with what changed since it was issued (the evaluation now). */
export async function listIssuedReports({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { planCode: string };
}): Promise<IssuedReportView[]> {
  authorize(ctx.actor, 'report.read_issued');
  const plan = await findPlanByCode(ctx.db, tenantFilter(ctx.actor), input.planCode);
  if (!plan) throw new NotFound({ vi: 'kế hoạch', en: 'Plan' });
  const rows = await listRows(ctx.db, plan.tenant_id, plan.id);
  const nowByBasis = new Map<string, SnapshotRow[]>();
  const out: IssuedReportView[] = [];
  for (const row of rows) {
    let now = nowByBasis.get(row.data_basis);
    if (!now) {
      now = snapshotOf(await evaluatePlan({ ctx, input: { planCode: plan.code, dataBasis: row.data_basis } }));
      nowByBasis.set(row.data_basis, now);
    }
    out.push(present(row, changesBetween(row.snapshot as SnapshotRow[], now)));
  }
  return out;
}

/** The stored file of an issued report, exactly as issued. */
export async function downloadIssuedReport({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { id: string };
}): Promise<{ bytes: Buffer; fileName: string; mediaType: string; sha256: string }> {
  authorize(ctx.actor, 'report.read_issued');
  const row = await findIssuedReport(ctx.db, tenantFilter(ctx.actor), input.id);
  if (!row) throw new NotFound({ vi: 'báo cáo đã ban hành', en: 'Issued report' });
  return { bytes: row.bytes, fileName: row.file_name, mediaType: row.media_type, sha256: row.sha256 };
}
