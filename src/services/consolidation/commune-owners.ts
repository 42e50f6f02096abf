// Who is in charge of each commune (its active commune editors), by commune code. These are people's names: the
// tenant's own members and the system (the CLI on the server) see them; the public portal and other tenants do not.
import { communeEditorsOf } from '../../storage/repositories/users-repo.ts';
import type { ServiceContext } from '../context.ts';

export async function communeOwners(
  ctx: ServiceContext,
  tenantId: string,
  codes: string[],
): Promise<Map<string, string[]>> {
  const allowed = ctx.actor.kind === 'system' || (ctx.actor.kind !== 'public' && ctx.actor.tenantId === tenantId);
  if (!allowed || codes.length === 0) return new Map();
  return communeEditorsOf(ctx.db, tenantId, codes);
}
