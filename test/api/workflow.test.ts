import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../helpers/databases.ts';
import { call, login, openApi, seedTenant, type Api, type Session, type Tenant } from './api-helpers.ts';

describe.each(testDatabases)('the data-entry workflow over HTTP on $name', (database) => {
  let api: Api;
  let t: Tenant;
  let editor: Session;
  let approver: Session;
  let admin: Session;
  beforeAll(async () => {
    api = await openApi(database);
    t = await seedTenant(api.db);
    editor = await login(api.app, t.users.agency_editor.email);
    approver = await login(api.app, t.users.approver.email);
    admin = await login(api.app, t.users.admin.email);
    // 94,5 against "trên 95%" leaves the target not met: the editor tells its story first (data-entry.test.ts).
    const [target] = await api.db.query<{ id: string }>('SELECT id FROM targets WHERE indicator_id = $1', [
      t.indicators.own,
    ]);
    const told = await call(api.app, editor, {
      method: 'POST',
      url: `/api/targets/${target?.id}/stories`,
      payload: { period: '2025', cause: 'Nguồn lực còn hạn chế', measures: 'Tăng cường chỉ đạo' },
    });
    expect(told.statusCode, told.body).toBe(201);
  }, 120_000);
  afterAll(async () => api?.close());

  it('an agency editor enters, submits; an approver returns; the editor revises; the approver approves; history and audit show every step', async () => {
    const evaluation = async () =>
      (
        (
          await call(api.app, null, { method: 'GET', url: `/api/plans/${t.planCode}/evaluations?asOf=2026-06-30` })
        ).json() as { rows: { status: string | null }[] }
      ).rows.map((r) => r.status);
    const initial = await evaluation();
    const entered = await call(api.app, editor, {
      method: 'POST',
      url: '/api/observations',
      payload: {
        indicatorId: t.indicators.own,
        unitId: t.unitId,
        period: '2025',
        value: '94.5',
        status: 'estimate',
        reason: 'ước tính lần 1',
      },
    });
    expect(entered.statusCode, entered.body).toBe(201);
    const { id } = entered.json() as { id: string };
    expect(entered.headers.etag).toBe('"1"');

    // Not public yet: a draft is invisible to the portal.
    expect((await call(api.app, null, { method: 'GET', url: `/api/observations/${id}` })).statusCode).toBe(404);

    const submitted = await call(api.app, editor, {
      method: 'POST',
      url: `/api/observations/${id}/submit`,
      headers: { 'if-match': '"1"' },
    });
    expect(submitted.statusCode, submitted.body).toBe(200);
    expect(submitted.headers.etag).toBe('"2"');

    const noComment = await call(api.app, approver, {
      method: 'POST',
      url: `/api/observations/${id}/return`,
      headers: { 'if-match': '"2"' },
      payload: {},
    });
    expect(noComment.statusCode).toBe(400);
    const returned = await call(api.app, approver, {
      method: 'POST',
      url: `/api/observations/${id}/return`,
      headers: { 'if-match': '"2"' },
      payload: { comment: 'Thiếu nguồn số liệu' },
    });
    expect(returned.statusCode, returned.body).toBe(200);

    const revised = await call(api.app, editor, {
      method: 'POST',
      url: `/api/observations/${id}/versions`,
      headers: { 'if-match': '"3"' },
      payload: { value: '95.20', status: 'preliminary', reason: 'bổ sung nguồn', sourceText: 'Cục Thống kê' },
    });
    expect(revised.statusCode, revised.body).toBe(200);
    expect(
      (
        await call(api.app, editor, {
          method: 'POST',
          url: `/api/observations/${id}/submit`,
          headers: { 'if-match': '"4"' },
        })
      ).statusCode,
    ).toBe(200);
    // Drafts, submissions and returns do not move the (approved-basis) evaluation.
    expect(await evaluation()).toEqual(initial);
    const approved = await call(api.app, approver, {
      method: 'POST',
      url: `/api/observations/${id}/approve`,
      headers: { 'if-match': '"5"' },
    });
    expect(approved.statusCode, approved.body).toBe(200);
    // The approved 95.20 is beyond the "> 95" threshold: the evaluation changes only now.
    const after = await evaluation();
    expect(after).not.toEqual(initial);
    expect(after).toEqual(['exceeded']);
    // The approval stored a new evaluation snapshot naming the approved version it rests on.
    const snapshots = await api.runtime.db.query<{ status: string; input_version_ids: string[] }>(
      `SELECT e.status, e.input_version_ids FROM evaluations e JOIN targets t ON t.id = e.target_id JOIN plans p ON p.id = t.plan_id
        WHERE p.code = $1 AND p.tenant_id = $2 ORDER BY e.computed_at DESC LIMIT 1`,
      [t.planCode, t.id],
    );
    expect(snapshots[0]?.status).toBe('exceeded');

    const view = (await call(api.app, editor, { method: 'GET', url: `/api/observations/${id}` })).json() as {
      version: number;
      approved: { value: string; seq: number };
      versions: { seq: number; value: string; workflowState: string }[];
      reviews: { action: string; comment: string | null }[];
    };
    expect(view.version).toBe(6);
    expect(view.approved).toMatchObject({ value: '95.20', seq: 2 });
    expect(view.versions.map((v) => [v.seq, v.value, v.workflowState])).toEqual([
      [1, '94.5', 'returned'],
      [2, '95.20', 'approved'],
    ]);
    expect(view.reviews.map((r) => r.action)).toEqual(['create', 'submit', 'return', 'revise', 'submit', 'approve']);
    expect(view.reviews[2]?.comment).toBe('Thiếu nguồn số liệu');

    const audit = (
      await call(api.app, admin, { method: 'GET', url: `/api/audit-log?entity=observation&entityId=${id}` })
    ).json() as { items: { action: string; actor: { label: string } }[] };
    expect(audit.items.map((a) => a.action).reverse()).toEqual([
      'create',
      'submit',
      'return',
      'revise',
      'submit',
      'approve',
    ]);
    expect(audit.items[0]?.actor.label).toBe(t.users.approver.email);

    // Public now: only the approved version.
    const pub = (await call(api.app, null, { method: 'GET', url: `/api/observations/${id}` })).json() as {
      versions: { seq: number }[];
      reviews: unknown[];
    };
    expect(pub.versions.map((v) => v.seq)).toEqual([2]);
    expect(pub.reviews).toEqual([]);
  });

  it('a write without If-Match gets 428 and a stale one 412 with the current version', async () => {
    const entered = await call(api.app, editor, {
      method: 'POST',
      url: '/api/observations',
      payload: { indicatorId: t.indicators.own, unitId: t.unitId, period: '2026', value: '1', status: 'estimate' },
    });
    const { id } = entered.json() as { id: string };
    const missing = await call(api.app, editor, { method: 'POST', url: `/api/observations/${id}/submit` });
    expect(missing.statusCode, missing.body).toBe(428);
    expect(missing.headers['content-type']).toContain('application/problem+json');
    const stale = await call(api.app, editor, {
      method: 'POST',
      url: `/api/observations/${id}/submit`,
      headers: { 'if-match': '"7"' },
    });
    expect(stale.statusCode).toBe(412);
    expect(stale.json()).toMatchObject({ code: 'stale_version', details: { current: { id, version: 1 } } });
  });

  it('whoever entered a figure cannot approve it (four eyes)', async () => {
    const entered = await call(api.app, admin, {
      method: 'POST',
      url: '/api/observations',
      payload: { indicatorId: t.indicators.own, unitId: t.unitId, period: '2027', value: '1', status: 'estimate' },
    });
    const { id } = entered.json() as { id: string };
    await call(api.app, admin, { method: 'POST', url: `/api/observations/${id}/submit`, headers: { 'if-match': '1' } });
    const self = await call(api.app, admin, {
      method: 'POST',
      url: `/api/observations/${id}/approve`,
      headers: { 'if-match': '2' },
    });
    expect(self.statusCode).toBe(403);
  });
});
