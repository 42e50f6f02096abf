// Records a new vintage of a published figure (a later estimate, the preliminary or the official figure from the
// statistics office) or a correction of a stored one. Nothing is overwritten: the figure becomes a new version,
// the evaluations resting on it are recomputed, and every verdict that moved is returned and stored. Four eyes:
// only an official publication recorded with its document counts at once; other vintages await a second person.
import { NotFound, ValidationError } from '../../core/errors.ts';
import { isIsoDate } from '../../core/format/date.ts';
import { isOneOf, OBSERVATION_STATUSES, type ObservationStatus, type VintageKind } from '../../core/vocabulary.ts';
import { insertVersion } from '../../storage/repositories/observations-repo.ts';
import { findPlanByCode } from '../../storage/repositories/plans-repo.ts';
import {
  findPlanIndicator,
  findUnitIdByCode,
  newestVersionHead,
  upsertObservationSlot,
} from '../../storage/repositories/vintages-repo.ts';
import { writeAudit } from '../audit.ts';
import type { ServiceContext } from '../context.ts';
import { recomputePlansResting, type EvaluationChange } from '../evaluations/recompute-evaluations.ts';
import { authorize } from '../policy.ts';
import { checkFigureFor } from './check-figure.ts';

export interface AddVintageInput {
  planCode: string;
  indicatorCode: string;
  period: string;
  /** The figure as written: "11.8", "11,8", a range "8,3–8,5", a bound "< 3,5", a count of a total "102/275". */
  value: string;
  status: ObservationStatus;
  /** e.g. "ước tính lần 2", "sơ bộ", "chính thức" */
  label?: string;
  /** The document that published the figure, e.g. "Niên giám thống kê 2025, Cục Thống kê thành phố". */
  source: string;
  /** Publication date YYYY-MM-DD of that document. */
  publishedOn: string;
  kind?: VintageKind;
  reason?: string;
  unitCode?: string;
  /** Accepts a figure the checks flag as implausible; needs a reason. */
  confirmImplausible?: boolean;
}

export interface AddVintageResult {
  observationId: string;
  versionId: string;
  seq: number;
  /** 'approved' when it counts at once (an official publication), 'submitted' when it awaits a second person. */
  workflowState: 'approved' | 'submitted';
  changes: EvaluationChange[];
}

function validate(input: AddVintageInput): void {
  const issues = [];
  if (!isOneOf(OBSERVATION_STATUSES, input.status))
    issues.push({
      path: 'status',
      reason: { vi: 'phải là estimate, preliminary hoặc official', en: 'must be estimate, preliminary or official' },
    });
  if (!input.source || input.source.trim().length === 0 || input.source.length > 500)
    issues.push({
      path: 'source',
      reason: {
        vi: 'cần nêu văn bản công bố số liệu (tối đa 500 ký tự)',
        en: 'name the publishing document (at most 500 characters)',
      },
    });
  if (!isIsoDate(input.publishedOn))
    issues.push({
      path: 'publishedOn',
      reason: { vi: 'ngày công bố phải có dạng YYYY-MM-DD', en: 'publication date must be YYYY-MM-DD' },
    });
  if (input.kind === 'correction' && !input.reason?.trim())
    issues.push({ path: 'reason', reason: { vi: 'đính chính cần nêu lý do', en: 'a correction needs a reason' } });
  if (issues.length > 0) {
    throw new ValidationError(
      {
        vi: `Số liệu không hợp lệ: ${issues.map((i) => `${i.path}: ${i.reason.vi}`).join('; ')}`,
        en: `Invalid figure: ${issues.map((i) => `${i.path}: ${i.reason.en}`).join('; ')}`,
      },
      issues,
    );
  }
}

export async function addVintage({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: AddVintageInput;
}): Promise<AddVintageResult> {
  // The system actor (CLI, import) holds the admin role, so the policy lets it through too.
  authorize(ctx.actor, 'vintage.add');
  validate(input);
  const plan = await findPlanByCode(ctx.db, ctx.actor.kind === 'user' ? ctx.actor.tenantId : null, input.planCode);
  if (!plan) throw new NotFound({ vi: `nghị quyết "${input.planCode}"`, en: `Plan "${input.planCode}"` });
  return ctx.db.transaction(async (tx) => {
    const ind = await findPlanIndicator(tx, plan.tenant_id, plan.id, input.indicatorCode);
    if (!ind)
      throw new NotFound({
        vi: `chỉ tiêu "${input.indicatorCode}" trong ${input.planCode}`,
        en: `Indicator "${input.indicatorCode}" in ${input.planCode}`,
      });
    let unitId = ind.unit_id;
    if (input.unitCode) {
      unitId = await findUnitIdByCode(tx, plan.tenant_id, input.unitCode);
      if (!unitId) throw new NotFound({ vi: `đơn vị mã ${input.unitCode}`, en: `Unit ${input.unitCode}` });
    }
    if (!unitId)
      throw new ValidationError({
        vi: 'Nghị quyết chưa gắn đơn vị hành chính',
        en: 'The plan has no administrative unit',
      });
    // The same checks as every other door a figure comes through (services/observations/check-figure.ts).
    const checked = await checkFigureFor(
      tx,
      { tenantId: plan.tenant_id, indicatorId: ind.id, unitId, now: ctx.now() },
      {
        value: input.value,
        period: input.period,
        publishedOn: input.publishedOn,
        confirmImplausible: input.confirmImplausible,
        reason: input.reason,
      },
    );
    const obs = await upsertObservationSlot(tx, {
      tenantId: plan.tenant_id,
      indicatorId: ind.id,
      unitId,
      period: input.period,
    });
    const before = await newestVersionHead(tx, plan.tenant_id, obs.id);
    const seq = (before?.seq ?? 0) + 1;
    // Four eyes: an official figure recorded with the document that published it is the publisher's figure and
    // counts as recorded; an estimate or a preliminary figure is one person's reading and waits for another to
    // approve it (POST /observations/{id}/approve), only then moving any verdict.
    const workflowState = input.status === 'official' ? 'approved' : 'submitted';
    const versionId = await insertVersion(tx, {
      tenantId: plan.tenant_id,
      observationId: obs.id,
      seq,
      value: checked.value,
      valueText: checked.valueText,
      valueQualifier: checked.qualifier ?? null,
      provenance: checked.plausibility ? { plausibility: checked.plausibility } : null,
      status: input.status,
      reason: input.reason?.normalize('NFC') ?? null,
      sourceText: input.source.normalize('NFC'),
      evidenceUrl: null,
      enteredBy: ctx.actor.userId,
      measure: ind.measure,
      priceBasis: ind.price_basis,
      changeKind: input.kind ?? 'vintage',
      vintageLabel: input.label ?? null,
      publishedOn: input.publishedOn,
      dataType: 'statistical',
      workflowState,
      approvedBy: ctx.actor.userId,
    });
    await writeAudit(tx, ctx, {
      tenantId: plan.tenant_id,
      action: input.kind === 'correction' ? 'correct' : 'add_vintage',
      entity: 'observation',
      entityId: obs.id,
      before,
      after: {
        seq,
        value: checked.value,
        valueText: checked.valueText,
        status: input.status,
        label: input.label ?? null,
        source: input.source,
        publishedOn: input.publishedOn,
        workflowState,
        plausibility: checked.plausibility,
      },
      reason: input.reason ?? null,
    });
    // The indicator's own plan, then the plans that rest on it elsewhere (a merged unit's consolidated baseline).
    const changes =
      workflowState === 'approved'
        ? await recomputePlansResting(tx, ctx, {
            tenantId: plan.tenant_id,
            indicatorIds: [ind.id],
            causeVersionId: versionId,
            first: plan,
          })
        : [];
    return { observationId: obs.id, versionId, seq, workflowState, changes };
  });
}
