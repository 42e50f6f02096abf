// A backup or a plan document edited by hand cannot reach into another tenant: reading it refuses a row that names
// another tenant's rows (an account in another province's agency, a target of another province's indicator), and
// writes nothing. The plan document goes first: a restore ends every session and password of the tenant.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../helpers/databases.ts';
import { call, login, openApi, seedTenant, type Api, type Session, type Tenant } from './api-helpers.ts';

interface Doc {
  tables: Record<string, { columns: string[]; rows: (string | null)[][] }>;
}

describe.each(testDatabases)('a restored backup stays in its tenant on $name', (database) => {
  let api: Api;
  let a: Tenant;
  let b: Tenant;
  let admin: Session;
  beforeAll(async () => {
    api = await openApi(database);
    a = await seedTenant(api.db, 'own');
    b = await seedTenant(api.db, 'other');
    admin = await login(api.app, a.users.admin.email);
  }, 120_000);
  afterAll(async () => api?.close());

  async function backup(): Promise<Doc> {
    const res = await call(api.app, admin, { method: 'GET', url: '/api/backup' });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as Doc;
  }
  function set(doc: Doc, table: string, id: string, column: string, value: string): void {
    const t = doc.tables[table];
    const row = t?.rows.find((r) => r[t.columns.indexOf('id')] === id);
    if (!t || !row) throw new Error(`no ${table} ${id}`);
    row[t.columns.indexOf(column)] = value;
  }
  const restore = (doc: Doc) =>
    call(api.app, admin, { method: 'POST', url: '/api/restore?replace=true', payload: doc });
  const state = () =>
    api.db.query(
      `SELECT (SELECT json_agg(agency_id ORDER BY id) FROM users WHERE tenant_id = $1) AS agencies,
              (SELECT json_agg(indicator_id ORDER BY id) FROM targets WHERE tenant_id = $1) AS indicators`,
      [a.id],
    );

  it("refuses a plan document whose target reads another tenant's indicator, and writes nothing", async () => {
    const owner = await login(api.app, a.users.plan_owner.email);
    const exported = await call(api.app, owner, { method: 'GET', url: `/api/plans/${a.planCode}/document.json` });
    expect(exported.statusCode, exported.body).toBe(200);
    const doc = exported.json() as Doc & { plan: string };
    // The same plan under a new code (a plan already present is refused for that reason alone).
    const plans = doc.tables.plans;
    const code = `${a.planCode}-copy`;
    if (plans?.rows[0]) plans.rows[0][plans.columns.indexOf('code')] = code;
    doc.plan = code;
    const targets = doc.tables.targets;
    const target = targets?.rows[0];
    if (!targets || !target) throw new Error('no target');
    target[targets.columns.indexOf('indicator_id')] = b.indicators.own;
    const count = async () =>
      (await api.db.query<{ n: number }>('SELECT count(*)::int AS n FROM plans WHERE tenant_id = $1', [a.id]))[0]?.n;
    const before = await count();
    const res = await call(api.app, owner, { method: 'POST', url: '/api/imports/plan-document', payload: doc });
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json()).toMatchObject({ code: 'outside_tenant', errors: [{ path: 'targets.indicator_id' }] });
    expect(await count()).toBe(before);
  });

  it("refuses an account put in another tenant's agency and a target of another tenant's indicator", async () => {
    const doc = await backup();
    set(doc, 'users', a.users.reader.id, 'agency_id', b.agencies.own.id);
    const target = doc.tables.targets?.rows[0]?.[doc.tables.targets.columns.indexOf('id')] ?? '';
    set(doc, 'targets', target, 'indicator_id', b.indicators.own);
    const before = await state();
    const res = await restore(doc);
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json()).toMatchObject({ code: 'outside_tenant', messages: { vi: expect.any(String) } });
    expect((res.json() as { errors: { path: string }[] }).errors.map((e) => e.path)).toEqual([
      'targets.indicator_id',
      'users.agency_id',
    ]);
    expect(await state()).toEqual(before);
  });

  it('restores its own untouched backup', async () => {
    const res = await restore(await backup());
    expect(res.statusCode, res.body).toBe(200);
  });
});
