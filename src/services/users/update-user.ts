// An admin changes an account of their tenant: its name, roles, agency, or whether it is active. Deactivating
// ends every session of the account at once; an admin cannot deactivate or demote themselves (the tenant would be
// left without the admin who did it). Every change is audited with before and after.
import { NotFound, ValidationError } from '../../core/errors.ts';
import { findUser, revokeUserSessions } from '../../storage/repositories/users-repo.ts';
import { writeAudit } from '../audit.ts';
import { hashPassword } from '../auth/secrets.ts';
import { nfc } from '../auth/text.ts';
import type { Role, ServiceContext } from '../context.ts';
import { authorize } from '../policy.ts';
import { presentUser, type UserView } from './list-users.ts';

export interface UpdateUserInput {
  id: string;
  displayName?: string;
  roles?: Role[];
  agencyId?: string | null;
  active?: boolean;
}

const USER = { vi: 'tài khoản', en: 'Account' };

export async function updateUser({ ctx, input }: { ctx: ServiceContext; input: UpdateUserInput }): Promise<UserView> {
  authorize(ctx.actor, 'user.manage');
  const tenantId = ctx.actor.tenantId;
  if (!tenantId) throw new NotFound(USER);
  return ctx.db.transaction(async (tx) => {
    const before = await findUser(tx, tenantId, input.id);
    if (!before) throw new NotFound(USER);
    const self = before.id === ctx.actor.userId;
    if (self && (input.active === false || (input.roles && !input.roles.includes('admin'))))
      throw new ValidationError(
        {
          vi: 'Không thể tự khoá tài khoản của mình hay tự bỏ quyền quản trị',
          en: 'You cannot deactivate your own account or remove your own admin role',
        },
        [{ path: input.active === false ? 'body/active' : 'body/roles', reason: { vi: 'chính bạn', en: 'yourself' } }],
        'self_change_refused',
      );
    const roles = input.roles ? [...new Set(input.roles)].sort() : (before.roles as Role[]);
    const agencyId = input.agencyId !== undefined ? input.agencyId : before.agency_id;
    if (roles.includes('agency_editor') && !agencyId)
      throw new ValidationError(
        { vi: 'Biên tập viên của cơ quan cần có cơ quan', en: 'An agency editor needs an agency' },
        [{ path: 'body/agencyId', reason: { vi: 'bắt buộc', en: 'required' } }],
      );
    if (
      agencyId &&
      (await tx.query('SELECT 1 FROM agencies WHERE tenant_id = $1 AND id = $2', [tenantId, agencyId])).length === 0
    )
      throw new NotFound({ vi: 'cơ quan', en: 'Agency' });
    const displayName = input.displayName !== undefined ? nfc(input.displayName).trim() : before.display_name;
    if (displayName === '')
      throw new ValidationError({ vi: 'Cần họ tên', en: 'A name is required' }, [
        { path: 'body/displayName', reason: { vi: 'bắt buộc', en: 'required' } },
      ]);
    const active = input.active ?? before.active;
    await tx.query('UPDATE users SET display_name = $3, agency_id = $4, active = $5 WHERE tenant_id = $1 AND id = $2', [
      tenantId,
      before.id,
      displayName,
      agencyId,
      active,
    ]);
    if (input.roles) {
      await tx.query('DELETE FROM user_roles WHERE tenant_id = $1 AND user_id = $2', [tenantId, before.id]);
      for (const r of roles)
        await tx.query('INSERT INTO user_roles (tenant_id, user_id, role) VALUES ($1,$2,$3)', [tenantId, before.id, r]);
    }
    // A deactivated account, or one whose roles changed, logs in again: its sessions end now.
    let sessionsEnded = 0;
    if (!active || (input.roles && roles.join() !== [...before.roles].sort().join()))
      sessionsEnded = await revokeUserSessions(tx, before.id, ctx.now());
    await writeAudit(tx, ctx, {
      tenantId,
      action: active === before.active ? 'edit' : active ? 'reactivate' : 'deactivate',
      entity: 'user',
      entityId: before.id,
      before: {
        displayName: before.display_name,
        roles: before.roles,
        agencyId: before.agency_id,
        active: before.active,
      },
      after: { displayName, roles, agencyId, active, sessionsEnded },
    });
    const after = await findUser(tx, tenantId, before.id);
    return presentUser(after as NonNullable<typeof after>);
  });
}

/** An admin sets a one-time password: the account must change it at its next login; its sessions end now. */
export async function resetPassword({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { id: string; password: string };
}): Promise<{ id: string; sessionsEnded: number }> {
  authorize(ctx.actor, 'user.manage');
  const tenantId = ctx.actor.tenantId;
  if (!tenantId) throw new NotFound(USER);
  const hash = await hashPassword(input.password);
  return ctx.db.transaction(async (tx) => {
    const before = await findUser(tx, tenantId, input.id);
    if (!before) throw new NotFound(USER);
    await tx.query(
      'UPDATE users SET password_hash = $3, must_change_password = true WHERE tenant_id = $1 AND id = $2',
      [tenantId, before.id, hash],
    );
    const sessionsEnded = await revokeUserSessions(tx, before.id, ctx.now());
    // Never the password, not even its hash, in the audit row.
    await writeAudit(tx, ctx, {
      tenantId,
      action: 'reset_password',
      entity: 'user',
      entityId: before.id,
      after: { mustChangePassword: true, sessionsEnded },
    });
    return { id: before.id, sessionsEnded };
  });
}
