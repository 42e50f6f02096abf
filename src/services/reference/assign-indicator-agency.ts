// An admin or plan owner names the agency that owns an indicator (or clears it): that agency's editors may then
// enter its figures. The previous owner is kept in the audit row.
import { NotFound } from '../../core/errors.ts';
import { writeAudit } from '../audit.ts';
import type { ServiceContext } from '../context.ts';
import { authorize } from '../policy.ts';

export interface AssignIndicatorAgencyInput {
  id: string;
  ownerAgencyId: string | null;
}

export async function assignIndicatorAgency({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: AssignIndicatorAgencyInput;
}): Promise<{ id: string; ownerAgencyId: string | null }> {
  authorize(ctx.actor, 'reference.manage');
  const tenantId = ctx.actor.tenantId;
  if (!tenantId) throw new NotFound({ vi: 'chỉ tiêu', en: 'Indicator' });
  return ctx.db.transaction(async (tx) => {
    const before = (
      await tx.query<{ owner_agency_id: string | null }>(
        'SELECT owner_agency_id FROM indicators WHERE tenant_id = $1 AND id = $2 FOR UPDATE',
        [tenantId, input.id],
      )
    )[0];
    if (!before) throw new NotFound({ vi: 'chỉ tiêu', en: 'Indicator' });
    if (
      input.ownerAgencyId &&
      (await tx.query('SELECT 1 FROM agencies WHERE tenant_id = $1 AND id = $2', [tenantId, input.ownerAgencyId]))
        .length === 0
    ) {
      throw new NotFound({ vi: 'cơ quan', en: 'Agency' });
    }
    await tx.query('UPDATE indicators SET owner_agency_id = $3 WHERE tenant_id = $1 AND id = $2', [
      tenantId,
      input.id,
      input.ownerAgencyId,
    ]);
    await writeAudit(tx, ctx, {
      tenantId,
      action: 'assign_agency',
      entity: 'indicator',
      entityId: input.id,
      before: { ownerAgencyId: before.owner_agency_id },
      after: { ownerAgencyId: input.ownerAgencyId },
    });
    return { id: input.id, ownerAgencyId: input.ownerAgencyId };
  });
}
