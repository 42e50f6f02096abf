// A plan owner adds to a plan in place over HTTP, on both databases: a task, a project, a breakthrough and an
// indicator with its first target, each read back in the plan's lists, audited (before none, after the row) at
// version 1; the new target is evaluated at once. An agency editor and the public are refused, a code the plan
// already uses is a 409, and a target definition the dataset format refuses is a 400 naming the field.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../helpers/databases.ts';
import { call, login, openApi, seedTenant, type Api, type Session, type Tenant } from './api-helpers.ts';

const SPEC = {
  kind: 'threshold',
  direction: 'higher_better',
  term: { firstYear: 2025, lastYear: 2030 },
  op: '>=',
  value: '80',
  year: 2030,
  precision: 0,
};

describe.each(testDatabases)('adding items to a plan over HTTP on $name', (database) => {
  let api: Api;
  let t: Tenant;
  let owner: Session;
  let editor: Session;
  beforeAll(async () => {
    api = await openApi(database);
    t = await seedTenant(api.db);
    owner = await login(api.app, t.users.plan_owner.email);
    editor = await login(api.app, t.users.agency_editor.email);
  }, 120_000);
  afterAll(async () => api?.close());

  const add = (who: Session | null, kind: string, payload: object) =>
    call(api.app, who, { method: 'POST', url: `/api/plans/${t.planCode}/${kind}`, payload });
  const list = async <T>(url: string): Promise<T[]> =>
    ((await call(api.app, owner, { method: 'GET', url })).json() as { items: T[] }).items;
  const audit = async (entity: string, id: string) =>
    api.db.query<{ action: string; reason: string; before: unknown; after: Record<string, unknown> }>(
      'SELECT action, reason, before, after FROM audit_log WHERE tenant_id = $1 AND entity = $2 AND entity_id = $3',
      [t.id, entity, id],
    );

  it('a plan owner adds a task, a project and a breakthrough: listed, version 1, audited with the row and the reason', async () => {
    const task = await add(owner, 'tasks', {
      code: '3',
      title: 'Xây dựng đề án chuyển đổi số',
      deadline: '2027-12-31',
      ownerAgency: t.agencies.own.code,
      reason: 'Bổ sung theo kết luận của Thường trực',
    });
    expect(task.statusCode, task.body).toBe(201);
    expect(task.json()).toMatchObject({ code: '3', version: 1, targetId: null });
    expect(task.headers.etag).toBe('"1"');
    const tasks = await list<{ code: string; title: string; deadline: string | null; version: number }>(
      `/api/tasks?plan=${t.planCode}`,
    );
    expect(tasks.find((x) => x.code === '3')).toMatchObject({
      title: 'Xây dựng đề án chuyển đổi số',
      deadline: '2027-12-31',
      version: 1,
    });
    const [row] = await audit('task', (task.json() as { id: string }).id);
    expect(row).toMatchObject({ action: 'create', reason: 'Bổ sung theo kết luận của Thường trực', before: null });
    expect(row?.after).toMatchObject({ code: '3', title: 'Xây dựng đề án chuyển đổi số', version: 1 });
    expect(row?.after.owner_agency_id).toBe(t.agencies.own.id);

    const project = await add(owner, 'projects', {
      code: 'P3',
      title: 'Cầu vượt nút giao phía Tây',
      status: 'preparation',
      periodStart: '2026-01-01',
      periodEnd: '2028-12-31',
      reason: 'Danh mục bổ sung',
    });
    expect(project.statusCode, project.body).toBe(201);
    const projects = await list<{ code: string; title: string; version: number }>(`/api/projects?plan=${t.planCode}`);
    expect(projects.find((x) => x.code === 'P3')).toMatchObject({ title: 'Cầu vượt nút giao phía Tây', version: 1 });
    expect(await audit('project', (project.json() as { id: string }).id)).toHaveLength(1);

    const breakthrough = await add(owner, 'breakthroughs', {
      code: 'B2',
      title: 'Đột phá về nguồn nhân lực',
      reason: 'Bổ sung',
    });
    expect(breakthrough.statusCode, breakthrough.body).toBe(201);
    const rollups = await list<{ code: string; title: string; version: number }>(
      `/api/plans/${t.planCode}/breakthroughs`,
    );
    expect(rollups.find((x) => x.code === 'B2')).toMatchObject({ title: 'Đột phá về nguồn nhân lực', version: 1 });
    expect(await audit('breakthrough', (breakthrough.json() as { id: string }).id)).toHaveLength(1);

    // What was added is edited like any other item: version 2.
    const edited = await call(api.app, owner, {
      method: 'PATCH',
      url: `/api/plans/${t.planCode}/tasks/3`,
      payload: { title: 'Xây dựng đề án chuyển đổi số toàn diện', reason: 'Đính chính' },
      headers: { 'if-match': '"1"' },
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({ version: 2 });
  });

  it('a plan owner adds an indicator with its first target: listed, audited, and evaluated at once', async () => {
    const res = await add(owner, 'indicators', {
      code: 'I9',
      name: 'Tỷ lệ hộ dùng nước sạch',
      unitOfMeasure: '%',
      measure: 'share',
      group: 'xa-hoi',
      parent: 'I1',
      target: { spec: SPEC, text: 'đạt từ 80% trở lên' },
      reason: 'Bổ sung chỉ tiêu',
    });
    expect(res.statusCode, res.body).toBe(201);
    const out = res.json() as { id: string; targetId: string; version: number };
    expect(out.version).toBe(1);
    expect(out.targetId).toMatch(/^[0-9a-f-]{36}$/);
    const indicators = await list<{ code: string; name: string }>(`/api/indicators?plan=${t.planCode}`);
    expect(indicators.find((x) => x.code === 'I9')?.name).toBe('Tỷ lệ hộ dùng nước sạch');
    const [ind] = await audit('indicator', out.id);
    expect(ind).toMatchObject({ action: 'create', before: null, reason: 'Bổ sung chỉ tiêu' });
    expect(ind?.after).toMatchObject({ code: 'I9', unit_of_measure: '%', measure: 'share', group_code: 'xa-hoi' });
    expect(ind?.after.parent_id).toBe(t.indicators.own);
    const [target] = await audit('target', out.targetId);
    expect(target?.after).toMatchObject({ kind: 'threshold', text: 'đạt từ 80% trở lên', stage: 'in_force' });
    const view = (
      await call(api.app, owner, { method: 'GET', url: `/api/plans/${t.planCode}/evaluations` })
    ).json() as { rows: { indicator: { code: string; name: string }; status: string }[] };
    const row = view.rows.find((r) => r.indicator.code === 'I9');
    expect(row?.indicator.name).toBe('Tỷ lệ hộ dùng nước sạch');
    expect(row?.status).toBe('no_data');
  });

  it('an agency editor and the public are refused, and nothing is written', async () => {
    const before = await list<{ code: string }>(`/api/tasks?plan=${t.planCode}`);
    const payload = { code: '9', title: 'Nhiệm vụ không được thêm', reason: 'Thử' };
    expect((await add(editor, 'tasks', payload)).statusCode).toBe(403);
    expect((await add(null, 'tasks', payload)).statusCode).toBe(401);
    const ind = await add(editor, 'indicators', {
      code: 'I8',
      name: 'Không được',
      unitOfMeasure: '%',
      target: { spec: SPEC, text: 'x' },
      reason: 'Thử',
    });
    expect(ind.statusCode).toBe(403);
    expect(await list<{ code: string }>(`/api/tasks?plan=${t.planCode}`)).toHaveLength(before.length);
    expect((await list<{ code: string }>(`/api/indicators?plan=${t.planCode}`)).map((x) => x.code)).not.toContain('I8');
  });

  it('a code the plan already uses is a 409 naming the field, in Vietnamese and English', async () => {
    for (const [kind, code] of [
      ['tasks', '1'],
      ['projects', 'P1'],
    ] as const) {
      const res = await add(owner, kind, { code, title: 'Trùng mã', reason: 'Thử' });
      expect(res.statusCode, res.body).toBe(409);
      const body = res.json() as { messages: { vi: string; en: string }; details: { field: string } };
      expect(body.messages.vi).toContain(`mã "${code}"`);
      expect(body.messages.en).toContain(`code "${code}"`);
      expect(body.details.field).toBe('code');
    }
    const dup = await add(owner, 'indicators', {
      code: 'I1',
      name: 'Trùng',
      unitOfMeasure: '%',
      target: { spec: SPEC, text: 'x' },
      reason: 'Thử',
    });
    expect(dup.statusCode, dup.body).toBe(409);
  });

  it('a target definition the dataset format refuses is a 400 naming the field; nothing is written', async () => {
    const bad = async (spec: object, expected: string) => {
      const res = await add(owner, 'indicators', {
        code: 'I7',
        name: 'Chỉ tiêu sai',
        unitOfMeasure: '%',
        target: { spec, text: 'sai' },
        reason: 'Thử',
      });
      expect(res.statusCode, res.body).toBe(400);
      const body = res.json() as { errors: { path: string; reason: { vi: string; en: string } }[] };
      expect(body.errors.map((e) => e.path).join(' ')).toContain(expected);
      expect(body.errors[0]?.reason.vi).toBeTruthy();
      expect(body.errors[0]?.reason.en).toBeTruthy();
    };
    await bad({ ...SPEC, op: 'khoảng' }, 'target/spec');
    await bad({ kind: 'threshold', direction: 'higher_better', op: '>=', value: '80', year: 2030 }, 'target/spec');
    const missing = await add(owner, 'projects', {
      code: 'P9',
      title: 'Sai ngày',
      periodStart: '2028-01-01',
      periodEnd: '2027-01-01',
      reason: 'Thử',
    });
    expect(missing.statusCode).toBe(400);
    expect(missing.body).toContain('periodEnd');
    expect((await list<{ code: string }>(`/api/indicators?plan=${t.planCode}`)).map((x) => x.code)).not.toContain('I7');
  });
});
