// First start: make sure someone can log in. The admin comes from ADMIN_EMAIL/ADMIN_PASSWORD, or, when those are
// unset, gets a one-time password printed to the log once and must change it at first login.
import { nfc } from './text.ts';
import type { Config } from '../../config/config.ts';
import type { Db } from '../../storage/db.ts';
import { countUsers, insertUser } from '../../storage/repositories/users-repo.ts';
import { writeAudit } from '../audit.ts';
import { systemActor } from '../context.ts';
import { hashPassword, newToken } from './secrets.ts';

/** Returns the admin's e-mail when one was created, null when users already existed. */
export async function ensureAdmin(db: Db, config: Config, log: { info(msg: string): void }): Promise<string | null> {
  if ((await countUsers(db)) > 0) return null;
  const email = (config.adminEmail ?? 'admin@localhost').trim().toLowerCase();
  const oneTime = config.adminPassword === null;
  const password = config.adminPassword ?? newToken().slice(0, 20);
  const passwordHash = await hashPassword(password);
  const ctx = { db, actor: systemActor('first start'), now: () => new Date() };
  await db.transaction(async (tx) => {
    // The admin belongs to the first tenant (the bundled dataset's); an empty database gets a "default" tenant.
    let tenantId = (await tx.query<{ id: string }>('SELECT id FROM tenants ORDER BY created_at, code LIMIT 1'))[0]?.id;
    if (!tenantId)
      tenantId = (
        await tx.query<{ id: string }>(`INSERT INTO tenants (code, name) VALUES ('default', $1) RETURNING id`, [
          nfc('Mặc định'),
        ])
      )[0]?.id;
    if (!tenantId) throw new Error('no tenant for the first admin');
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
