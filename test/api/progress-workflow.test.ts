// The progress workflow of tasks and projects over HTTP: enter, submit, return, revise (a new report, nothing
// overwritten), approve; only the owning agency's editor may write; only approved reports are public.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../helpers/databases.ts';
import { call, login, openApi, seedTenant, type Api, type Session, type Tenant } from './api-helpers.ts';

interface Report {
  id: string;
  period: string;
  figures: Record<string, string | null>;
  workflowState: string;
  reviewComment: string | null;
  supersedesId: string | null;
  supersededBy: string | null;
}

const CASES = [
  {
    name: 'a task progress report',
    parent: (t: Tenant) => ({ own: t.tasks.own, other: t.tasks.other }),
    list: (id: string) => `/api/tasks/${id}/reports`,
    item: '/api/task-reports',
    entity: 'task_report',
    first: { period: '2026-Q1', progressPercent: '40', narrative: 'Đã trình đề án' },
    revised: {
      progressPercent: '45.5',
      narrative: 'Đã trình đề án; bổ sung ý kiến các sở',
      evidenceUrl: 'https://example.vn/de-an.pdf',
    },
    figure: 'progressPercent',
  },
  {
    name: 'a project progress update',
    parent: (t: Tenant) => ({ own: t.projects.own, other: t.projects.other }),
    list: (id: string) => `/api/projects/${id}/progress`,
    item: '/api/project-progress',
    entity: 'project_progress',
    first: { period: '2026-H1', physicalActualPercent: '30', disbursed: '1200000000' },
    revised: { physicalActualPercent: '32.5', disbursed: '1250000000', note: 'Theo biên bản nghiệm thu' },
    figure: 'physicalActualPercent',
  },
] as const;

describe.each(testDatabases)('the progress workflow over HTTP on $name', (database) => {
  let api: Api;
  let t: Tenant;
  let editor: Session;
  let otherEditor: Session;
  let approver: Session;
  let admin: Session;
  beforeAll(async () => {
    api = await openApi(database);
    t = await seedTenant(api.db);
    editor = await login(api.app, t.users.agency_editor.email);
    otherEditor = await login(api.app, t.users.agency_editor_other.email);
    approver = await login(api.app, t.users.approver.email);
    admin = await login(api.app, t.users.admin.email);
  }, 120_000);
  afterAll(async () => api?.close());

  for (const c of CASES) {
    it(`${c.name}: enter, submit, return, revise as a new report, approve; history, audit and the public view show it`, async () => {
      const parent = c.parent(t);
      const reports = async (who: Session | null) =>
        ((await call(api.app, who, { method: 'GET', url: c.list(parent.own) })).json() as { items: Report[] }).items;

      // Another agency's editor may not report on what it does not own.
      const foreign = await call(api.app, otherEditor, { method: 'POST', url: c.list(parent.own), payload: c.first });
      expect(foreign.statusCode, foreign.body).toBe(403);

      const entered = await call(api.app, editor, { method: 'POST', url: c.list(parent.own), payload: c.first });
      expect(entered.statusCode, entered.body).toBe(201);
      expect(entered.headers.etag).toBe('"1"');
      const { id } = entered.json() as { id: string };
      expect(await reports(null)).toEqual([]);

      const again = await call(api.app, editor, { method: 'POST', url: c.list(parent.own), payload: c.first });
      expect(again.statusCode).toBe(409);

      expect((await call(api.app, editor, { method: 'POST', url: `${c.item}/${id}/submit` })).statusCode).toBe(428);
      const submitted = await call(api.app, editor, {
        method: 'POST',
        url: `${c.item}/${id}/submit`,
        headers: { 'if-match': '"1"' },
      });
      expect(submitted.statusCode, submitted.body).toBe(200);
      expect(submitted.headers.etag).toBe('"2"');
      expect(
        (
          await call(api.app, editor, {
            method: 'POST',
            url: `${c.item}/${id}/approve`,
            headers: { 'if-match': '"2"' },
          })
        ).statusCode,
      ).toBe(403);
      expect(
        (
          await call(api.app, approver, {
            method: 'POST',
            url: `${c.item}/${id}/return`,
            headers: { 'if-match': '"2"' },
            payload: {},
          })
        ).statusCode,
      ).toBe(400);
      const returned = await call(api.app, approver, {
        method: 'POST',
        url: `${c.item}/${id}/return`,
        headers: { 'if-match': '"2"' },
        payload: { comment: 'Thiếu minh chứng' },
      });
      expect(returned.statusCode, returned.body).toBe(200);

      const stale = await call(api.app, editor, {
        method: 'POST',
        url: `${c.item}/${id}/revisions`,
        headers: { 'if-match': '"2"' },
        payload: c.revised,
      });
      expect(stale.statusCode).toBe(412);
      const revised = await call(api.app, editor, {
        method: 'POST',
        url: `${c.item}/${id}/revisions`,
        headers: { 'if-match': '"3"' },
        payload: c.revised,
      });
      expect(revised.statusCode, revised.body).toBe(201);
      const next = (revised.json() as { id: string }).id;
      expect(next).not.toBe(id);
      // The returned report is closed: a second revision of it is refused, not a fork.
      expect(
        (
          await call(api.app, editor, {
            method: 'POST',
            url: `${c.item}/${id}/revisions`,
            headers: { 'if-match': '"4"' },
            payload: c.revised,
          })
        ).statusCode,
      ).toBe(409);

      expect(
        (
          await call(api.app, editor, {
            method: 'POST',
            url: `${c.item}/${next}/submit`,
            headers: { 'if-match': '"1"' },
          })
        ).statusCode,
      ).toBe(200);
      const approved = await call(api.app, approver, {
        method: 'POST',
        url: `${c.item}/${next}/approve`,
        headers: { 'if-match': '"2"' },
      });
      expect(approved.statusCode, approved.body).toBe(200);

      const history = await reports(editor);
      expect(history.map((r) => [r.id, r.workflowState, r.figures[c.figure]])).toEqual([
        [id, 'returned', (c.first as Record<string, string>)[c.figure]],
        [next, 'approved', (c.revised as Record<string, string>)[c.figure]],
      ]);
      expect(history[0]).toMatchObject({ reviewComment: 'Thiếu minh chứng', supersededBy: next });
      expect(history[1]).toMatchObject({ supersedesId: id });

      // Public: the approved report only, without review comments.
      const pub = await reports(null);
      expect(pub.map((r) => r.id)).toEqual([next]);
      expect(pub[0]?.reviewComment).toBeNull();

      if (c.entity === 'project_progress') {
        // The project listing shows the newest update of each period: the revision, not the returned one.
        const listed = (
          await call(api.app, null, { method: 'GET', url: `/api/projects?plan=${t.planCode}` })
        ).json() as { items: { id: string; progress: { period: string; physicalActualPercent: string | null }[] }[] };
        expect(listed.items.find((p) => p.id === parent.own)?.progress).toEqual([
          { period: '2026-H1', physicalActualPercent: '32.5', disbursed: '1250000000', workflowState: 'approved' },
        ]);
      }

      const audit = async (entityId: string) =>
        (
          (
            await call(api.app, admin, { method: 'GET', url: `/api/audit-log?entity=${c.entity}&entityId=${entityId}` })
          ).json() as { items: { action: string }[] }
        ).items
          .map((a) => a.action)
          .reverse();
      expect(await audit(id)).toEqual(['create', 'submit', 'return']);
      expect(await audit(next)).toEqual(['revise', 'submit', 'approve']);
    });
  }

  it('two editors race to revise one report: exactly one new report lands, the other gets 412', async () => {
    const second = await login(api.app, t.users.plan_owner.email);
    const entered = await call(api.app, editor, {
      method: 'POST',
      url: `/api/tasks/${t.tasks.own}/reports`,
      payload: { period: '2026-Q2', narrative: 'Bản đầu' },
    });
    const { id } = entered.json() as { id: string };
    const revise = (who: Session, narrative: string) =>
      call(api.app, who, {
        method: 'POST',
        url: `/api/task-reports/${id}/revisions`,
        headers: { 'if-match': '"1"' },
        payload: { narrative },
      });
    const results = await Promise.all([revise(editor, 'Sửa A'), revise(second, 'Sửa B')]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 412]);
    const rows = await api.db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM task_progress_reports WHERE supersedes_id = $1',
      [id],
    );
    expect(rows[0]?.n).toBe(1);
  });

  it('an editor whose agency leads a task through task_agencies may report on it', async () => {
    await api.db.query(`INSERT INTO task_agencies (tenant_id, task_id, agency_id, role) VALUES ($1, $2, $3, 'lead')`, [
      t.id,
      t.tasks.other,
      t.agencies.own.id,
    ]);
    const res = await call(api.app, editor, {
      method: 'POST',
      url: `/api/tasks/${t.tasks.other}/reports`,
      payload: { period: '2026', narrative: 'Phối hợp chủ trì' },
    });
    expect(res.statusCode, res.body).toBe(201);
  });

  it('a percentage above 100 or a number where a decimal string belongs is refused, naming the field', async () => {
    const over = await call(api.app, editor, {
      method: 'POST',
      url: `/api/tasks/${t.tasks.own}/reports`,
      payload: { period: '2027', progressPercent: '101', narrative: 'x' },
    });
    expect(over.statusCode).toBe(400);
    expect(over.json()).toMatchObject({ errors: [{ path: 'body/progressPercent' }] });
    const num = await call(api.app, editor, {
      method: 'POST',
      url: `/api/projects/${t.projects.own}/progress`,
      payload: { period: '2027', disbursed: 5 },
    });
    expect(num.statusCode).toBe(400);
    expect((num.json() as { errors: { path: string }[] }).errors[0]?.path).toBe('body/disbursed');
  });
});
