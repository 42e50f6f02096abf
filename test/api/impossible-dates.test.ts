// A date that does not exist (30 February, 29 February of a common year) is refused by the service that reads it,
// naming its own field, before anything is written: never answered with a database error about "value", nor read as
// the 2nd of March.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../helpers/databases.ts';
import { call, fingerprint, login, openApi, seedTenant, type Api, type Session, type Tenant } from './api-helpers.ts';

describe.each(testDatabases)('impossible dates on $name', (database) => {
  let api: Api;
  let t: Tenant;
  let owner: Session;
  beforeAll(async () => {
    api = await openApi(database);
    t = await seedTenant(api.db, 'dates');
    owner = await login(api.app, t.users.plan_owner.email);
  }, 120_000);
  afterAll(async () => api?.close());

  async function refused(c: Parameters<typeof call>[2], path: string) {
    const unitsBefore = await api.db.query('SELECT code, valid_to FROM units WHERE tenant_id = $1 ORDER BY code', [
      t.id,
    ]);
    const before = await fingerprint(api.db);
    const res = await call(api.app, owner, c);
    expect(res.statusCode, res.body).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    const body = res.json() as { errors: { path: string; reason: { vi: string; en: string } }[] };
    expect(body.errors.map((e) => e.path)).toContain(path);
    expect(body.errors.find((e) => e.path === path)?.reason.en).toContain('real date');
    expect(await fingerprint(api.db)).toBe(before);
    expect(await api.db.query('SELECT code, valid_to FROM units WHERE tenant_id = $1 ORDER BY code', [t.id])).toEqual(
      unitsBefore,
    );
  }

  it('the register on 30 February is refused, naming "on"', async () => {
    await refused({ method: 'GET', url: '/api/units/register?on=2025-02-30' }, 'on');
    const real = await call(api.app, owner, { method: 'GET', url: '/api/units/register?on=2024-02-29' });
    expect(real.statusCode, real.body).toBe(200);
  });

  it('a unit ending on 29 February of a common year is refused, naming "validTo"', async () => {
    await refused(
      { method: 'POST', url: '/api/units/31/end', payload: { validTo: '2025-02-29', reason: 'Sáp nhập' } },
      'validTo',
    );
  });

  it('a commune register whose legal document is dated 31 April is refused, naming "document.date"', async () => {
    await refused(
      {
        method: 'POST',
        url: '/api/units/import',
        payload: {
          csv: 'code,name,kind,parent,valid_from,valid_to,event,related\n93001,Xã Thử Ngày,xã,31,2026-01-01,,,\n',
          document: { number: '1/NQ-UBTVQH', date: '2025-04-31' },
        },
      },
      'document.date',
    );
  });
});
