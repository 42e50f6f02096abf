// A user replaces their password (required after a one-time password); every other session of theirs ends.
import { Unauthenticated } from '../../core/errors.ts';
import { findUser, revokeUserSessions, setPassword } from '../../storage/repositories/users-repo.ts';
import { writeAudit } from '../audit.ts';
import type { ServiceContext } from '../context.ts';
import { authorize } from '../policy.ts';
import { hashPassword, verifyPassword } from './secrets.ts';

export async function changePassword({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { current: string; next: string };
}): Promise<void> {
  authorize(ctx.actor, 'session.update');
  const actor = ctx.actor;
  if (actor.kind !== 'user') throw new Unauthenticated();
  const user = await findUser(ctx.db, actor.tenantId, actor.userId);
  if (!user || !(await verifyPassword(user.password_hash, input.current)))
    throw new Unauthenticated({ vi: 'Mật khẩu hiện tại không đúng', en: 'The current password is wrong' });
  const hash = await hashPassword(input.next);
  await ctx.db.transaction(async (tx) => {
    await setPassword(tx, actor.userId, hash);
    await revokeUserSessions(tx, actor.userId, ctx.now());
    await writeAudit(tx, ctx, {
      tenantId: actor.tenantId,
      action: 'change_password',
      entity: 'user',
      entityId: actor.userId,
    });
  });
}
