import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../helpers/databases.ts';
import { call, login, openApi, seedTenant, type Api, type Tenant } from './api-helpers.ts';

describe.each(testDatabases)('sessions, headers and races on $name', (database) => {
  let api: Api;
  let t: Tenant;
  beforeAll(async () => {
    api = await openApi(database, { secureCookies: true });
    t = await seedTenant(api.db);
  }, 120_000);
  afterAll(async () => api?.close());

  it('two editors race on one observation: exactly one wins, the other gets 412, nothing is lost', async () => {
    const editor = await login(api.app, t.users.agency_editor.email);
    const owner = await login(api.app, t.users.plan_owner.email);
    const r = await call(api.app, editor, {
      method: 'POST',
      url: '/api/observations',
      payload: { indicatorId: t.indicators.own, unitId: t.unitId, period: '2025', value: '1', status: 'estimate' },
    });
    const { id } = r.json() as { id: string };
    const revise = (s: typeof editor, value: string) =>
      call(api.app, s, {
        method: 'POST',
        url: `/api/observations/${id}/versions`,
        headers: { 'if-match': '"1"' },
        payload: { value, status: 'official', reason: 'race' },
      });
    const results = await Promise.all([revise(editor, '2'), revise(owner, '3')]);
    expect(results.map((x) => x.statusCode).sort()).toEqual([200, 412]);
    const versions = await api.db.query<{ seq: number }>(
      'SELECT seq FROM observation_versions WHERE observation_id = $1 ORDER BY seq',
      [id],
    );
    expect(versions.map((v) => v.seq)).toEqual([1, 2]);
  });

  it('answers with CSP (frame-ancestors none), nosniff, and a HttpOnly SameSite=Lax Secure session cookie', async () => {
    const res = await api.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: t.users.reader.email, password: 'correct horse battery staple' },
    });
    expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    const c = res.cookies.find((x) => x.name === 'chitieu_session');
    expect(c).toMatchObject({ httpOnly: true, sameSite: 'Lax', secure: true });
    const stored = await api.db.query<{ id: string }>('SELECT id FROM sessions WHERE id = $1', [c?.value ?? '']);
    expect(stored).toEqual([]);
  });

  it('a write with a session cookie but no CSRF token is refused', async () => {
    const s = await login(api.app, t.users.admin.email);
    const res = await api.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie: s.cookie } });
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ code: 'csrf_failed' });
  });

  it('logout ends the session and logout everywhere ends them all', async () => {
    const a = await login(api.app, t.users.inspector.email);
    const b = await login(api.app, t.users.inspector.email);
    expect((await call(api.app, a, { method: 'POST', url: '/api/auth/logout' })).statusCode).toBe(200);
    expect((await call(api.app, a, { method: 'GET', url: '/api/auth/session' })).statusCode).toBe(401);
    expect((await call(api.app, b, { method: 'GET', url: '/api/auth/session' })).statusCode).toBe(200);
    const c = await login(api.app, t.users.inspector.email);
    expect((await call(api.app, c, { method: 'POST', url: '/api/auth/logout-everywhere' })).statusCode).toBe(200);
    expect((await call(api.app, b, { method: 'GET', url: '/api/auth/session' })).statusCode).toBe(401);
  });

  it('login is throttled for an address on an account after repeated failures, even with the right password', async () => {
    for (let i = 0; i < 5; i++) {
      const res = await api.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { email: t.users.approver.email, password: 'wrong password!' },
        remoteAddress: '10.9.9.9',
      });
      expect(res.statusCode).toBe(401);
    }
    const res = await api.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: t.users.approver.email, password: 'correct horse battery staple' },
      remoteAddress: '10.9.9.9',
    });
    expect(res.statusCode).toBe(429);
    expect(res.json()).toMatchObject({ code: 'login_throttled' });
  });
});
