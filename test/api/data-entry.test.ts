// Entering figures as the web app does: the figure checks without writing, the agency's inbox (only its own
// indicators, what is due with its deadline, returned figures with the reason, and each agency's counts of them),
// the story a short figure needs before it can be submitted, and the approval answering with the verdicts it moved.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../helpers/databases.ts';
import { call, fingerprint, login, openApi, seedTenant, type Api, type Session, type Tenant } from './api-helpers.ts';

interface InboxItem {
  indicator: { id: string; code: string };
  period: string;
  dueDate: string;
  overdue: boolean;
  current: boolean;
  state: string;
  figure: { observationId: string; version: number; valueText: string | null } | null;
  returned: { comment: string | null } | null;
  previous: { period: string; valueText: string } | null;
  targets: { targetId: string; status: string | null; story: { cause: string } | null }[];
}

describe.each(testDatabases)('data entry over HTTP on $name', (database) => {
  let api: Api;
  let t: Tenant;
  let editor: Session;
  let other: Session;
  let approver: Session;
  beforeAll(async () => {
    api = await openApi(database);
    t = await seedTenant(api.db);
    editor = await login(api.app, t.users.agency_editor.email);
    other = await login(api.app, t.users.agency_editor_other.email);
    approver = await login(api.app, t.users.approver.email);
    // The seeded plan runs 2025–2030: 2025 is owed (overdue since 25/12/2025) and 2026 is being reported.
  }, 300_000);
  afterAll(async () => api?.close());

  const check = (s: Session, value: string, extra: Record<string, unknown> = {}) =>
    call(api.app, s, {
      method: 'POST',
      url: '/api/observations/check',
      payload: { indicatorId: t.indicators.own, unitId: t.unitId, period: '2026', value, ...extra },
    });
  const inbox = async (s: Session) => {
    const r = await call(api.app, s, { method: 'GET', url: `/api/plans/${t.planCode}/inbox` });
    expect(r.statusCode, r.body).toBe(200);
    return r.json() as { items: InboxItem[]; work: { kind: string; code: string }[]; rules: { id: string } };
  };

  it('runs the figure checks as typed and writes nothing', async () => {
    const before = await fingerprint(api.db);
    const ok = await check(editor, '96,5');
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ outcome: 'accepted', valueText: '96,5', issues: [] });
    const share = await check(editor, '102/275');
    expect(share.json()).toMatchObject({ outcome: 'accepted', valueText: '102/275' });
    const bad = (await check(editor, '140')).json() as {
      outcome: string;
      issues: { path: string; reason: { vi: string; en: string } }[];
    };
    expect(bad.outcome).toBe('refused');
    expect(bad.issues[0]?.path).toBe('value');
    expect(bad.issues[0]?.reason.vi.length).toBeGreaterThan(0);
    expect((await check(editor, 'abc')).json()).toMatchObject({ outcome: 'refused' });
    expect(await fingerprint(api.db)).toBe(before);
    // Another agency's editor may not even check this agency's figure.
    expect((await check(other, '96')).statusCode).toBe(403);
    expect(
      (await call(api.app, null, { method: 'POST', url: '/api/observations/check', payload: {} })).statusCode,
    ).toBe(401);
  });

  it("shows an editor only its agency's indicators, tasks and projects, due under NĐ 09/2019", async () => {
    const mine = await inbox(editor);
    expect(mine.rules.id).toBe('nd-09-2019');
    expect(new Set(mine.items.map((i) => i.indicator.id))).toEqual(new Set([t.indicators.own]));
    const year = mine.items.find((i) => i.period === '2026');
    expect(year).toMatchObject({ state: 'missing', dueDate: '2026-12-25', current: true });
    expect(mine.work.map((w) => `${w.kind} ${w.code}`).sort()).toEqual(['project P1', 'task 1']);
    const theirs = await inbox(other);
    expect(theirs.items.every((i) => i.indicator.id !== t.indicators.own)).toBe(true);
    expect((await call(api.app, approver, { method: 'GET', url: `/api/plans/${t.planCode}/inbox` })).statusCode).toBe(
      403,
    );
  });

  it('keeps an overdue period, first, until its figure is submitted', async () => {
    const items = (await inbox(editor)).items;
    expect(items[0]).toMatchObject({ period: '2025', overdue: true, state: 'missing', dueDate: '2025-12-25' });
    expect(items[1]).toMatchObject({ period: '2026', overdue: false, current: true });
  });

  it('refuses to submit a figure that leaves its target short until the story is told, then returns and approves', async () => {
    const entered = await call(api.app, editor, {
      method: 'POST',
      url: '/api/observations',
      payload: { indicatorId: t.indicators.own, unitId: t.unitId, period: '2025', value: '90', status: 'estimate' },
    });
    expect(entered.statusCode, entered.body).toBe(201);
    const { id } = entered.json() as { id: string };
    const refused = await call(api.app, editor, {
      method: 'POST',
      url: `/api/observations/${id}/submit`,
      headers: { 'if-match': '"1"' },
    });
    expect(refused.statusCode, refused.body).toBe(400);
    const problem = refused.json() as {
      code: string;
      errors: { path: string }[];
      details: { period: string; targets: { targetId: string; status: string }[] };
      title?: string;
    };
    expect(problem.code).toBe('story_required');
    expect(problem.errors.map((e) => e.path)).toEqual(['story']);
    expect(refused.body).toContain('Chưa giải trình');
    expect(refused.body).toContain('Explanation missing');
    const target = problem.details.targets[0];
    expect(target).toBeDefined();
    // Nothing half-written: the figure is still a draft at version 1.
    const draft = (await inbox(editor)).items.find((i) => i.period === '2025');
    expect(draft).toMatchObject({ state: 'draft', figure: { version: 1, valueText: '90' } });

    // A story needs its cause and measures, named.
    const empty = await call(api.app, editor, {
      method: 'POST',
      url: `/api/targets/${target?.targetId}/stories`,
      payload: { period: '2025', cause: ' ', measures: '' },
    });
    expect(empty.statusCode).toBe(400);
    expect((empty.json() as { errors: { path: string }[] }).errors.map((e) => e.path)).toEqual(['cause', 'measures']);
    // Another agency cannot tell this target's story.
    const foreign = await call(api.app, other, {
      method: 'POST',
      url: `/api/targets/${target?.targetId}/stories`,
      payload: { period: '2025', cause: 'x', measures: 'y' },
    });
    expect(foreign.statusCode).toBe(403);
    for (const cause of ['Thiếu vốn đầu tư công', 'Giải ngân vốn đầu tư công chậm']) {
      const told = await call(api.app, editor, {
        method: 'POST',
        url: `/api/targets/${target?.targetId}/stories`,
        payload: { period: '2025', cause, measures: 'Đẩy nhanh giải phóng mặt bằng', requests: 'Đề nghị bổ sung vốn' },
      });
      expect(told.statusCode, told.body).toBe(201);
    }
    const stories = (
      await call(api.app, editor, { method: 'GET', url: `/api/plans/${t.planCode}/stories` })
    ).json() as { items: { seq: number; cause: string; current: boolean; author: { name: string | null } }[] };
    expect(stories.items.map((s) => [s.seq, s.current])).toEqual([
      [2, true],
      [1, false],
    ]);
    expect(stories.items[0]?.cause).toBe('Giải ngân vốn đầu tư công chậm');
    expect(stories.items[0]?.author.name).toBe('agency_editor');
    // The public gets no stories; the audit trail has each telling.
    expect(
      ((await call(api.app, null, { method: 'GET', url: `/api/plans/${t.planCode}/stories` })).json() as { items: [] })
        .items,
    ).toEqual([]);
    const audit = await api.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_log WHERE tenant_id = $1 AND entity = 'target_story'`,
      [t.id],
    );
    expect(audit[0]?.n).toBe(2);

    const submitted = await call(api.app, editor, {
      method: 'POST',
      url: `/api/observations/${id}/submit`,
      headers: { 'if-match': '"1"' },
    });
    expect(submitted.statusCode, submitted.body).toBe(200);
    // Four eyes: the editor cannot approve; the approver returns with a reason the inbox shows.
    const returned = await call(api.app, approver, {
      method: 'POST',
      url: `/api/observations/${id}/return`,
      headers: { 'if-match': '"2"' },
      payload: { comment: 'Kiểm tra lại nguồn số liệu' },
    });
    expect(returned.statusCode, returned.body).toBe(200);
    const back = (await inbox(editor)).items.find((i) => i.period === '2025');
    expect(back).toMatchObject({ state: 'returned', returned: { comment: 'Kiểm tra lại nguồn số liệu' } });
    expect(back?.targets[0]?.story?.cause).toBe('Giải ngân vốn đầu tư công chậm');
    // What the agency owes, counted from the same inbox: 2025 returned and late, 2026 due on 25/12/2026. Any member
    // of the tenant reads it (the by-agency page); the public does not.
    const owed = await call(api.app, approver, { method: 'GET', url: `/api/plans/${t.planCode}/obligations` });
    expect(owed.statusCode, owed.body).toBe(200);
    const { agencies } = owed.json() as { agencies: { agencyId: string | null }[] };
    expect(agencies.find((a) => a.agencyId === t.agencies.own.id)).toEqual({
      agencyId: t.agencies.own.id,
      due: 2,
      late: 1,
      returned: 1,
      nextDueDate: '2026-12-25',
    });
    // The other agency's indicator carries no target: as in its inbox, no figure is owed for it.
    expect(agencies.map((a) => a.agencyId)).toEqual([t.agencies.own.id]);
    expect((await call(api.app, null, { method: 'GET', url: `/api/plans/${t.planCode}/obligations` })).statusCode).toBe(
      401,
    );

    const revised = await call(api.app, editor, {
      method: 'POST',
      url: `/api/observations/${id}/versions`,
      headers: { 'if-match': '"3"' },
      payload: { value: '96', status: 'preliminary', sourceText: 'Báo cáo của Sở' },
    });
    expect(revised.statusCode, revised.body).toBe(200);
    const resubmitted = await call(api.app, editor, {
      method: 'POST',
      url: `/api/observations/${id}/submit`,
      headers: { 'if-match': `"${(revised.json() as { version: number }).version}"` },
    });
    expect(resubmitted.statusCode, resubmitted.body).toBe(200);
    const approved = await call(api.app, approver, {
      method: 'POST',
      url: `/api/observations/${id}/approve`,
      headers: { 'if-match': `"${(resubmitted.json() as { version: number }).version}"` },
    });
    expect(approved.statusCode, approved.body).toBe(200);
    // The target's first stored verdict has nothing before it to move from.
    expect((approved.json() as { changes: unknown[] }).changes).toEqual([]);
    // A later figure that turns the verdict: the approval answers with the verdict that moved.
    const v = async (r: { json(): unknown }) => `"${(r.json() as { version: number }).version}"`;
    const lower = await call(api.app, editor, {
      method: 'POST',
      url: `/api/observations/${id}/versions`,
      headers: { 'if-match': await v(approved) },
      payload: { value: '93', status: 'official', sourceText: 'Niên giám thống kê' },
    });
    expect(lower.statusCode, lower.body).toBe(200);
    const sent = await call(api.app, editor, {
      method: 'POST',
      url: `/api/observations/${id}/submit`,
      headers: { 'if-match': await v(lower) },
    });
    expect(sent.statusCode, sent.body).toBe(200);
    const turned = await call(api.app, approver, {
      method: 'POST',
      url: `/api/observations/${id}/approve`,
      headers: { 'if-match': await v(sent) },
    });
    expect(turned.statusCode, turned.body).toBe(200);
    const moved = turned.json() as {
      changes: { targetId: string; before: { status: string }; after: { status: string } }[];
    };
    expect(moved.changes.map((c) => [c.targetId, c.before.status, c.after.status])).toEqual([
      [target?.targetId, 'exceeded', 'not_met'],
    ]);
    // Approved, the overdue period leaves the inbox; the current one is still owed, with 2025 as its previous value.
    const after = await inbox(editor);
    expect(after.items.find((i) => i.period === '2025')).toBeUndefined();
    expect(after.items.find((i) => i.period === '2026')?.previous).toEqual({ period: '2025', valueText: '93' });
  });
});
