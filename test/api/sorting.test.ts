// `?sort=` on list endpoints: an allow-list per endpoint, `-field` for descending, paging by cursor under that order
// without repeats or gaps, and an unknown field refused with a 400 that names it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../helpers/databases.ts';
import { call, login, openApi, seedTenant, type Api, type Session, type Tenant } from './api-helpers.ts';

describe.each(testDatabases)('sorting lists on $name', (database) => {
  let api: Api;
  let t: Tenant;
  let admin: Session;
  beforeAll(async () => {
    api = await openApi(database);
    t = await seedTenant(api.db);
    admin = await login(api.app, t.users.admin.email);
    const planId = (await api.db.query<{ id: string }>('SELECT id FROM plans WHERE tenant_id = $1', [t.id]))[0]?.id;
    // Tasks whose deadlines run against their codes, two sharing one deadline (the id must break the tie).
    for (const [code, deadline] of [
      ['3', '2026-01-31'],
      ['4', '2025-06-30'],
      ['5', '2025-06-30'],
      ['6', null],
    ] as const) {
      await api.db.query('INSERT INTO tasks (tenant_id, plan_id, code, title, deadline) VALUES ($1,$2,$3,$4,$5)', [
        t.id,
        planId,
        code,
        `Nhiệm vụ ${code}`,
        deadline,
      ]);
    }
  }, 120_000);
  afterAll(async () => api?.close());

  /** Every page of a list, one row at a time, following the cursor. */
  async function walk(url: string): Promise<Record<string, unknown>[]> {
    const all: Record<string, unknown>[] = [];
    let cursor: string | null = null;
    for (let i = 0; i < 50; i++) {
      const res = await call(api.app, admin, {
        method: 'GET',
        url: `${url}&limit=1${cursor ? `&cursor=${cursor}` : ''}`,
      });
      expect(res.statusCode, res.body).toBe(200);
      const body = res.json() as { items: Record<string, unknown>[]; nextCursor: string | null };
      all.push(...body.items);
      cursor = body.nextCursor;
      if (!cursor) break;
    }
    return all;
  }

  it('tasks sorted by -deadline page one at a time in that order, ties broken by id, no row twice', async () => {
    const rows = await walk(`/api/tasks?plan=${t.planCode}&sort=-deadline`);
    expect(rows).toHaveLength(6);
    expect(new Set(rows.map((r) => r.id)).size).toBe(6);
    const deadlines = rows.map((r) => r.deadline ?? '');
    expect(deadlines).toEqual([...deadlines].sort().reverse());
    const asc = await walk(`/api/tasks?plan=${t.planCode}&sort=code`);
    expect(asc.map((r) => r.code)).toEqual(['1', '2', '3', '4', '5', '6']);
  });

  it('indicators, projects, observations and the audit log sort by their allowed fields, either way', async () => {
    expect((await walk(`/api/indicators?plan=${t.planCode}&sort=-code`)).map((r) => r.code)).toEqual(['I2', 'I1']);
    expect((await walk(`/api/projects?plan=${t.planCode}&sort=-title`)).map((r) => r.code)).toEqual(['P2', 'P1']);
    for (const period of ['2025', '2026']) {
      await call(api.app, admin, {
        method: 'POST',
        url: '/api/observations',
        payload: { indicatorId: t.indicators.own, unitId: t.unitId, period, value: '1', status: 'estimate' },
      });
    }
    expect((await walk(`/api/observations?plan=${t.planCode}&sort=-period`)).map((r) => r.period)).toEqual([
      '2026',
      '2025',
    ]);
    const actions = (await walk('/api/audit-log?sort=action')).map((r) => String(r.action));
    expect(actions).toEqual([...actions].sort());
  });

  it('an unknown sort field is a 400 problem naming the field and the allowed ones', async () => {
    for (const url of [
      '/api/tasks?sort=secret',
      '/api/indicators?sort=-password',
      '/api/observations?sort=value',
      '/api/projects?sort=budget',
      '/api/audit-log?sort=actor_id',
    ]) {
      const res = await call(api.app, admin, { method: 'GET', url });
      expect(res.statusCode, url).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      const field = new URL(url, 'http://x').searchParams.get('sort')?.replace(/^-/, '');
      expect(res.json()).toMatchObject({
        code: 'invalid_sort',
        errors: [{ path: 'querystring/sort', reason: { en: expect.stringContaining(`"${field}"`) } }],
      });
    }
    // A list that does not sort refuses the parameter rather than ignoring it.
    expect((await call(api.app, admin, { method: 'GET', url: '/api/units?sort=code' })).statusCode).toBe(400);
  });

  it('a cursor made under one order is refused under another', async () => {
    const first = (
      await call(api.app, admin, { method: 'GET', url: `/api/tasks?plan=${t.planCode}&sort=code&limit=1` })
    ).json() as { nextCursor: string };
    const res = await call(api.app, admin, {
      method: 'GET',
      url: `/api/tasks?plan=${t.planCode}&sort=-deadline&limit=1&cursor=${first.nextCursor}`,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'invalid_cursor' });
  });
});
