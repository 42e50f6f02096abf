// Turns a session cookie into the Actor every service receives (or null for an unknown, expired or revoked one).
import { ROLES, type Actor, type Role, type ServiceContext } from '../context.ts';
import { findLiveSession, findUser } from '../../storage/repositories/users-repo.ts';
import { sha256 } from './secrets.ts';

export interface ResolvedSession {
  actor: Actor & { kind: 'user' };
  sessionHash: string;
  csrfToken: string;
  mustChangePassword: boolean;
}

export async function resolveSession({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { token: string };
}): Promise<ResolvedSession | null> {
  const sessionHash = sha256(input.token);
  const session = await findLiveSession(ctx.db, sessionHash, ctx.now());
  if (!session) return null;
  const user = await findUser(ctx.db, null, session.user_id);
  if (!user) return null;
  const roles = user.roles.filter((r): r is Role => (ROLES as readonly string[]).includes(r));
  return {
    actor: {
      kind: 'user',
      userId: user.id,
      label: user.email,
      tenantId: user.tenant_id,
      roles,
      agencyId: user.agency_id,
      unitId: user.unit_id,
    },
    sessionHash,
    csrfToken: session.csrf_token,
    mustChangePassword: user.must_change_password,
  };
}
