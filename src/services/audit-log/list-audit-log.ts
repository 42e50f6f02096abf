// The audit log of the actor's tenant (admins and inspectors), newest first, filtered by entity and paged.
import { ValidationError } from '../../core/errors.ts';
import type { ServiceContext } from '../context.ts';
import { authorize } from '../policy.ts';
import { decodeCursor, page } from '../reference/paging.ts';

interface AuditRow {
  [k: string]: unknown;
  id: number;
  at: string;
  actor_id: string | null;
  actor_label: string;
  action: string;
  entity: string;
  entity_id: string | null;
  before: unknown;
  after: unknown;
  reason: string | null;
  request_id: string | null;
}

export function presentAuditEntry(r: AuditRow) {
  return { id: String(r.id), at: r.at, actor: { id: r.actor_id, label: r.actor_label }, action: r.action, entity: r.entity, entityId: r.entity_id, before: r.before, after: r.after, reason: r.reason, requestId: r.request_id };
}

export type AuditEntryView = ReturnType<typeof presentAuditEntry>;

export async function listAuditLog({ ctx, input }: { ctx: ServiceContext; input: { entity?: string; entityId?: string; limit?: number; cursor?: string } }): Promise<{ items: AuditEntryView[]; nextCursor: string | null }> {
  authorize(ctx.actor, 'audit.read');
  const limit = input.limit ?? 50;
  const before = decodeCursor(input.cursor)?.[0] ?? null;
  if (before !== null && !/^\d{1,18}$/.test(before)) {
    throw new ValidationError({ vi: 'Con trỏ phân trang không hợp lệ', en: 'Invalid pagination cursor' }, [{ path: 'querystring/cursor', reason: { vi: 'không hợp lệ', en: 'invalid' } }], 'invalid_cursor');
  }
  const rows = await ctx.db.query<AuditRow>(
    `SELECT id, at::text AS at, actor_id, actor_label, action, entity, entity_id, before, after, reason, request_id FROM audit_log
      WHERE ($1::uuid IS NULL OR tenant_id = $1) AND ($2::text IS NULL OR entity = $2) AND ($3::text IS NULL OR entity_id = $3)
        AND ($4::bigint IS NULL OR id < $4::bigint) ORDER BY id DESC LIMIT $5`,
    [ctx.actor.tenantId, input.entity ?? null, input.entityId ?? null, before, limit + 1],
  );
  const result = page(rows, limit, (r) => [String(r.id)]);
  return { items: result.items.map(presentAuditEntry), nextCursor: result.nextCursor };
}
