// Abuse resistance over real HTTP: the login throttle under concurrent guessing, the client address behind (and not
// behind) a trusted proxy, and no hint across tenants of which e-mails exist.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.ts';
import { ensureAdmin } from '../../src/services/auth/ensure-admin.ts';
import { createTenant, openMigrated, testDatabases } from '../helpers/databases.ts';
import { openApi, PASSWORD, seedTenant, type Api, type Tenant } from './api-helpers.ts';

async function listen(api: Api): Promise<string> {
  return api.app.listen({ port: 0, host: '127.0.0.1' });
}

function logIn(
  base: string,
  body: { email: string; password: string; tenant?: string },
  forwardedFor?: string,
): Promise<Response> {
  return fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(forwardedFor ? { 'x-forwarded-for': forwardedFor } : {}) },
    body: JSON.stringify(body),
  });
}

function tally(statuses: number[]): Record<number, number> {
  const out: Record<number, number> = {};
  for (const s of statuses) out[s] = (out[s] ?? 0) + 1;
  return out;
}

describe.each(testDatabases)('abuse resistance on $name', (database) => {
  describe('behind a trusted proxy (TRUSTED_PROXIES=127.0.0.1)', () => {
    let api: Api;
    let base: string;
    let t: Tenant;
    beforeAll(async () => {
      api = await openApi(database, { trustedProxies: ['127.0.0.1'] });
      base = await listen(api);
      t = await seedTenant(api.db, 'abuse');
    });
    afterAll(async () => api.close());

    it('200 concurrent wrong passwords on one account: at most the limit are checked, and the owner still logs in from their own address', async () => {
      const owner = t.users.approver.email;
      expect((await logIn(base, { email: owner, password: PASSWORD }, '10.1.1.1')).status).toBe(200);

      const started = Date.now();
      // One attacker, 200 guesses at once: only 5 are checked against the hash (401), the rest refused unchecked.
      const burst = await Promise.all(
        Array.from({ length: 200 }, (_, i) => logIn(base, { email: owner, password: `wrong ${i}` }, '10.6.6.6')),
      );
      const counts = tally(burst.map((r) => r.status));
      expect(counts).toEqual({ 401: 5, 429: 195 });
      const refused = burst.find((r) => r.status === 429);
      expect(await refused?.json()).toMatchObject({ code: 'login_throttled' });

      // Many attackers (one guess each from 100 addresses): past its 5 failures the account admits one attempt
      // after each growing delay (1, 2, 4 … s), so T seconds after the first burst began at most 1 + log2(T + 1) more are checked.
      const spread = await Promise.all(
        Array.from({ length: 100 }, (_, i) =>
          logIn(base, { email: owner, password: `wrong ${i}` }, `10.7.${Math.floor(i / 50)}.${i % 50}`),
        ),
      );
      const elapsed = (Date.now() - started) / 1000;
      const spreadCounts = tally(spread.map((r) => r.status));
      expect(spreadCounts[401] ?? 0).toBeLessThanOrEqual(1 + Math.floor(Math.log2(elapsed + 2)));
      expect((spreadCounts[401] ?? 0) + (spreadCounts[429] ?? 0)).toBe(100);
      expect(spreadCounts[429]).toBeGreaterThan(90);

      // The attacker's right guess is refused unchecked too: a throttled client learns nothing.
      expect((await logIn(base, { email: owner, password: PASSWORD }, '10.6.6.6')).status).toBe(429);
      // The owner, from the address they use, is not locked out by anyone else's failures.
      expect((await logIn(base, { email: owner, password: PASSWORD }, '10.1.1.1')).status).toBe(200);
    });

    it('the address in the audit record is the one the trusted proxy forwarded', async () => {
      const res = await logIn(base, { email: t.users.reader.email, password: PASSWORD }, '203.0.113.7');
      expect(res.status).toBe(200);
      const rows = await api.db.query<{ address: string }>(
        `SELECT after->>'address' AS address FROM audit_log WHERE tenant_id = $1 AND action = 'login' AND actor_id = $2`,
        [t.id, t.users.reader.id],
      );
      expect(rows.map((r) => r.address)).toEqual(['203.0.113.7']);
    });
  });

  describe('with no trusted proxy (the default)', () => {
    let api: Api;
    let base: string;
    let t: Tenant;
    beforeAll(async () => {
      api = await openApi(database);
      base = await listen(api);
      t = await seedTenant(api.db, 'spoof');
    });
    afterAll(async () => api.close());

    it('ignores X-Forwarded-For from the client: a new address per guess does not escape the throttle', async () => {
      const statuses: number[] = [];
      for (let i = 0; i < 7; i++)
        statuses.push(
          (await logIn(base, { email: t.users.plan_owner.email, password: 'nope' }, `198.51.100.${i}`)).status,
        );
      expect(statuses).toEqual([401, 401, 401, 401, 401, 429, 429]);
    });

    it('ignores X-Forwarded-For from the client in the audit record and the session', async () => {
      const res = await logIn(base, { email: t.users.inspector.email, password: PASSWORD }, '6.6.6.6');
      expect(res.status).toBe(200);
      const audit = await api.db.query<{ address: string }>(
        `SELECT after->>'address' AS address FROM audit_log WHERE tenant_id = $1 AND action = 'login' AND actor_id = $2`,
        [t.id, t.users.inspector.id],
      );
      expect(audit.map((r) => r.address)).toEqual(['127.0.0.1']);
      const sessions = await api.db.query<{ ip: string }>('SELECT ip FROM sessions WHERE user_id = $1', [
        t.users.inspector.id,
      ]);
      expect(sessions.map((s) => s.ip)).toEqual(['127.0.0.1']);
    });
  });

  describe('e-mails across tenants', () => {
    let api: Api;
    let a: Tenant;
    let b: Tenant;
    beforeAll(async () => {
      api = await openApi(database);
      a = await seedTenant(api.db, 'ta');
      b = await seedTenant(api.db, 'tb');
    });
    afterAll(async () => api.close());

    async function adminSession(t: Tenant): Promise<{ cookie: string; csrf: string }> {
      const res = await api.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { email: t.users.admin.email, password: PASSWORD },
      });
      expect(res.statusCode).toBe(200);
      const cookie = String(res.headers['set-cookie']).split(';')[0] ?? '';
      return { cookie, csrf: (res.json() as { csrfToken: string }).csrfToken };
    }

    async function createUser(t: Tenant, email: string, password: string) {
      const s = await adminSession(t);
      return api.app.inject({
        method: 'POST',
        url: '/api/users',
        headers: { cookie: s.cookie, 'x-csrf-token': s.csrf },
        payload: { email, displayName: 'Người dùng', password, roles: ['reader'] },
      });
    }

    it('creating an account whose e-mail exists in another tenant answers exactly like a fresh e-mail', async () => {
      const taken = b.users.reader.email; // exists in tenant b only
      const fresh = `fresh-${crypto.randomUUID().slice(0, 8)}@example.vn`;
      const onTaken = await createUser(a, taken, 'a-password-for-a-1');
      const onFresh = await createUser(a, fresh, 'a-password-for-a-1');
      expect(onTaken.statusCode).toBe(201);
      expect(onFresh.statusCode).toBe(201);
      expect(Object.keys(onTaken.json() as object)).toEqual(Object.keys(onFresh.json() as object));
      // Only an e-mail already in the admin's own tenant is refused, naming the field.
      const again = await createUser(a, fresh, 'a-password-for-a-1');
      expect(again.statusCode).toBe(409);
      expect(again.json()).toMatchObject({ code: 'email_taken', errors: [{ path: 'body/email' }] });
    });

    it('one e-mail in two tenants: each password opens its own account; the same password needs the tenant code', async () => {
      const email = b.users.approver.email;
      expect((await createUser(a, email, 'the-a-password-1')).statusCode).toBe(201);
      const login = (body: Record<string, string>) =>
        api.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, ...body } });
      const inA = await login({ password: 'the-a-password-1' });
      expect(inA.statusCode).toBe(200);
      expect((inA.json() as { user: { tenantId: string } }).user.tenantId).toBe(a.id);
      const inB = await login({ password: PASSWORD });
      expect((inB.json() as { user: { tenantId: string } }).user.tenantId).toBe(b.id);

      const same = b.users.agency_editor.email;
      expect((await createUser(a, same, PASSWORD)).statusCode).toBe(201);
      const ambiguous = await login({ password: PASSWORD, email: same });
      expect(ambiguous.statusCode).toBe(400);
      expect(ambiguous.json()).toMatchObject({ code: 'tenant_required', errors: [{ path: 'body/tenant' }] });
      const named = await login({ password: PASSWORD, email: same, tenant: a.code });
      expect((named.json() as { user: { tenantId: string } }).user.tenantId).toBe(a.id);
    });
  });

  it('an empty database gets no placeholder tenant and no admin until a tenant owns plans', async () => {
    const db = await openMigrated(database);
    try {
      const config = loadConfig({
        SEED: 'false',
        ADMIN_EMAIL: 'first@example.vn',
        ADMIN_PASSWORD: 'first-password-123',
      });
      expect(await ensureAdmin(db, config, { info: () => {} })).toBeNull();
      expect(await db.query('SELECT code FROM tenants')).toEqual([]);
      const empty = await createTenant(db, 'empty');
      const owner = await seedTenant(db, 'owner');
      expect(await ensureAdmin(db, config, { info: () => {} })).toBeNull(); // seedTenant made users already
      await db.query('DELETE FROM user_roles');
      await db.query('DELETE FROM users');
      expect(await ensureAdmin(db, config, { info: () => {} })).toBe('first@example.vn');
      const admin = await db.query<{ tenant_id: string }>('SELECT tenant_id FROM users WHERE email = $1', [
        'first@example.vn',
      ]);
      expect(admin.map((r) => r.tenant_id)).toEqual([owner.id]);
      expect(admin.map((r) => r.tenant_id)).not.toContain(empty.id);
    } finally {
      await db.close();
    }
  });
});

describe('TRUSTED_PROXIES', () => {
  it('takes addresses and CIDR ranges, and lists every entry that is neither', () => {
    expect(loadConfig({ TRUSTED_PROXIES: '10.0.0.5, 10.0.0.0/8,::1' }).trustedProxies).toEqual([
      '10.0.0.5',
      '10.0.0.0/8',
      '::1',
    ]);
    expect(loadConfig({}).trustedProxies).toEqual([]);
    expect(() => loadConfig({ TRUSTED_PROXIES: 'proxy.local,10.0.0.0/33' })).toThrow(
      expect.objectContaining({
        issues: [
          expect.objectContaining({
            path: 'TRUSTED_PROXIES',
            reason: expect.objectContaining({ en: expect.stringContaining('proxy.local') }),
          }),
          expect.objectContaining({
            path: 'TRUSTED_PROXIES',
            reason: expect.objectContaining({ en: expect.stringContaining('10.0.0.0/33') }),
          }),
        ],
      }),
    );
  });
});
