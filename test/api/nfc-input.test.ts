// Vietnamese typed decomposed (macOS, text pasted from a PDF: "ệ" as e + two combining marks) is stored composed
// (NFC) whatever the route: the same word compares equal however it was typed. Controls that reorder what is shown
// (a right-to-left override) are refused at the same edge.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../helpers/databases.ts';
import { PASSWORD, call, login, openApi, seedTenant, type Api, type Call, type Tenant } from './api-helpers.ts';

const nfd = (s: string) => s.normalize('NFD');

describe.each(testDatabases)('decomposed text on $name', (database) => {
  let api: Api;
  let t: Tenant;
  beforeAll(async () => {
    api = await openApi(database);
    t = await seedTenant(api.db, 'nfc');
  }, 120_000);
  afterAll(async () => api?.close());

  it('an account created with a decomposed e-mail logs in with the composed one, and the other way round', async () => {
    const admin = await login(api.app, t.users.admin.email);
    const email = 'người.dùng@ví-dụ.vn';
    const created = await call(api.app, admin, {
      method: 'POST',
      url: '/api/users',
      payload: { email: nfd(email), displayName: nfd('Người dùng'), password: PASSWORD, roles: ['reader'] },
    });
    expect(created.statusCode, created.body).toBe(201);
    const logIn = (e: string) =>
      api.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: e, password: PASSWORD } });
    expect((await logIn(email)).statusCode).toBe(200);
    expect((await logIn(nfd(email))).statusCode).toBe(200);
    // The same e-mail typed the other way is the same account, not a second one.
    const again = await call(api.app, admin, {
      method: 'POST',
      url: '/api/users',
      payload: { email, displayName: 'Người dùng', password: PASSWORD, roles: ['reader'] },
    });
    expect(again.statusCode).toBe(409);
  });

  it('no text written through the API from decomposed input is stored decomposed, in any table', async () => {
    const owner = await login(api.app, t.users.plan_owner.email);
    const editor = await login(api.app, t.users.agency_editor.email);
    const writes: [typeof owner, Call][] = [
      [
        editor,
        {
          method: 'POST',
          url: '/api/observations',
          payload: {
            indicatorId: t.indicators.own,
            unitId: t.unitId,
            period: '2026',
            value: '96',
            status: 'estimate',
            sourceText: nfd('Báo cáo ước tính của Sở'),
          },
        },
      ],
      [
        owner,
        {
          method: 'POST',
          url: `/api/plans/${t.planCode}/overrides`,
          payload: { indicatorCode: 'I1', status: 'met', reason: nfd('Theo báo cáo tổng kết nhiệm kỳ') },
        },
      ],
      [
        owner,
        {
          method: 'PATCH',
          url: `/api/plans/${t.planCode}`,
          payload: { description: nfd('Mô tả nghị quyết'), reason: nfd('Đính chính lỗi chính tả') },
        },
      ],
      [
        owner,
        {
          method: 'POST',
          url: '/api/explanation-requests',
          payload: { itemKind: 'task', itemId: t.tasks.own, question: nfd('Vì sao chậm?'), deadline: '2099-12-31' },
        },
      ],
      [owner, { method: 'POST', url: '/api/saved-views', payload: { name: nfd('Theo dõi đặc biệt'), items: [] } }],
    ];
    for (const [session, c] of writes) {
      const res = await call(api.app, session, c);
      expect(res.statusCode, `${c.method} ${c.url}: ${res.body}`).toBeLessThan(300);
    }
    const columns = await api.db.query<{ table_name: string; column_name: string; data_type: string }>(
      `SELECT table_name, column_name, data_type FROM information_schema.columns
        WHERE table_schema = current_schema() AND data_type IN ('text', 'character varying', 'jsonb')
        ORDER BY table_name, column_name`,
    );
    expect(columns.length).toBeGreaterThan(50);
    const decomposed: string[] = [];
    for (const c of columns) {
      const expr = c.data_type === 'jsonb' ? `"${c.column_name}"::text` : `"${c.column_name}"`;
      const rows = await api.db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM "${c.table_name}" WHERE ${expr} IS NOT NFC NORMALIZED`,
      );
      if ((rows[0]?.n ?? 0) > 0) decomposed.push(`${c.table_name}.${c.column_name}`);
    }
    expect(decomposed).toEqual([]);
  });
  it('a right-to-left override or another reordering control in any text is refused, naming the field, and nothing is stored', async () => {
    const owner = await login(api.app, t.users.plan_owner.email);
    const editor = await login(api.app, t.users.agency_editor.email);
    // "%59" shown after U+202E reads "95%": a spoofed figure in a reason, a narrative, a name.
    for (const control of ['\u202e', '\u202d', '\u2067', '\u200f']) {
      const spoof = `Đạt ${control}%59\u202c theo báo cáo`;
      for (const [session, c, path] of [
        [
          owner,
          {
            method: 'POST',
            url: `/api/plans/${t.planCode}/overrides`,
            payload: { indicatorCode: 'I1', status: 'met', reason: spoof },
          },
          'body/reason',
        ],
        [
          editor,
          {
            method: 'POST',
            url: '/api/observations',
            payload: {
              indicatorId: t.indicators.own,
              unitId: t.unitId,
              period: '2027',
              value: '96',
              status: 'estimate',
              sourceText: spoof,
            },
          },
          'body/sourceText',
        ],
        [owner, { method: 'POST', url: '/api/saved-views', payload: { name: spoof, items: [] } }, 'body/name'],
      ] as const) {
        const res = await call(api.app, session, c as Call);
        expect(res.statusCode, res.body).toBe(400);
        expect(res.json()).toMatchObject({ code: 'invalid_text', errors: [{ path }] });
      }
    }
    const stored = await api.db.query<{ n: number }>(
      `SELECT (SELECT count(*) FROM evaluation_overrides WHERE tenant_id = $1 AND reason LIKE '%59%')
            + (SELECT count(*) FROM observations WHERE tenant_id = $1 AND period = '2027')
            + (SELECT count(*) FROM saved_views WHERE tenant_id = $1 AND name LIKE '%59%') AS n`,
      [t.id],
    );
    expect(Number(stored[0]?.n)).toBe(0);
  });
});
