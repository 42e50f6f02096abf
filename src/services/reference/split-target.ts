// A plan owner splits a city target into per-commune targets (each commune's share), with a reason: the split is
// checked against the indicator's declared aggregation method (core/consolidation/split-target.ts), each commune's
// target is written in force, naming the city target it was split from (`split_from`), a previous split's commune
// targets are kept as history, superseded, and the plan's evaluation is recomputed, all in one transaction with the
// audit row. A commune's target reads that commune's figures and is shown, labelled, outside the plan's counts
// (core/plan-evaluation/counted.ts): the city target is still the one that counts.
import {
  checkSplit,
  parseAggregationMethod,
  type AggregationMethod,
  type SplitRule,
} from '../../core/consolidation/index.ts';
import { NotFound, ValidationError } from '../../core/errors.ts';
import type { TargetSpec } from '../../core/targets/target.ts';
import { unitsValidOn, type UnitRecord } from '../../core/units/index.ts';
import {
  communesOfUnit,
  findTargetToSplit,
  insertSplitTarget,
  splitTargetsOf,
  supersedeSplitTarget,
} from '../../storage/repositories/target-splits-repo.ts';
import { writeAudit } from '../audit.ts';
import type { ServiceContext } from '../context.ts';
import { recomputeEvaluations, type EvaluationChange } from '../evaluations/recompute-evaluations.ts';
import { authorize } from '../policy.ts';

export interface SplitTargetInput {
  planCode: string;
  targetId: string;
  /** One share per commune of the city at the end of the target's term: the commune's code and its value. */
  shares: Array<{ unit: string; value: string }>;
  reason: string;
}

export interface SplitTargetResult {
  targetId: string;
  rule: SplitRule;
  total: string | null;
  targets: Array<{ id: string; unit: string; name: string; value: string; text: string; replaced: string | null }>;
  changes: EvaluationChange[];
}

const refused = (path: string, vi: string, en: string): ValidationError =>
  new ValidationError(
    { vi: 'Không chia được chỉ tiêu theo xã', en: 'The target cannot be split by commune' },
    [{ path, reason: { vi, en } }],
    'invalid_split',
  );

export async function splitTarget({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: SplitTargetInput;
}): Promise<SplitTargetResult> {
  authorize(ctx.actor, 'reference.manage');
  if (!input.reason?.trim())
    throw new ValidationError({ vi: 'Thiếu lý do', en: 'reason is required' }, [
      { path: '/reason', reason: { vi: 'bắt buộc', en: 'required' } },
    ]);
  const tenantId = ctx.actor.tenantId;
  const notFound = new NotFound({ vi: `mục tiêu ${input.targetId}`, en: `Target ${input.targetId}` });
  if (!tenantId || !/^[0-9a-f-]{36}$/i.test(input.targetId)) throw notFound;
  return ctx.db.transaction(async (tx) => {
    const t = await findTargetToSplit(tx, tenantId, input.planCode, input.targetId);
    if (!t) throw notFound;
    if (t.stage !== 'in_force')
      throw refused(
        '/target',
        'chỉ chia được mục tiêu đang có hiệu lực (không phải dự thảo hay mục tiêu đã được thay thế)',
        'only a target in force can be split (not a draft or a superseded target)',
      );
    const cityId = t.plan_unit_id;
    if (t.split_from !== null || cityId === null || (t.unit_id !== null && t.unit_id !== cityId))
      throw refused(
        '/target',
        'chỉ chia được mục tiêu của chính đơn vị của kế hoạch (cấp tỉnh), không chia mục tiêu của một xã',
        'only a target of the plan’s own unit (the province level) can be split, not a commune’s',
      );
    const method: AggregationMethod | null =
      t.aggregation_method === null ? null : parseAggregationMethod(t.aggregation_method);
    // The communes as they will stand at the end of the target's term (its lineage known today).
    const units = await communesOfUnit(tx, tenantId, cityId);
    const valid = unitsValidOn(
      units.map((u) => ({
        ...u,
        level: u.level as UnitRecord['level'],
        validFrom: u.valid_from ?? '1900-01-01',
        validTo: u.valid_to,
      })),
      `${t.last_year}-12-31`,
    );
    if (valid.length === 0)
      throw refused(
        '/shares',
        `đơn vị của kế hoạch chưa có danh sách xã, phường, đặc khu còn hiệu lực vào cuối năm ${t.last_year}: nhập danh sách trước`,
        `the plan's unit has no commune list valid at the end of ${t.last_year}: import the communes first`,
      );
    const split = checkSplit({
      target: t.spec as TargetSpec,
      text: t.text,
      unitOfMeasure: t.unit_of_measure,
      method,
      communes: valid.map((u) => ({ code: u.code, name: u.name })),
      shares: input.shares.map((s) => ({ unit: s.unit.trim(), value: s.value.trim() })),
    });
    const idOf = new Map(valid.map((u) => [u.code, u.id]));
    const before = await splitTargetsOf(tx, tenantId, t.id);
    const previous = new Map(before.map((b) => [b.unit_code, b]));
    const today = ctx.now().toISOString().slice(0, 10);
    const targets: SplitTargetResult['targets'] = [];
    for (const c of split.targets) {
      const id = await insertSplitTarget(tx, {
        tenantId,
        cityTargetId: t.id,
        unitId: idOf.get(c.code) as string,
        spec: c.spec,
        text: c.text,
      });
      const old = previous.get(c.code);
      if (old) await supersedeSplitTarget(tx, { tenantId, oldId: old.id, newId: id, on: today });
      targets.push({ id, unit: c.code, name: c.name, value: c.value, text: c.text, replaced: old?.id ?? null });
    }
    await writeAudit(tx, ctx, {
      tenantId,
      action: 'split',
      entity: 'target',
      entityId: t.id,
      before:
        before.length === 0 ? null : { shares: before.map((b) => ({ id: b.id, unit: b.unit_code, spec: b.spec })) },
      after: {
        rule: split.rule,
        total: split.total,
        shares: targets.map((x) => ({ id: x.id, unit: x.unit, value: x.value })),
      },
      reason: input.reason.normalize('NFC'),
    });
    const changes = await recomputeEvaluations(tx, ctx, {
      plan: { id: t.plan_id, tenant_id: t.tenant_id, settings: t.settings, tenant_settings: t.tenant_settings },
      indicatorIds: [t.indicator_id],
      causeVersionId: null,
    });
    return { targetId: t.id, rule: split.rule, total: split.total, targets, changes };
  });
}
