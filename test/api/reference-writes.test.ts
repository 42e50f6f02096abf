// The reference writes: an admin adds an agency and gives it an indicator, after which that agency's editor may
// enter the indicator's figures; both are audited, and another tenant's indicator or agency is not found. A plan
// owner edits the plan's indicators, tasks, projects and breakthroughs: versioned, audited, a stale edit refused.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../helpers/databases.ts';
import { call, login, openApi, seedTenant, type Api, type Session, type Tenant } from './api-helpers.ts';

describe.each(testDatabases)('agencies and indicator owners over HTTP on $name', (database) => {
  let api: Api;
  let t: Tenant;
  let b: Tenant;
  let admin: Session;
  let editor: Session;
  beforeAll(async () => {
    api = await openApi(database);
    t = await seedTenant(api.db);
    b = await seedTenant(api.db, 'b');
    admin = await login(api.app, t.users.admin.email);
    editor = await login(api.app, t.users.agency_editor.email);
  }, 120_000);
  afterAll(async () => api?.close());

  it('giving an indicator to an agency lets that agency’s editor enter its figures, and both writes are audited', async () => {
    const enter = () =>
      call(api.app, editor, {
        method: 'POST',
        url: '/api/observations',
        payload: { indicatorId: t.indicators.other, unitId: t.unitId, period: '2026', value: '1', status: 'estimate' },
      });
    expect((await enter()).statusCode).toBe(403);
    const agency = await call(api.app, admin, {
      method: 'POST',
      url: '/api/agencies',
      payload: { code: 'so-kh-dt', name: 'Sở Kế hoạch và Đầu tư' },
    });
    expect(agency.statusCode, agency.body).toBe(201);
    expect(
      (
        await call(api.app, admin, {
          method: 'POST',
          url: '/api/agencies',
          payload: { code: 'so-kh-dt', name: 'Trùng' },
        })
      ).statusCode,
    ).toBe(409);
    const assigned = await call(api.app, admin, {
      method: 'PATCH',
      url: `/api/indicators/${t.indicators.other}`,
      payload: { ownerAgencyId: t.agencies.own.id },
    });
    expect(assigned.statusCode, assigned.body).toBe(200);
    expect((await enter()).statusCode).toBe(201);
    const audit = (
      await call(api.app, admin, {
        method: 'GET',
        url: `/api/audit-log?entity=indicator&entityId=${t.indicators.other}`,
      })
    ).json() as { items: { action: string; before: unknown; after: unknown }[] };
    expect(audit.items[0]).toMatchObject({
      action: 'assign_agency',
      before: { ownerAgencyId: t.agencies.other.id },
      after: { ownerAgencyId: t.agencies.own.id },
    });
    const created = (await call(api.app, admin, { method: 'GET', url: '/api/audit-log?entity=agency' })).json() as {
      items: { action: string }[];
    };
    expect(created.items.map((a) => a.action)).toEqual(['create']);
  });

  it('another tenant’s indicator or agency is not found', async () => {
    expect(
      (
        await call(api.app, admin, {
          method: 'PATCH',
          url: `/api/indicators/${b.indicators.own}`,
          payload: { ownerAgencyId: null },
        })
      ).statusCode,
    ).toBe(404);
    expect(
      (
        await call(api.app, admin, {
          method: 'PATCH',
          url: `/api/indicators/${t.indicators.own}`,
          payload: { ownerAgencyId: b.agencies.own.id },
        })
      ).statusCode,
    ).toBe(404);
  });

  it('a plan owner edits an indicator, a task, a project and a breakthrough: each versioned and audited with its reason', async () => {
    const owner = await login(api.app, t.users.plan_owner.email);
    const planId = (
      (await api.db.query<{ plan_id: string }>('SELECT plan_id FROM tasks WHERE id = $1', [t.tasks.own]))[0] as {
        plan_id: string;
      }
    ).plan_id;
    await api.db.query(
      "INSERT INTO breakthroughs (tenant_id, plan_id, code, title) VALUES ($1, $2, 'B1', 'Đột phá về hạ tầng')",
      [t.id, planId],
    );
    const edit = (path: string, payload: object, ifMatch?: number) =>
      call(api.app, owner, {
        method: 'PATCH',
        url: `/api/plans/${t.planCode}/${path}`,
        payload,
        ...(ifMatch === undefined ? {} : { headers: { 'if-match': `"${ifMatch}"` } }),
      });
    const task = await edit(
      'tasks/1',
      { title: 'Hoàn thành quy hoạch chung', deadline: '2027-06-30', reason: 'Theo kế hoạch năm' },
      1,
    );
    expect(task.statusCode, task.body).toBe(200);
    expect(task.json()).toMatchObject({ version: 2, changed: ['title', 'deadline'] });
    expect(task.headers.etag).toBe('"2"');
    // A second editor still holding version 1 is refused and nothing changes.
    const stale = await edit('tasks/1', { title: 'Khác', reason: 'Sửa' }, 1);
    expect(stale.statusCode).toBe(412);
    const tasks = (await call(api.app, owner, { method: 'GET', url: `/api/tasks?plan=${t.planCode}` })).json() as {
      items: { code: string; title: string; deadline: string | null }[];
    };
    expect(tasks.items.find((x) => x.code === '1')).toMatchObject({
      title: 'Hoàn thành quy hoạch chung',
      deadline: '2027-06-30',
    });
    const project = await edit('projects/P1', {
      status: 'implementation',
      periodEnd: '2028-12-31',
      reason: 'Khởi công',
    });
    expect(project.statusCode, project.body).toBe(200);
    expect(
      (await edit('projects/P1', { status: 'xong', reason: 'Sai' })).json() as { errors: { path: string }[] },
    ).toMatchObject({ errors: expect.arrayContaining([expect.objectContaining({ path: 'body/status' })]) });
    const breakthrough = await edit('breakthroughs/B1', {
      title: 'Đột phá về hạ tầng giao thông',
      reason: 'Đính chính',
    });
    expect(breakthrough.statusCode, breakthrough.body).toBe(200);
    // The lists the web forms open from carry the version they send back as If-Match.
    const projects = (
      await call(api.app, owner, { method: 'GET', url: `/api/projects?plan=${t.planCode}` })
    ).json() as {
      items: { code: string; version: number }[];
    };
    expect(projects.items.find((x) => x.code === 'P1')?.version).toBe(2);
    const rollups = (
      await call(api.app, owner, { method: 'GET', url: `/api/plans/${t.planCode}/breakthroughs` })
    ).json() as { items: { code: string; version: number }[] };
    expect(rollups.items.find((x) => x.code === 'B1')?.version).toBe(2);
    expect((await edit('breakthroughs/B1', { title: 'Khác', reason: 'Sửa' }, 1)).statusCode).toBe(412);
    // An indicator's new name is what its evaluation shows at once.
    const indicator = await edit('indicators/I1', {
      name: 'Tỷ lệ dân số tham gia bảo hiểm y tế',
      reason: 'Tên đầy đủ',
    });
    expect(indicator.statusCode, indicator.body).toBe(200);
    const rows = (
      await call(api.app, owner, { method: 'GET', url: `/api/plans/${t.planCode}/evaluations` })
    ).json() as {
      rows: { indicator: { code: string; name: string } }[];
    };
    expect(rows.rows.find((r) => r.indicator.code === 'I1')?.indicator.name).toBe(
      'Tỷ lệ dân số tham gia bảo hiểm y tế',
    );
    const audit = await api.db.query<{ entity: string; reason: string; before: unknown; after: unknown }>(
      "SELECT entity, reason, before, after FROM audit_log WHERE tenant_id = $1 AND action = 'edit' ORDER BY at, id",
      [t.id],
    );
    expect(audit.map((a) => a.entity).sort()).toEqual(['breakthrough', 'indicator', 'project', 'task']);
    expect(audit.find((a) => a.entity === 'task')).toMatchObject({
      reason: 'Theo kế hoạch năm',
      before: { version: 1, title: 'Nhiệm vụ 1', deadline: null },
      after: { version: 2, title: 'Hoàn thành quy hoạch chung', deadline: '2027-06-30' },
    });
    // No reason, or an agency editor: refused, nothing written.
    expect((await edit('tasks/1', { title: 'Không lý do', reason: '' })).statusCode).toBe(400);
    const byEditor = await call(api.app, editor, {
      method: 'PATCH',
      url: `/api/plans/${t.planCode}/tasks/1`,
      payload: { title: 'Sửa trộm', reason: 'Không được' },
    });
    expect(byEditor.statusCode).toBe(403);
    expect((await edit('tasks/khong-co', { title: 'X', reason: 'Y' })).statusCode).toBe(404);
  });
});
