// What every progress-report service shares: which policy actions guard a kind, the figures it carries, and loading
// a report for a write — another tenant's is "not found", another agency's task or project is forbidden, a missing
// If-Match is 428 and a stale one 412 with the current version.
import {
  ChitieuError,
  Forbidden,
  NotFound,
  StaleVersion,
  ValidationError,
  type FieldIssue,
} from '../../core/errors.ts';
import type { Queryable } from '../../storage/db.ts';
import { findProgress, type ProgressKind, type ProgressRow } from '../../storage/repositories/progress-repo.ts';
import type { Actor } from '../context.ts';
import { PreconditionRequired } from '../observations/access.ts';
import type { Action, Scope } from '../policy.ts';

export type { ProgressKind };

export const ACTIONS: Record<
  ProgressKind,
  { read: Action; enter: Action; submit: Action; review: Action; entity: string }
> = {
  task: {
    read: 'task.read',
    enter: 'task_report.enter',
    submit: 'task_report.submit',
    review: 'task_report.review',
    entity: 'task_report',
  },
  project: {
    read: 'project.read',
    enter: 'project_progress.enter',
    submit: 'project_progress.submit',
    review: 'project_progress.review',
    entity: 'project_progress',
  },
};

/** The figures of a report as the API names them, and the column each is stored in. */
export const FIGURES: Record<
  ProgressKind,
  Record<string, { column: string; kind: 'percent' | 'amount' | 'text' | 'url'; required?: boolean }>
> = {
  task: {
    progressPercent: { column: 'progress_percent', kind: 'percent' },
    narrative: { column: 'narrative', kind: 'text', required: true },
    evidenceUrl: { column: 'evidence_url', kind: 'url' },
  },
  project: {
    physicalPlannedPercent: { column: 'physical_planned_percent', kind: 'percent' },
    physicalActualPercent: { column: 'physical_actual_percent', kind: 'percent' },
    financialPlanned: { column: 'financial_planned', kind: 'amount' },
    financialActual: { column: 'financial_actual', kind: 'amount' },
    disbursed: { column: 'disbursed', kind: 'amount' },
    note: { column: 'note', kind: 'text' },
  },
};

export type ProgressFigures = Record<string, string | null | undefined>;

export const progressNotFound = (kind: ProgressKind): NotFound =>
  new NotFound(
    kind === 'task'
      ? { vi: 'báo cáo tiến độ nhiệm vụ', en: 'Task progress report' }
      : { vi: 'cập nhật tiến độ dự án', en: 'Project progress update' },
  );

export class Superseded extends ChitieuError {
  constructor(by: string) {
    super(
      'superseded',
      'conflict',
      { vi: 'Báo cáo này đã được thay bằng một bản sửa', en: 'This report has been superseded by a revision' },
      { details: { supersededBy: by } },
    );
  }
}

export function checkOwner(actor: Actor, scope: Scope, owned: boolean, kind: ProgressKind): void {
  if (scope === 'agency' && (actor.agencyId === null || !owned)) {
    throw new Forbidden(
      kind === 'task'
        ? { vi: 'Nhiệm vụ này không thuộc cơ quan của bạn', en: 'This task is not owned by your agency' }
        : { vi: 'Dự án này không thuộc cơ quan của bạn', en: 'This project is not owned by your agency' },
    );
  }
}

/** Validates the figures beyond their schema (percent 0–100, amounts not negative) and maps them to columns. */
export function figureColumns(kind: ProgressKind, input: ProgressFigures): Record<string, string | null> {
  const issues: FieldIssue[] = [];
  const out: Record<string, string | null> = {};
  for (const [name, f] of Object.entries(FIGURES[kind])) {
    const raw = input[name];
    const v = typeof raw === 'string' ? raw.normalize('NFC') : null;
    if (f.required && (v === null || v.trim() === ''))
      issues.push({ path: `body/${name}`, reason: { vi: 'bắt buộc', en: 'required' } });
    if (v !== null && f.kind === 'percent' && !(Number(v) >= 0 && Number(v) <= 100))
      issues.push({ path: `body/${name}`, reason: { vi: 'phải từ 0 đến 100', en: 'must be between 0 and 100' } });
    if (v !== null && f.kind === 'amount' && Number(v) < 0)
      issues.push({ path: `body/${name}`, reason: { vi: 'không được âm', en: 'must not be negative' } });
    out[f.column] = v;
  }
  if (issues.length > 0) {
    const first = issues[0] as FieldIssue;
    throw new ValidationError(
      {
        vi: `Dữ liệu không hợp lệ: ${first.path}: ${first.reason.vi}`,
        en: `Invalid request: ${first.path}: ${first.reason.en}`,
      },
      issues,
    );
  }
  return out;
}

export async function loadProgressForWrite(
  tx: Queryable,
  kind: ProgressKind,
  actor: Actor,
  scope: Scope,
  id: string,
  ifMatch: number | null,
): Promise<{ row: ProgressRow; tenantId: string }> {
  if (actor.tenantId === null) throw progressNotFound(kind);
  const row = await findProgress(tx, kind, actor.tenantId, id, actor.agencyId);
  if (!row) throw progressNotFound(kind);
  checkOwner(actor, scope, row.owned, kind);
  if (ifMatch === null) throw new PreconditionRequired();
  if (row.version !== ifMatch) throw new StaleVersion({ id: row.id, version: row.version });
  if (row.superseded_by) throw new Superseded(row.superseded_by);
  return { row, tenantId: actor.tenantId };
}
