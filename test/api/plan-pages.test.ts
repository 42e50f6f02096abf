// The reads behind the plan pages over real HTTP on both databases: a task's standing against its deadline and its
// latest report (the public sees approved reports only), a breakthrough rolled up from its members with the member
// that decides it, and the plan's documents.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../helpers/databases.ts';
import { call, login, openApi, seedTenant, type Api, type Session, type Tenant } from './api-helpers.ts';

interface TaskView {
  id: string;
  timeliness: string;
  latestReport: { period: string; progressPercent: string | null; workflowState: string } | null;
}
interface Rollups {
  items: {
    code: string;
    rollup: { status: string; decidedBy: { entity: string; code: string }[]; counts: Record<string, number> };
  }[];
}

describe.each(testDatabases)('the plan pages’ reads on $name', (database) => {
  let api: Api;
  let t: Tenant;
  let admin: Session;
  beforeAll(async () => {
    api = await openApi(database);
    t = await seedTenant(api.db, 'pp');
    admin = await login(api.app, t.users.admin.email);
    const plan = (await api.db.query<{ id: string }>('SELECT id FROM plans WHERE code = $1', [t.planCode]))[0];
    if (!plan) throw new Error('no plan');
    // Task 1 is past its deadline and unfinished; task 2 has none. One breakthrough carries task 1 and project P1.
    await api.db.query(`UPDATE tasks SET deadline = '2020-06-30', status = 'in_progress' WHERE id = $1`, [t.tasks.own]);
    const doc = await api.db.query<{ id: string }>(
      `INSERT INTO documents (tenant_id, kind, number, title) VALUES ($1, 'congress_resolution', '01-NQ/ĐH', 'Nghị quyết Đại hội thử') RETURNING id`,
      [t.id],
    );
    await api.db.query('UPDATE plans SET document_id = $1 WHERE id = $2', [doc[0]?.id, plan.id]);
    const b = await api.db.query<{ id: string }>(
      `INSERT INTO breakthroughs (tenant_id, plan_id, code, title) VALUES ($1,$2,'1','Đột phá thử') RETURNING id`,
      [t.id, plan.id],
    );
    for (const [entity, id] of [
      ['task', t.tasks.own],
      ['project', t.projects.own],
      ['indicator', t.indicators.own],
    ])
      await api.db.query(
        'INSERT INTO breakthrough_links (tenant_id, breakthrough_id, entity, entity_id) VALUES ($1,$2,$3,$4)',
        [t.id, b[0]?.id, entity, id],
      );
    const report = await call(api.app, admin, {
      method: 'POST',
      url: `/api/tasks/${t.tasks.own}/reports`,
      payload: { period: '2026-Q3', progressPercent: '40', narrative: 'Đang triển khai' },
    });
    expect(report.statusCode, report.body).toBe(201);
    // Migrating a fresh PGlite and hashing the seeded users' passwords takes minutes on a loaded machine.
  }, 300_000);
  afterAll(async () => api?.close());

  it('a task past its deadline reads overdue, with its latest report for staff and none for the public', async () => {
    const staff = await call(api.app, admin, { method: 'GET', url: `/api/tasks?plan=${t.planCode}&tenant=${t.code}` });
    expect(staff.statusCode, staff.body).toBe(200);
    const items = (staff.json() as { items: TaskView[] }).items;
    const own = items.find((x) => x.id === t.tasks.own);
    const other = items.find((x) => x.id === t.tasks.other);
    expect(own?.timeliness).toBe('overdue');
    expect(other?.timeliness).toBe('no_deadline');
    expect(own?.latestReport).toMatchObject({ period: '2026-Q3', progressPercent: '40', workflowState: 'draft' });
    const pub = await call(api.app, null, { method: 'GET', url: `/api/tasks?plan=${t.planCode}&tenant=${t.code}` });
    const pubOwn = (pub.json() as { items: TaskView[] }).items.find((x) => x.id === t.tasks.own);
    expect(pubOwn?.latestReport).toBeNull();
  });

  it('rolls the breakthrough up to off track because of the overdue task, and says so', async () => {
    const res = await call(api.app, admin, { method: 'GET', url: `/api/plans/${t.planCode}/breakthroughs` });
    expect(res.statusCode, res.body).toBe(200);
    const [b] = (res.json() as Rollups).items;
    expect(b?.rollup.status).toBe('off_track');
    expect(b?.rollup.decidedBy).toEqual([expect.objectContaining({ entity: 'task', code: '1' })]);
    expect(b?.rollup.counts).toMatchObject({ bad: 1 });
    const missing = await call(api.app, admin, { method: 'GET', url: '/api/plans/no-such-plan/breakthroughs' });
    expect(missing.statusCode).toBe(404);
  });

  it('lists the plan’s own document', async () => {
    const res = await call(api.app, admin, { method: 'GET', url: `/api/plans/${t.planCode}` });
    expect(res.statusCode, res.body).toBe(200);
    expect((res.json() as { documents: unknown[] }).documents).toEqual([
      expect.objectContaining({ title: 'Nghị quyết Đại hội thử', number: '01-NQ/ĐH', role: 'plan' }),
    ]);
  });
});
