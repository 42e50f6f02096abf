import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../helpers/databases.ts';
import { call, login, openApi, PASSWORD, seedTenant, type Api } from './api-helpers.ts';

describe.each(testDatabases)('a one-time password on $name', (tdb) => {
  let api: Api;
  beforeAll(async () => {
    api = await openApi(tdb);
  });
  afterAll(async () => {
    await api.close();
  });

  it('allows only reading the session, changing the password and logging out until it is changed', async () => {
    const t = await seedTenant(api.db);
    const admin = t.users.admin;
    await api.db.query('UPDATE users SET must_change_password = true WHERE id = $1', [admin.id]);
    const session = await login(api.app, admin.email);

    const blocked = await call(api.app, session, { method: 'GET', url: '/api/users' });
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json()).toMatchObject({ code: 'password_change_required' });
    expect((await call(api.app, session, { method: 'GET', url: '/api/auth/session' })).statusCode).toBe(200);

    const changed = await call(api.app, session, {
      method: 'POST',
      url: '/api/auth/password',
      payload: { current: PASSWORD, next: 'a-new-password-2026' },
    });
    expect(changed.statusCode, changed.body).toBe(204);
    const fresh = await login(api.app, admin.email, 'a-new-password-2026');
    expect((await call(api.app, fresh, { method: 'GET', url: '/api/users' })).statusCode).toBe(200);
  });
});
