// A plan owner edits an item of the plan's outline: an indicator's name or definition, a task's title, body, deadline
// or responsibility, a project's title, description, stage or period, a breakthrough's title or body, the plan's own
// name or description. Each edit
// names its reason, may name the version it was made on (a second editor's stale edit is refused), increments the
// version and writes the fields before and after to the audit log in the same transaction. An indicator's name is
// part of the stored evaluation, so an indicator edit re-stores it.
import { NotFound, StaleVersion, ValidationError, type FieldIssue, type Messages } from '../../core/errors.ts';
import { isIsoDate } from '../../core/format/date.ts';
import { PROJECT_STATUSES } from '../../core/progress-tracking/vocabulary.ts';
import { isOneOf } from '../../core/vocabulary.ts';
import {
  findOutlineItem,
  OUTLINE_COLUMNS,
  updateOutlineItem,
  type EditableKind,
} from '../../storage/repositories/outline-repo.ts';
import { findPlanByCode } from '../../storage/repositories/plans-repo.ts';
import { writeAudit } from '../audit.ts';
import type { ServiceContext } from '../context.ts';
import { recomputeEvaluations } from '../evaluations/recompute-evaluations.ts';
import { authorize } from '../policy.ts';

export interface EditOutlineItemInput {
  kind: EditableKind;
  planCode: string;
  code: string;
  /** The fields to change, by name; null clears an optional one. */
  changes: Record<string, string | null>;
  reason: string;
  /** The version the edit was made on (If-Match); absent, the edit applies to whatever is stored. */
  ifMatch?: number | null;
}

const WORD: Record<EditableKind, Messages> = {
  indicator: { vi: 'chỉ tiêu', en: 'Indicator' },
  task: { vi: 'nhiệm vụ', en: 'Task' },
  project: { vi: 'dự án', en: 'Project' },
  breakthrough: { vi: 'đột phá', en: 'Breakthrough' },
  plan: { vi: 'nghị quyết', en: 'Plan' },
};

/** Fields that must keep a value, and fields holding a date. */
const REQUIRED = new Set(['name', 'title', 'status']);
const DATES = new Set(['deadline', 'periodStart', 'periodEnd']);
const MAX_LENGTH: Record<string, number> = { name: 500, title: 1000 };

function checkChanges(kind: EditableKind, changes: Record<string, unknown>): Record<string, string | null> {
  const known = OUTLINE_COLUMNS[kind].columns as Record<string, string>;
  const issues: FieldIssue[] = [];
  const out: Record<string, string | null> = {};
  const entries = Object.entries(changes ?? {});
  if (entries.length === 0)
    issues.push({ path: 'changes', reason: { vi: 'không có trường nào để sửa', en: 'no field to change' } });
  for (const [field, raw] of entries) {
    const path = field;
    if (known[field] === undefined) {
      issues.push({
        path,
        reason: {
          vi: `không sửa được trường này; được sửa: ${Object.keys(known).join(', ')}`,
          en: `this field cannot be edited; editable: ${Object.keys(known).join(', ')}`,
        },
      });
      continue;
    }
    if (raw !== null && typeof raw !== 'string') {
      issues.push({ path, reason: { vi: 'phải là chuỗi hoặc null', en: 'must be text or null' } });
      continue;
    }
    const v = raw === null ? null : raw.normalize('NFC').trim();
    if ((v === null || v === '') && REQUIRED.has(field)) {
      issues.push({ path, reason: { vi: 'bắt buộc', en: 'required' } });
      continue;
    }
    if (v !== null && v.length > (MAX_LENGTH[field] ?? 10_000)) {
      issues.push({ path, reason: { vi: 'quá dài', en: 'too long' } });
      continue;
    }
    if (v && DATES.has(field) && !isIsoDate(v)) {
      issues.push({ path, reason: { vi: 'ngày không hợp lệ (YYYY-MM-DD)', en: 'not a valid date (YYYY-MM-DD)' } });
      continue;
    }
    if (field === 'status' && !isOneOf(PROJECT_STATUSES, v)) {
      issues.push({
        path,
        reason: { vi: `một trong ${PROJECT_STATUSES.join(', ')}`, en: `one of ${PROJECT_STATUSES.join(', ')}` },
      });
      continue;
    }
    out[field] = v === '' ? null : v;
  }
  if (issues.length > 0)
    throw new ValidationError({ vi: 'Không sửa được mục này', en: 'The item cannot be edited' }, issues);
  return out;
}

export async function editOutlineItem({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: EditOutlineItemInput;
}): Promise<{ id: string; version: number; changed: string[] }> {
  authorize(ctx.actor, 'reference.manage');
  if (!input.reason?.trim())
    throw new ValidationError({ vi: 'Cần nêu lý do sửa', en: 'An edit needs a reason' }, [
      { path: 'reason', reason: { vi: 'bắt buộc', en: 'required' } },
    ]);
  const changes = checkChanges(input.kind, input.changes);
  const tenantId = ctx.actor.tenantId;
  const what = { vi: `${WORD[input.kind].vi} "${input.code}"`, en: `${WORD[input.kind].en} "${input.code}"` };
  if (!tenantId) throw new NotFound(what);
  return ctx.db.transaction(async (tx) => {
    const item = await findOutlineItem(tx, tenantId, input.kind, input.planCode, input.code);
    if (!item) throw new NotFound(what);
    if (input.ifMatch != null && input.ifMatch !== item.version)
      throw new StaleVersion({ version: item.version, ...item.fields });
    const changed = Object.keys(changes).filter((f) => changes[f] !== item.fields[f]);
    if (changed.length === 0) return { id: item.id, version: item.version, changed };
    const after = Object.fromEntries(changed.map((f) => [f, changes[f] ?? null]));
    const version = await updateOutlineItem(tx, tenantId, input.kind, item.id, after);
    await writeAudit(tx, ctx, {
      tenantId,
      action: 'edit',
      entity: input.kind,
      entityId: item.id,
      before: { version: item.version, ...Object.fromEntries(changed.map((f) => [f, item.fields[f] ?? null])) },
      after: { version, ...after },
      reason: input.reason.normalize('NFC').trim(),
    });
    if (input.kind === 'indicator') {
      const plan = await findPlanByCode(tx, tenantId, input.planCode);
      if (plan) await recomputeEvaluations(tx, ctx, { plan, indicatorIds: [item.id], causeVersionId: null });
    }
    return { id: item.id, version, changed };
  });
}
