// A plan owner adds to a plan in place over HTTP, on both databases: a task, a project, a breakthrough and an
// indicator with its first target, each read back in the plan's lists, audited (before none, after the row) at
// version 1; the new target is evaluated at once. An agency editor and the public are refused, a code the plan
// already uses is a 409, and a target definition the dataset format refuses is a 400 naming the field. A new target
// cites one of the plan's documents with a place, stored as the dataset import stores a citation: the plan's own
// resolution unless another of its documents is named; no place, or a document of no plan's, is a 400.
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
const PLACE = { page: 4, quote: 'đạt từ 80% trở lên' };

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

  const stored = async (targetId: string) =>
    (
      await api.db.query<{ document_id: string | null; citation: Record<string, unknown> | null; provenance: unknown }>(
        'SELECT document_id, citation, provenance FROM targets WHERE id = $1',
        [targetId],
      )
    )[0];

  it('a new target must cite a place, and a document of the plan: its own, or one named; nothing written otherwise', async () => {
    const indicator = (code: string, citation: object) =>
      add(owner, 'indicators', {
        code,
        name: 'Chỉ tiêu chưa có nguồn',
        unitOfMeasure: '%',
        target: { spec: SPEC, text: 'đạt từ 80% trở lên', citation },
        reason: 'Thử',
      });
    const issue = async (res: Awaited<ReturnType<typeof add>>) => {
      expect(res.statusCode, res.body).toBe(400);
      const body = res.json() as { errors: { path: string; reason: { vi: string; en: string } }[] };
      return body.errors[0];
    };
    // No page, paragraph or quote: the place is required, in both languages.
    const noPlace = await issue(await indicator('I5', {}));
    expect(noPlace?.path).toBe('target/citation');
    expect(noPlace?.reason.vi).toContain('trang, đoạn hoặc trích dẫn');
    expect(noPlace?.reason.en).toContain('a page, a paragraph or a quote');
    // The seeded plan has no document of its own yet: one must be named.
    const noDocument = await issue(await indicator('I5', { page: 2 }));
    expect(noDocument?.path).toBe('target/citation/documentId');
    expect(noDocument?.reason.vi).toContain('chưa có văn bản gốc');
    // A document that is not the plan's (here, one no plan cites) is refused by name.
    const [stray] = await api.db.query<{ id: string }>(
      "INSERT INTO documents (tenant_id, kind, title) VALUES ($1, 'report', 'Văn bản không thuộc kế hoạch') RETURNING id",
      [t.id],
    );
    const notOurs = await issue(await indicator('I5', { documentId: stray?.id, page: 2 }));
    expect(notOurs?.path).toBe('target/citation/documentId');
    expect(notOurs?.reason.en).toBe('not a document of this plan');
    expect((await list<{ code: string }>(`/api/indicators?plan=${t.planCode}`)).map((x) => x.code)).not.toContain('I5');
    // From here on the plan rests on its resolution and lists a press article that quotes it.
    await api.db.query(
      `WITH d AS (INSERT INTO documents (tenant_id, kind, number, title) VALUES ($1, 'council_resolution', '12/NQ-HĐND', 'Nghị quyết kế hoạch 5 năm thử') RETURNING id)
       UPDATE plans SET document_id = (SELECT id FROM d) WHERE tenant_id = $1 AND code = $2`,
      [t.id, t.planCode],
    );
    await api.db.query(
      `INSERT INTO documents (tenant_id, plan_id, code, kind, title, url)
       SELECT $1, id, 'bao-thu', 'press_article', 'Bài báo trích nghị quyết', 'https://example.vn/bai-bao' FROM plans WHERE tenant_id = $1 AND code = $2`,
      [t.id, t.planCode],
    );
  });

  it('a plan owner adds an indicator with its first target: listed, audited, and evaluated at once', async () => {
    const res = await add(owner, 'indicators', {
      code: 'I9',
      name: 'Tỷ lệ hộ dùng nước sạch',
      unitOfMeasure: '%',
      measure: 'share',
      group: 'xa-hoi',
      parent: 'I1',
      target: { spec: SPEC, text: 'đạt từ 80% trở lên', citation: PLACE },
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
    // Unnamed, the document is the plan's own resolution, cited at the page and quote given (audited with the row).
    const plan = (await call(api.app, owner, { method: 'GET', url: `/api/plans/${t.planCode}` })).json() as {
      documents: { id: string; code: string | null; title: string; role: string }[];
    };
    const own = plan.documents.find((d) => d.role === 'plan');
    const article = plan.documents.find((d) => d.code === 'bao-thu');
    expect(own?.title).toBe('Nghị quyết kế hoạch 5 năm thử');
    expect(article).toMatchObject({ title: 'Bài báo trích nghị quyết', role: 'source' });
    const citation = { documentId: own?.id, page: 4, quote: 'đạt từ 80% trở lên' };
    expect(await stored(out.targetId)).toEqual({ document_id: own?.id, citation, provenance: citation });
    expect(target?.after.citation).toEqual(citation);
    // Named, another document of the plan: cited by its code with its address, as the dataset import cites it.
    const second = await add(owner, 'indicators', {
      code: 'I10',
      name: 'Tỷ lệ hộ dùng điện',
      unitOfMeasure: '%',
      target: {
        spec: SPEC,
        text: 'đạt từ 80% trở lên',
        citation: { documentId: article?.id, paragraph: 'mục II.2', quote: ' hộ dùng điện ' },
      },
      reason: 'Bổ sung chỉ tiêu',
    });
    expect(second.statusCode, second.body).toBe(201);
    const secondId = (second.json() as { targetId: string }).targetId;
    expect((await stored(secondId))?.citation).toEqual({
      document: 'bao-thu',
      documentId: article?.id,
      source: 'https://example.vn/bai-bao',
      paragraph: 'mục II.2',
      quote: 'hộ dùng điện',
    });
    const history = (
      await call(api.app, owner, { method: 'GET', url: `/api/plans/${t.planCode}/indicators/I10/target-history` })
    ).json() as { items: { document: { title: string } | null; citation: Record<string, unknown> }[] };
    expect(history.items[0]?.document?.title).toBe('Bài báo trích nghị quyết');
    expect(history.items[0]?.citation.paragraph).toBe('mục II.2');
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
      target: { spec: SPEC, text: 'x', citation: PLACE },
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
      target: { spec: SPEC, text: 'x', citation: PLACE },
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
        target: { spec, text: 'sai', citation: PLACE },
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
