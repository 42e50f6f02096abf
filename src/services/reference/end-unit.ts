// An admin records that a unit stopped existing on a date (a commune merged or dissolved), or that it exists again
// (null). Shares of units meeting a standard are counted over the units valid at each year's end, so every plan of
// the tenant is recomputed in the same transaction.
import { NotFound, ValidationError } from '../../core/errors.ts';
import { isIsoDate } from '../../core/format/date.ts';
import { setUnitValidTo } from '../../storage/repositories/targets-repo.ts';
import { writeAudit } from '../audit.ts';
import type { ServiceContext } from '../context.ts';
import { recomputeTenantPlans } from '../evaluations/recompute-evaluations.ts';
import { authorize } from '../policy.ts';

export interface EndUnitInput {
  unitCode: string;
  /** The last day the unit existed, YYYY-MM-DD; null when it exists again. */
  validTo: string | null;
  reason: string;
}

export async function endUnit({ ctx, input }: { ctx: ServiceContext; input: EndUnitInput }): Promise<void> {
  authorize(ctx.actor, 'reference.manage');
  const validTo = input.validTo;
  if (validTo !== null && !isIsoDate(validTo))
    throw new ValidationError({ vi: 'Ngày không hợp lệ', en: 'Invalid date' }, [
      { path: 'validTo', reason: { vi: 'phải là ngày có thật dạng YYYY-MM-DD', en: 'must be a real date YYYY-MM-DD' } },
    ]);
  if (!input.reason?.trim())
    throw new ValidationError({ vi: 'Cần nêu lý do', en: 'A reason is required' }, [
      { path: 'reason', reason: { vi: 'bắt buộc', en: 'required' } },
    ]);
  const tenantId = ctx.actor.tenantId;
  if (!tenantId) throw new NotFound({ vi: `đơn vị mã ${input.unitCode}`, en: `Unit ${input.unitCode}` });
  await ctx.db.transaction(async (tx) => {
    const before = await setUnitValidTo(tx, tenantId, input.unitCode, validTo);
    if (!before) throw new NotFound({ vi: `đơn vị mã ${input.unitCode}`, en: `Unit ${input.unitCode}` });
    await writeAudit(tx, ctx, {
      tenantId,
      action: 'edit',
      entity: 'unit',
      entityId: before.id,
      before: { validTo: before.valid_to },
      after: { validTo },
      reason: input.reason.normalize('NFC'),
    });
    await recomputeTenantPlans(tx, ctx, tenantId);
  });
}
