// A plan owner adds an item to a plan already in place: a task, a project, a breakthrough, or an indicator with its
// first target. Each addition names its reason, starts at version 1 and writes the row to the audit log (before:
// none) in the same transaction; a code the plan already uses is refused. A new indicator's target is checked by
// the dataset format's definition and by the engine, as an imported or corrected target is; it cites one of the plan's
// documents with a place (the plan's own document unless another is named), stored as the dataset import stores a
// citation; and the plan's stored evaluation is recomputed with it.
import { Conflict, NotFound, ValidationError, type FieldIssue, type Messages } from '../../core/errors.ts';
import { isIsoDate } from '../../core/format/date.ts';
import { PROJECT_STATUSES } from '../../core/progress-tracking/vocabulary.ts';
import type { TargetSpec } from '../../core/targets/target.ts';
import { isOneOf, MEASURES } from '../../core/vocabulary.ts';
import { checkSpecShape } from '../../imports/dataset-folder.ts';
import {
  findAgencyIdByCode,
  findOutlineItemId,
  insertFirstTarget,
  insertOutlineItem,
  type OutlineKind,
} from '../../storage/repositories/outline-repo.ts';
import type { Queryable } from '../../storage/db.ts';
import { listPlanDocuments, type PlanDocumentRow } from '../../storage/repositories/plan-progress-repo.ts';
import { findPlanByCode } from '../../storage/repositories/plans-repo.ts';
import { writeAudit } from '../audit.ts';
import type { ServiceContext } from '../context.ts';
import { recomputeEvaluations } from '../evaluations/recompute-evaluations.ts';
import { authorize } from '../policy.ts';
import { checkSpec } from './edit-target.ts';

export interface CreateOutlineItemInput {
  kind: OutlineKind;
  planCode: string;
  code: string;
  /** The item's own fields by their API names (title or name, dates, wording); agencies and parents by code. */
  fields: Record<string, string | null | undefined>;
  /** An indicator's first target: its definition (whose kind names the target's kind), wording and citation. */
  target?: NewTarget;
  reason: string;
}

export interface NewTarget {
  spec: TargetSpec;
  text: string;
  /** Where the target is written: a document of the plan (unnamed, the plan's own) and a place in it. */
  citation?: { documentId?: string; page?: number; paragraph?: string; quote?: string };
}

const WORD: Record<OutlineKind, Messages> = {
  indicator: { vi: 'chỉ tiêu', en: 'indicator' },
  task: { vi: 'nhiệm vụ', en: 'task' },
  project: { vi: 'dự án', en: 'project' },
  breakthrough: { vi: 'đột phá', en: 'breakthrough' },
};

const CODE = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
const REQUIRED: Record<OutlineKind, string> = {
  indicator: 'name',
  task: 'title',
  project: 'title',
  breakthrough: 'title',
};
const DATES = new Set(['deadline', 'periodStart', 'periodEnd']);
const MAX_LENGTH: Record<string, number> = { name: 500, title: 1000, unitOfMeasure: 100, group: 80 };

function checkFields(input: CreateOutlineItemInput): Record<string, string | null> {
  const issues: FieldIssue[] = [];
  const out: Record<string, string | null> = {};
  if (!input.reason?.trim()) issues.push({ path: 'reason', reason: { vi: 'bắt buộc', en: 'required' } });
  const code = input.code?.normalize('NFC').trim() ?? '';
  if (!CODE.test(code) || code.length > 80)
    issues.push({
      path: 'code',
      reason: {
        vi: 'bắt buộc: chữ, số, dấu chấm, gạch, tối đa 80 ký tự',
        en: 'required: letters, digits, dots, dashes, at most 80 characters',
      },
    });
  for (const [field, raw] of Object.entries(input.fields)) {
    if (raw === undefined) continue;
    const v = raw === null ? null : String(raw).normalize('NFC').trim();
    if (v !== null && v.length > (MAX_LENGTH[field] ?? 10_000)) {
      issues.push({ path: field, reason: { vi: 'quá dài', en: 'too long' } });
      continue;
    }
    if (v && DATES.has(field) && !isIsoDate(v)) {
      issues.push({
        path: field,
        reason: { vi: 'ngày không hợp lệ (YYYY-MM-DD)', en: 'not a valid date (YYYY-MM-DD)' },
      });
      continue;
    }
    if (v && field === 'status' && !isOneOf(PROJECT_STATUSES, v)) {
      issues.push({
        path: field,
        reason: { vi: `một trong ${PROJECT_STATUSES.join(', ')}`, en: `one of ${PROJECT_STATUSES.join(', ')}` },
      });
      continue;
    }
    if (v && field === 'measure' && !isOneOf(MEASURES, v)) {
      issues.push({
        path: field,
        reason: { vi: `một trong ${MEASURES.join(', ')}`, en: `one of ${MEASURES.join(', ')}` },
      });
      continue;
    }
    if (v) out[field] = v;
  }
  const required = REQUIRED[input.kind];
  if (!out[required]) issues.push({ path: required, reason: { vi: 'bắt buộc', en: 'required' } });
  if (out.periodStart && out.periodEnd && out.periodEnd < out.periodStart)
    issues.push({
      path: 'periodEnd',
      reason: { vi: 'kết thúc trước ngày bắt đầu', en: 'ends before it starts' },
    });
  if (input.kind === 'indicator') {
    if (!input.target) issues.push({ path: 'target', reason: { vi: 'bắt buộc', en: 'required' } });
    else {
      if (!input.target.text?.trim()) issues.push({ path: 'target/text', reason: { vi: 'bắt buộc', en: 'required' } });
      const c = input.target.citation;
      if (c?.page === undefined && !c?.paragraph?.trim() && !c?.quote?.trim())
        issues.push({
          path: 'target/citation',
          reason: {
            vi: 'cần nơi ghi mục tiêu trong văn bản: trang, đoạn hoặc trích dẫn',
            en: 'the place of the target in its document is required: a page, a paragraph or a quote',
          },
        });
    }
  }
  if (issues.length > 0)
    throw new ValidationError(
      { vi: `Không thêm được ${WORD[input.kind].vi}`, en: `The ${WORD[input.kind].en} cannot be added` },
      issues,
    );
  return out;
}

/** The target's definition, checked as the dataset import checks it (format, then engine); issues under target/. */
function checkTarget(spec: TargetSpec): { firstYear: number; lastYear: number } {
  try {
    checkSpecShape(spec);
    return checkSpec(spec);
  } catch (err) {
    if (err instanceof ValidationError)
      throw new ValidationError(
        err.messages,
        err.issues.map((i) => ({ ...i, path: `target/${i.path}` })),
        err.code,
      );
    throw err;
  }
}

/** The document a new target cites: the one named if the plan has it, else the plan's own; null when neither. */
async function citedDocument(
  tx: Queryable,
  tenantId: string,
  planId: string,
  documentId: string | undefined,
): Promise<PlanDocumentRow | null> {
  const docs = await listPlanDocuments(tx, tenantId, planId);
  return docs.find((d) => (documentId === undefined ? d.role === 'plan' : d.id === documentId)) ?? null;
}

/** { document, documentId, source, page/paragraph/quote }: the shape the dataset import gives a target's citation. */
function citationOf(d: PlanDocumentRow, place: NonNullable<NewTarget['citation']>): Record<string, unknown> {
  const text = (v: string | undefined) => v?.normalize('NFC').trim() || undefined;
  const paragraph = text(place.paragraph);
  const quote = text(place.quote);
  return {
    ...(d.code === null ? {} : { document: d.code }),
    documentId: d.id,
    ...(d.file !== null ? { source: d.file } : d.url !== null ? { source: d.url } : {}),
    ...(place.page === undefined ? {} : { page: place.page }),
    ...(paragraph === undefined ? {} : { paragraph }),
    ...(quote === undefined ? {} : { quote }),
  };
}

export async function createOutlineItem({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: CreateOutlineItemInput;
}): Promise<{ id: string; code: string; version: number; targetId: string | null }> {
  authorize(ctx.actor, 'reference.manage');
  const fields = checkFields(input);
  const term = input.kind === 'indicator' && input.target ? checkTarget(input.target.spec) : null;
  const code = input.code.normalize('NFC').trim();
  const tenantId = ctx.actor.tenantId;
  const planWord = { vi: `kế hoạch "${input.planCode}"`, en: `Plan "${input.planCode}"` };
  if (!tenantId) throw new NotFound(planWord);
  return ctx.db.transaction(async (tx) => {
    const plan = await findPlanByCode(tx, tenantId, input.planCode);
    if (!plan) throw new NotFound(planWord);
    if (await findOutlineItemId(tx, tenantId, input.kind, plan.id, code))
      throw new Conflict(
        'already_exists',
        {
          vi: `Kế hoạch đã có ${WORD[input.kind].vi} mã "${code}" (trường code)`,
          en: `The plan already has a ${WORD[input.kind].en} with code "${code}" (field code)`,
        },
        { field: 'code' },
      );
    const row: Record<string, string | null> = { ...fields };
    const missing: FieldIssue[] = [];
    if (fields.ownerAgency !== undefined) {
      row.ownerAgencyId = await findAgencyIdByCode(tx, tenantId, fields.ownerAgency ?? '');
      if (!row.ownerAgencyId)
        missing.push({ path: 'ownerAgency', reason: { vi: 'không có cơ quan mã này', en: 'no agency has this code' } });
    }
    if (fields.parent !== undefined) {
      row.parentId = await findOutlineItemId(tx, tenantId, input.kind, plan.id, fields.parent ?? '');
      if (!row.parentId)
        missing.push({
          path: 'parent',
          reason: {
            vi: `kế hoạch không có ${WORD[input.kind].vi} mã này`,
            en: `the plan has no ${WORD[input.kind].en} with this code`,
          },
        });
    }
    const cited = input.target ? await citedDocument(tx, tenantId, plan.id, input.target.citation?.documentId) : null;
    if (input.target && !cited)
      missing.push({
        path: 'target/citation/documentId',
        reason: input.target.citation?.documentId
          ? { vi: 'không phải văn bản của kế hoạch này', en: 'not a document of this plan' }
          : {
              vi: 'kế hoạch chưa có văn bản gốc: cần chọn văn bản',
              en: 'the plan has no document of its own: choose one',
            },
      });
    if (missing.length > 0)
      throw new ValidationError(
        { vi: `Không thêm được ${WORD[input.kind].vi}`, en: `The ${WORD[input.kind].en} cannot be added` },
        missing,
      );
    if (input.kind === 'indicator' && input.target) row.direction = input.target.spec.direction ?? 'higher_better';
    const created = await insertOutlineItem(tx, tenantId, input.kind, plan.id, code, row);
    const reason = input.reason.normalize('NFC').trim();
    await writeAudit(tx, ctx, {
      tenantId,
      action: 'create',
      entity: input.kind,
      entityId: created.id,
      before: null,
      after: created.row,
      reason,
    });
    let targetId: string | null = null;
    if (input.kind === 'indicator' && input.target && term && cited) {
      const target = await insertFirstTarget(tx, {
        tenantId,
        planId: plan.id,
        indicatorId: created.id,
        spec: input.target.spec,
        text: input.target.text.normalize('NFC').trim(),
        ...term,
        documentId: cited.id,
        citation: citationOf(cited, input.target.citation ?? {}),
      });
      targetId = target.id;
      await writeAudit(tx, ctx, {
        tenantId,
        action: 'create',
        entity: 'target',
        entityId: target.id,
        before: null,
        after: target,
        reason,
      });
      await recomputeEvaluations(tx, ctx, { plan, indicatorIds: [created.id], causeVersionId: null });
    }
    return { id: created.id, code, version: Number(created.row.version ?? 1), targetId };
  });
}
