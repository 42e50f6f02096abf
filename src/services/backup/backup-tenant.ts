// A tenant's backup: every plan with all it holds, the units, agencies and documents, the users (without their password
// hashes), their roles, saved views and notifications, requests for explanations, evidence records and the audit log.
// Not in it: sessions, login throttling and queued jobs (secrets and work in flight), and the evidence files'
// contents, which stay in the evidence store (local folder or object storage) and are copied with it.
import { Forbidden, NotFound } from '../../core/errors.ts';
import {
  checkEveryTableKnown,
  fixTextForms,
  readTable,
  schemaVersion,
  tablesOf,
  type TableRows,
} from '../../storage/repositories/tenant-tables-repo.ts';
import { writeAudit } from '../audit.ts';
import type { ServiceContext } from '../context.ts';
import { authorize } from '../policy.ts';
import { serializeTableDocument, TENANT_BACKUP_FORMAT } from './table-document.ts';

export async function backupTenant({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { tenantCode: string };
}): Promise<{ text: string; rows: Record<string, number> }> {
  // A backup holds every tenant member's account: the operator's act on the machine, or the tenant's administrator's
  // (of their own tenant only).
  if (ctx.actor.kind !== 'system') authorize(ctx.actor, 'tenant.backup');
  if (ctx.actor.kind === 'public') throw new Forbidden();
  return ctx.db.transaction(async (tx) => {
    const [tenant] = await tx.query<{ id: string }>('SELECT id FROM tenants WHERE code = $1', [input.tenantCode]);
    if (tenant === undefined || (ctx.actor.kind === 'user' && tenant.id !== ctx.actor.tenantId))
      throw new NotFound({ vi: `địa phương "${input.tenantCode}"`, en: `Tenant "${input.tenantCode}"` });
    await checkEveryTableKnown(tx);
    await fixTextForms(tx);
    const tables: Record<string, TableRows> = {};
    const rows: Record<string, number> = {};
    for (const name of tablesOf('tenant')) {
      tables[name] = await readTable(tx, name, 'tenant', tenant.id, null);
      rows[name] = tables[name].rows.length;
    }
    const text = serializeTableDocument({
      format: TENANT_BACKUP_FORMAT,
      schema: await schemaVersion(tx),
      tenant: input.tenantCode,
      tables,
    });
    // A person's download is recorded (after the reading: the backup does not hold its own entry).
    if (ctx.actor.kind === 'user')
      await writeAudit(tx, ctx, {
        tenantId: tenant.id,
        action: 'backup',
        entity: 'tenant',
        entityId: tenant.id,
        after: { format: TENANT_BACKUP_FORMAT, rows },
        reason: 'tenant backup',
      });
    return { text, rows };
  });
}
