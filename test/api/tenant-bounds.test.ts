// A backup or a plan document edited by hand cannot reach into another tenant: reading it refuses a row that names
// another tenant's rows (an account in another province's agency, a target of another province's indicator), and
// writes nothing; an id inside a JSON cell (a saved view's items, a target's provenance) is checked like a foreign
// key. The plan documents go first: a restore ends every session and password of the tenant.
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

  it("refuses a backup whose saved view names another tenant's indicator inside its JSON items, naming table.column, the JSON path and the row", async () => {
    // A view of the tenant's own indicators, as the app writes it; the file then names the other tenant's indicator.
    await api.db.query(
      `INSERT INTO saved_views (tenant_id, user_id, name, items) VALUES ($1, $2, 'Chỉ tiêu của tôi', $3::jsonb)`,
      [a.id, a.users.reader.id, JSON.stringify([{ kind: 'indicator', id: a.indicators.own }])],
    );
    const doc = await backup();
    const views = doc.tables.saved_views;
    const view = views?.rows[0];
    if (!views || !view) throw new Error('no saved view in the backup');
    const items = JSON.stringify([
      { kind: 'indicator', id: a.indicators.own },
      { kind: 'indicator', id: b.indicators.own },
    ]);
    view[views.columns.indexOf('items')] = items;
    const saved = () => api.db.query('SELECT items FROM saved_views WHERE tenant_id = $1', [a.id]);
    const before = await saved();
    const res = await restore(doc);
    expect(res.statusCode, res.body).toBe(400);
    const body = res.json() as { code: string; errors: { path: string; reason: { vi: string; en: string } }[] };
    expect(body.code).toBe('outside_tenant');
    expect(body.errors).toEqual([
      {
        path: 'saved_views.items[1].id',
        reason: {
          vi: `dòng 1: mã ${b.indicators.own} là dữ liệu của địa phương khác (bảng indicators)`,
          en: `row 1: id ${b.indicators.own} is another tenant's row (table indicators)`,
        },
      },
    ]);
    expect(await saved()).toEqual(before);
  });

  it("refuses a plan document carrying another tenant's id inside a target's provenance, and writes nothing", async () => {
    const owner = await login(api.app, a.users.plan_owner.email);
    const exported = await call(api.app, owner, { method: 'GET', url: `/api/plans/${a.planCode}/document.json` });
    expect(exported.statusCode, exported.body).toBe(200);
    const doc = exported.json() as Doc & { plan: string };
    const plans = doc.tables.plans;
    const code = `${a.planCode}-json`;
    if (plans?.rows[0]) plans.rows[0][plans.columns.indexOf('code')] = code;
    doc.plan = code;
    const targets = doc.tables.targets;
    const target = targets?.rows[0];
    if (!targets || !target) throw new Error('no target');
    target[targets.columns.indexOf('provenance')] = JSON.stringify({ line: 12, fromTarget: b.agencies.own.id });
    const count = async () =>
      (await api.db.query<{ n: number }>('SELECT count(*)::int AS n FROM plans WHERE tenant_id = $1', [a.id]))[0]?.n;
    const before = await count();
    const res = await call(api.app, owner, { method: 'POST', url: '/api/imports/plan-document', payload: doc });
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json()).toMatchObject({ code: 'outside_tenant', errors: [{ path: 'targets.provenance.fromTarget' }] });
    expect(await count()).toBe(before);
  });

  it('restores its own untouched backup', async () => {
    const res = await restore(await backup());
    expect(res.statusCode, res.body).toBe(200);
  });
});
