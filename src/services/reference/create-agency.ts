// An admin or plan owner adds an agency of their tenant (the bundled plans name none), so indicators, tasks and
// projects can be given an owner and agency editors an agency.
import { Conflict, NotFound } from '../../core/errors.ts';
import { writeAudit } from '../audit.ts';
import type { ServiceContext } from '../context.ts';
import { authorize } from '../policy.ts';

export interface CreateAgencyInput {
  code: string;
  name: string;
}

export async function createAgency({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: CreateAgencyInput;
}): Promise<{ id: string }> {
  authorize(ctx.actor, 'reference.manage');
  const tenantId = ctx.actor.tenantId;
  if (!tenantId) throw new NotFound({ vi: 'đơn vị', en: 'Tenant' });
  const name = input.name.normalize('NFC').trim();
  return ctx.db.transaction(async (tx) => {
    const existing = (
      await tx.query<{ id: string }>('SELECT id FROM agencies WHERE tenant_id = $1 AND code = $2', [
        tenantId,
        input.code,
      ])
    )[0];
    if (existing)
      throw new Conflict(
        'agency_exists',
        { vi: `Đã có cơ quan mã "${input.code}"`, en: `An agency with code "${input.code}" exists` },
        { id: existing.id },
      );
    const id = (
      await tx.query<{ id: string }>('INSERT INTO agencies (tenant_id, code, name) VALUES ($1, $2, $3) RETURNING id', [
        tenantId,
        input.code,
        name,
      ])
    )[0]?.id;
    if (!id) throw new Error('agency insert returned no row');
    await writeAudit(tx, ctx, {
      tenantId,
      action: 'create',
      entity: 'agency',
      entityId: id,
      after: { code: input.code, name },
    });
    return { id };
  });
}
