// First start: make sure someone can log in. The admin comes from ADMIN_EMAIL/ADMIN_PASSWORD, or, when those are
// unset, gets a one-time password printed to the log once and must change it at first login.
import type { Config } from '../../config/config.ts';
import type { Db } from '../../storage/db.ts';
import { countUsers, insertUser, listTenantsOwningPlans } from '../../storage/repositories/users-repo.ts';
import { writeAudit } from '../audit.ts';
import { systemActor } from '../context.ts';
import { hashPassword, newToken } from './secrets.ts';

/**
 * Returns the admin's e-mail when one was created, null when users already existed or no tenant owns a plan yet.
 * The admin belongs to the tenant that owns the plans (the bundled dataset's), never to an empty placeholder
 * tenant: on an empty database the first admin is created when the first dataset is imported (runtime.ts).
 */
export async function ensureAdmin(db: Db, config: Config, log: { info(msg: string): void }): Promise<string | null> {
  if ((await countUsers(db)) > 0) return null;
  const tenant = (await listTenantsOwningPlans(db))[0];
  if (!tenant) {
    log.info('no plan yet: the first admin account is created when a dataset is imported (chitieu import-dataset)');
    return null;
  }
  const email = (config.adminEmail ?? 'admin@localhost').trim().toLowerCase();
  const oneTime = config.adminPassword === null;
  const password = config.adminPassword ?? newToken().slice(0, 20);
  const passwordHash = await hashPassword(password);
  const ctx = { db, actor: systemActor('first start'), now: () => new Date() };
  const tenantId = tenant.id;
  await db.transaction(async (tx) => {
    const id = await insertUser(tx, {
      tenantId,
      email,
      displayName: 'Admin',
      passwordHash,
      agencyId: null,
      mustChangePassword: oneTime,
      roles: ['admin'],
    });
    await writeAudit(tx, ctx, {
      tenantId,
      action: 'create',
      entity: 'user',
      entityId: id,
      after: { email, roles: ['admin'], mustChangePassword: oneTime },
      reason: 'first start',
    });
  });
  if (oneTime)
    log.info(`admin account created: ${email} with one-time password ${password} (change it at first login)`);
  else log.info(`admin account created: ${email}`);
  return email;
}
