// Ends one session, or every session of the user ("log out everywhere", e.g. after a lost laptop).
import { revokeSession, revokeUserSessions } from '../../storage/repositories/users-repo.ts';
import { writeAudit } from '../audit.ts';
import type { ServiceContext } from '../context.ts';
import { authorize } from '../policy.ts';
import { Unauthenticated } from '../../core/errors.ts';

export async function logOut({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { sessionHash: string; everywhere: boolean };
}): Promise<{ revoked: number }> {
  authorize(ctx.actor, 'session.logout');
  const actor = ctx.actor;
  if (actor.kind !== 'user') throw new Unauthenticated();
  return ctx.db.transaction(async (tx) => {
    let revoked = 1;
    if (input.everywhere) revoked = await revokeUserSessions(tx, actor.userId, ctx.now());
    else await revokeSession(tx, input.sessionHash, ctx.now());
    await writeAudit(tx, ctx, {
      tenantId: actor.tenantId,
      action: input.everywhere ? 'logout_everywhere' : 'logout',
      entity: 'session',
      entityId: input.sessionHash.slice(0, 16),
      after: { revoked },
    });
    return { revoked };
  });
}
