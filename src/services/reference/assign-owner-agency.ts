// An admin or plan owner names the agency that owns a task or a project (or clears it): that agency's editors may
// then report its progress, and requests for explanation go to it. The previous owner is kept in the audit row.
import { NotFound } from '../../core/errors.ts';
import { writeAudit } from '../audit.ts';
import type { ServiceContext } from '../context.ts';
import { authorize } from '../policy.ts';

const TABLES = {
  task: { table: 'tasks', word: { vi: 'nhiệm vụ', en: 'Task' } },
  project: { table: 'projects', word: { vi: 'dự án', en: 'Project' } },
} as const;

export async function assignOwnerAgency({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { kind: 'task' | 'project'; id: string; ownerAgencyId: string | null };
}): Promise<{ id: string; ownerAgencyId: string | null }> {
  authorize(ctx.actor, 'reference.manage');
  const t = TABLES[input.kind];
  const tenantId = ctx.actor.tenantId;
  if (!tenantId) throw new NotFound(t.word);
  return ctx.db.transaction(async (tx) => {
    const before = (
      await tx.query<{ owner_agency_id: string | null }>(
        `SELECT owner_agency_id FROM ${t.table} WHERE tenant_id = $1 AND id = $2 FOR UPDATE`,
        [tenantId, input.id],
      )
    )[0];
    if (!before) throw new NotFound(t.word);
    if (
      input.ownerAgencyId &&
      (await tx.query('SELECT 1 FROM agencies WHERE tenant_id = $1 AND id = $2', [tenantId, input.ownerAgencyId]))
        .length === 0
    )
      throw new NotFound({ vi: 'cơ quan', en: 'Agency' });
    await tx.query(`UPDATE ${t.table} SET owner_agency_id = $3 WHERE tenant_id = $1 AND id = $2`, [
      tenantId,
      input.id,
      input.ownerAgencyId,
    ]);
    await writeAudit(tx, ctx, {
      tenantId,
      action: 'assign_agency',
      entity: input.kind,
      entityId: input.id,
      before: { ownerAgencyId: before.owner_agency_id },
      after: { ownerAgencyId: input.ownerAgencyId },
    });
    return { id: input.id, ownerAgencyId: input.ownerAgencyId };
  });
}
