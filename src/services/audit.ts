// The audit record of a change, written in the same transaction as the change: if it fails, the change rolls back.
import type { Queryable } from '../storage/db.ts';
import type { ServiceContext } from './context.ts';

export interface AuditEntry {
  tenantId: string;
  action: string;
  entity: string;
  entityId: string | null;
  before?: unknown;
  after?: unknown;
  reason?: string | null;
}

export async function writeAudit(tx: Queryable, ctx: ServiceContext, e: AuditEntry): Promise<void> {
  await tx.query(
    `INSERT INTO audit_log (tenant_id, actor_id, actor_label, action, entity, entity_id, before, after, reason, request_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
    [
      e.tenantId,
      ctx.actor.userId,
      ctx.actor.label,
      e.action,
      e.entity,
      e.entityId,
      e.before === undefined ? null : JSON.stringify(e.before),
      e.after === undefined ? null : JSON.stringify(e.after),
      e.reason ?? null,
      ctx.requestId ?? null,
    ],
  );
}
