// The reader's own notifications (newest first) and how many are unread; marking them read is audited.
import { ValidationError } from '../../core/errors.ts';
import { listNotifications as listRows, markRead } from '../../storage/repositories/notifications-repo.ts';
import { writeAudit } from '../audit.ts';
import type { ServiceContext } from '../context.ts';
import { authorize } from '../policy.ts';

export async function listNotifications({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { unread?: boolean; limit?: number };
}) {
  authorize(ctx.actor, 'notification.read');
  const { tenantId, userId } = ctx.actor;
  if (!tenantId || !userId) return { items: [], unread: 0 };
  const { rows, unread } = await listRows(ctx.db, tenantId, userId, input.unread ?? false, input.limit ?? 30);
  return {
    unread,
    items: rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      subject: r.subject,
      link: r.link,
      createdAt: r.created_at,
      readAt: r.read_at,
    })),
  };
}

export async function markNotificationsRead({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { ids?: string[]; all?: boolean };
}): Promise<{ marked: number }> {
  authorize(ctx.actor, 'notification.read');
  const { tenantId, userId } = ctx.actor;
  if (!input.all && (!input.ids || input.ids.length === 0))
    throw new ValidationError({ vi: 'Cần chọn thông báo', en: 'Choose the notifications' }, [
      { path: 'body/ids', reason: { vi: 'bắt buộc (hoặc all: true)', en: 'required (or all: true)' } },
    ]);
  if (!tenantId || !userId) return { marked: 0 };
  return ctx.db.transaction(async (tx) => {
    const ids = await markRead(tx, tenantId, userId, input.all ? null : (input.ids ?? []), ctx.now());
    await writeAudit(tx, ctx, {
      tenantId,
      action: 'mark_read',
      entity: 'notification',
      entityId: null,
      after: { ids },
    });
    return { marked: ids.length };
  });
}
