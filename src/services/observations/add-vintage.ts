// Records a new vintage of a published figure (a later estimate, the preliminary or the official figure from the
// statistics office) or a correction of a stored one. Nothing is overwritten: the figure becomes a new version,
// the evaluations resting on it are recomputed, and every verdict that moved is returned and stored.
import { NotFound, ValidationError } from '../../core/errors.ts';
import type { ObservationStatus } from '../../core/targets/target.ts';
import { findPlanByCode } from '../../storage/repositories/plans-repo.ts';
import { writeAudit } from '../audit.ts';
import type { ServiceContext } from '../context.ts';
import { recomputeEvaluations, type EvaluationChange } from '../evaluations/recompute-evaluations.ts';
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
  kind?: 'vintage' | 'correction';
  reason?: string;
  unitCode?: string;
  /** Accepts a figure the checks flag as implausible; needs a reason. */
  confirmImplausible?: boolean;
}

export interface AddVintageResult {
  observationId: string;
  versionId: string;
  seq: number;
  changes: EvaluationChange[];
}

const STATUSES: readonly ObservationStatus[] = ['estimate', 'preliminary', 'official'];

function validate(input: AddVintageInput): void {
  const issues = [];
  if (!STATUSES.includes(input.status))
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
  if (!/^\d{4}-\d{2}-\d{2}$/.test(input.publishedOn) || Number.isNaN(Date.parse(`${input.publishedOn}T00:00:00Z`)))
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
    const ind = (
      await tx.query<{ id: string; measure: string; price_basis: string; unit_id: string | null }>(
        `SELECT i.id, i.measure, i.price_basis, p.unit_id FROM indicators i JOIN plans p ON p.id = i.plan_id
          WHERE i.tenant_id = $1 AND i.plan_id = $2 AND i.code = $3`,
        [plan.tenant_id, plan.id, input.indicatorCode],
      )
    )[0];
    if (!ind)
      throw new NotFound({
        vi: `chỉ tiêu "${input.indicatorCode}" trong ${input.planCode}`,
        en: `Indicator "${input.indicatorCode}" in ${input.planCode}`,
      });
    let unitId = ind.unit_id;
    if (input.unitCode) {
      unitId =
        (
          await tx.query<{ id: string }>(
            'SELECT id FROM units WHERE tenant_id = $1 AND code = $2 ORDER BY valid_from DESC NULLS LAST LIMIT 1',
            [plan.tenant_id, input.unitCode],
          )
        )[0]?.id ?? null;
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
    const obs = (
      await tx.query<{ id: string; version: number }>(
        `INSERT INTO observations (tenant_id, indicator_id, unit_id, period) VALUES ($1,$2,$3,$4)
         ON CONFLICT (tenant_id, indicator_id, unit_id, period) DO UPDATE SET version = observations.version + 1, updated_at = now()
         RETURNING id, version`,
        [plan.tenant_id, ind.id, unitId, input.period],
      )
    )[0] as { id: string; version: number };
    const before = await tx.query<{ seq: number; value: string | null; status: string }>(
      'SELECT seq, value, status FROM observation_versions WHERE observation_id = $1 ORDER BY seq DESC LIMIT 1',
      [obs.id],
    );
    const seq = (before[0]?.seq ?? 0) + 1;
    // A published figure entered by the plan owner is the publisher's figure: it is approved as it is recorded.
    const version = (
      await tx.query<{ id: string }>(
        `INSERT INTO observation_versions (tenant_id, observation_id, seq, value, value_text, status, vintage_label, change_kind, measure,
           price_basis, source_text, published_on, data_type, workflow_state, reason, entered_by, approved_by, approved_at,
           value_qualifier, provenance)
         VALUES ($1,$2,$3,$4,$14,$5,$6,$7,$8,$9,$10,$11,'statistical','approved',$12,$13,$13,now(),$15,$16) RETURNING id`,
        [
          plan.tenant_id,
          obs.id,
          seq,
          checked.value,
          input.status,
          input.label ?? null,
          input.kind ?? 'vintage',
          ind.measure,
          ind.price_basis,
          input.source.normalize('NFC'),
          input.publishedOn,
          input.reason?.normalize('NFC') ?? null,
          ctx.actor.userId,
          checked.valueText,
          checked.qualifier ? JSON.stringify(checked.qualifier) : null,
          checked.plausibility ? JSON.stringify({ plausibility: checked.plausibility }) : null,
        ],
      )
    )[0] as { id: string };
    await writeAudit(tx, ctx, {
      tenantId: plan.tenant_id,
      action: input.kind === 'correction' ? 'correct' : 'add_vintage',
      entity: 'observation',
      entityId: obs.id,
      before: before[0] ?? null,
      after: {
        seq,
        value: checked.value,
        valueText: checked.valueText,
        status: input.status,
        label: input.label ?? null,
        source: input.source,
        publishedOn: input.publishedOn,
        plausibility: checked.plausibility,
      },
      reason: input.reason ?? null,
    });
    const changes = await recomputeEvaluations(tx, ctx, { plan, indicatorIds: [ind.id], causeVersionId: version.id });
    return { observationId: obs.id, versionId: version.id, seq, changes };
  });
}
