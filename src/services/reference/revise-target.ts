// A later document revises a target (an HĐND resolution adjusting the congress's figure, a mid-term review): the
// target in force is kept as history, superseded, naming the document and the day; the new one takes its place and
// the plan's evaluation is recomputed in the same transaction, so the summary counts only the target in force.
import { NotFound, ValidationError } from '../../core/errors.ts';
import { isIsoDate } from '../../core/format/date.ts';
import type { TargetSpec } from '../../core/targets/target.ts';
import { DOCUMENT_KINDS, isOneOf, type DocumentKind } from '../../core/vocabulary.ts';
import {
  findPlanDocument,
  findTargetForEdit,
  insertPlanDocument,
  supersedeTarget,
  targetHistory,
  type TargetHistoryRow,
} from '../../storage/repositories/targets-repo.ts';
import { writeAudit } from '../audit.ts';
import type { ServiceContext } from '../context.ts';
import { recomputeEvaluations, type EvaluationChange } from '../evaluations/recompute-evaluations.ts';
import { authorize, tenantFilter } from '../policy.ts';
import { checkSpec } from './edit-target.ts';

export interface RevisingDocument {
  /** The plan's code for the document; an existing one is reused, else the fields below create it. */
  code: string;
  kind?: DocumentKind;
  title?: string;
  number?: string | null;
  date?: string | null;
  issuer?: string | null;
  url?: string | null;
}

export interface ReviseTargetInput {
  planCode: string;
  indicatorCode: string;
  /** Which of the indicator's targets in force (an indicator may carry several); unnamed, the first. */
  targetId?: string;
  spec: TargetSpec;
  text: string;
  reason: string;
  document: RevisingDocument;
  /** The day the revision takes over (ISO). */
  effectiveOn: string;
  /** Where in the document the new target is written. */
  citation?: { page?: number; paragraph?: string; quote?: string };
}

const required = (path: string): ValidationError =>
  new ValidationError({ vi: `Thiếu ${path}`, en: `${path} is required` }, [
    { path, reason: { vi: 'bắt buộc', en: 'required' } },
  ]);

export async function reviseTarget({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: ReviseTargetInput;
}): Promise<{ targetId: string; supersededId: string; changes: EvaluationChange[] }> {
  authorize(ctx.actor, 'reference.manage');
  if (!input.reason?.trim()) throw required('reason');
  if (!input.text?.trim()) throw required('text');
  if (!isIsoDate(input.effectiveOn)) throw required('effectiveOn');
  const term = checkSpec(input.spec);
  const tenantId = ctx.actor.tenantId;
  if (!tenantId) throw new NotFound({ vi: 'mục tiêu', en: 'Target' });
  return ctx.db.transaction(async (tx) => {
    const t = await findTargetForEdit(tx, tenantId, input.planCode, input.indicatorCode, input.targetId);
    if (!t)
      throw new NotFound({
        vi: `mục tiêu của chỉ tiêu "${input.indicatorCode}"`,
        en: `Target of indicator "${input.indicatorCode}"`,
      });
    const doc = input.document;
    let documentId = (await findPlanDocument(tx, tenantId, t.plan_id, doc.code))?.id;
    if (documentId === undefined) {
      if (!doc.title?.trim()) throw required('document.title');
      if (!isOneOf(DOCUMENT_KINDS, doc.kind)) throw required('document.kind');
      documentId = await insertPlanDocument(tx, {
        tenantId,
        planId: t.plan_id,
        code: doc.code,
        kind: doc.kind,
        title: doc.title.normalize('NFC'),
        number: doc.number ?? null,
        date: doc.date ?? null,
        issuer: doc.issuer?.normalize('NFC') ?? null,
        url: doc.url ?? null,
      });
      await writeAudit(tx, ctx, {
        tenantId,
        action: 'create',
        entity: 'document',
        entityId: documentId,
        after: doc,
        reason: input.reason.normalize('NFC'),
      });
    }
    const text = input.text.normalize('NFC');
    const citation = {
      document: doc.code,
      documentId,
      ...(input.citation?.page === undefined ? {} : { page: input.citation.page }),
      ...(input.citation?.paragraph === undefined ? {} : { paragraph: input.citation.paragraph.normalize('NFC') }),
      ...(input.citation?.quote === undefined ? {} : { quote: input.citation.quote.normalize('NFC') }),
    };
    const newId = await supersedeTarget(tx, {
      tenantId,
      oldId: t.id,
      documentId,
      effectiveOn: input.effectiveOn,
      spec: input.spec,
      kind: input.spec.kind,
      text,
      ...term,
      citation,
    });
    await writeAudit(tx, ctx, {
      tenantId,
      action: 'revise',
      entity: 'target',
      entityId: newId,
      before: { id: t.id, spec: t.spec, text: t.text },
      after: { id: newId, spec: input.spec, text, document: doc.code, effectiveOn: input.effectiveOn },
      reason: input.reason.normalize('NFC'),
    });
    const changes = await recomputeEvaluations(tx, ctx, {
      plan: { id: t.plan_id, tenant_id: t.tenant_id, settings: t.settings, tenant_settings: t.tenant_settings },
      indicatorIds: [t.indicator_id],
      causeVersionId: null,
    });
    return { targetId: newId, supersededId: t.id, changes };
  });
}

export interface TargetHistoryItem {
  id: string;
  stage: string;
  kind: string;
  spec: unknown;
  text: string;
  citation: Record<string, unknown> | null;
  derived: Record<string, string> | null;
  document: Record<string, unknown> | null;
  supersededOn: string | null;
  supersededBy: string | null;
  revisedBy: Record<string, unknown> | null;
}

const present = (r: TargetHistoryRow): TargetHistoryItem => ({
  id: r.id,
  stage: r.stage,
  kind: r.kind,
  spec: r.spec,
  text: r.text,
  citation: r.citation,
  derived: r.derived,
  document: r.document,
  supersededOn: r.superseded_on,
  supersededBy: r.superseded_by,
  revisedBy: r.revised_by,
});

/** Every target the indicator has had, with its document and, when superseded, the document that revised it. */
export async function listTargetHistory({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { planCode: string; indicatorCode: string };
}): Promise<{ items: TargetHistoryItem[] }> {
  authorize(ctx.actor, 'reference.read');
  // The portal reads across tenants (tenantFilter null), as every other reference list does.
  const rows = await targetHistory(ctx.db, tenantFilter(ctx.actor), input.planCode, input.indicatorCode);
  if (rows.length === 0)
    throw new NotFound({ vi: `chỉ tiêu "${input.indicatorCode}"`, en: `Indicator "${input.indicatorCode}"` });
  return { items: rows.map(present) };
}
