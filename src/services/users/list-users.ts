// Lists the accounts of the admin's tenant (never a password hash).
import { listUsers as listRows, type UserRow } from '../../storage/repositories/users-repo.ts';
import type { ServiceContext } from '../context.ts';
import { authorize } from '../policy.ts';
import { decodeCursor, page } from '../reference/paging.ts';

export function presentUser(u: UserRow) {
  return {
    id: u.id,
    tenant: u.tenant_code,
    email: u.email,
    displayName: u.display_name,
    roles: u.roles,
    agencyId: u.agency_id,
    /** A commune editor's commune (the figures it enters and submits are that commune's only). */
    commune: u.unit_code === null ? null : { code: u.unit_code, name: u.unit_name ?? u.unit_code },
    active: u.active,
    mustChangePassword: u.must_change_password,
  };
}

export type UserView = ReturnType<typeof presentUser>;

export async function listUsers({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { limit?: number; cursor?: string };
}): Promise<{ items: UserView[]; nextCursor: string | null }> {
  authorize(ctx.actor, 'user.read');
  const limit = input.limit ?? 50;
  const rows = await listRows(ctx.db, ctx.actor.tenantId, decodeCursor(input.cursor)?.[0] ?? null, limit + 1);
  const result = page(rows, limit, (r) => [r.email]);
  return { items: result.items.map(presentUser), nextCursor: result.nextCursor };
}
