// An indicator's figures as the public lists them (the indicator page, `GET /api/observations?indicatorId=…`), kept
// ready by each server like the plan evaluations: a hit does no database work on PGlite and one version lookup on
// PostgreSQL, an unchanged list revalidates to 304, and it is never stale: every write that changes the list (an
// approval, a new vintage, a withdrawal, a note, the indicator's, a unit's or the plan's own row) shows on the next
// read with a new ETag, also when another server process on the same PostgreSQL database wrote it.
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../helpers/databases.ts';
import {
  addOfficialFigure,
  openTwoServers,
  queriesDuring,
  type Server,
  type TwoServers,
} from '../helpers/kept-answers.ts';
import { call, login, openApi, seedTenant, type Api, type Session, type Tenant } from './api-helpers.ts';

interface Figure {
  id: string;
  period: string;
  indicator: { name: string };
  unit: { name: string };
  plan: string | null;
  notes: { text: string }[];
  latest: { value: string | null; withdrawn: boolean } | null;
}
interface Page {
  items: Figure[];
}

describe.each(testDatabases)('an indicator’s public figures kept ready on $name', (database) => {
  let api: Api;
  let t: Tenant;
  let editor: Session;
  let approver: Session;
  let url: string;
  beforeAll(async () => {
    api = await openApi(database);
    t = await seedTenant(api.db, 'figs');
    editor = await login(api.app, t.users.plan_owner.email);
    approver = await login(api.app, t.users.approver.email);
    url = `/api/observations?indicatorId=${t.indicators.own}&limit=200`;
  }, 120_000);
  afterAll(async () => api?.close());

  const get = (headers: Record<string, string> = {}) => api.app.inject({ method: 'GET', url, headers });
  /** The public page, and whether a revalidation with the previous tag was answered 304. */
  const read = async (previous?: string) => {
    if (previous !== undefined) {
      const revalidated = await get({ 'if-none-match': previous });
      if (revalidated.statusCode === 304) return { page: null, tag: previous, notModified: true };
      expect(revalidated.statusCode).toBe(200);
    }
    const res = await get();
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('public, max-age=30');
    return { page: res.json() as Page, tag: res.headers.etag as string, notModified: false };
  };
  const post = async (s: Session, path: string, payload: unknown, ifMatch?: string) => {
    const res = await call(api.app, s, {
      method: 'POST',
      url: path,
      payload,
      ...(ifMatch ? { headers: { 'if-match': ifMatch } } : {}),
    });
    expect(res.statusCode, res.body).toBeLessThan(300);
    return res.json() as { id: string; version: number };
  };

  it('a kept page: strong ETag, 304, the same JSON compressed; a hit makes no query on PGlite, one on PostgreSQL', async () => {
    await addOfficialFigure(api.db, t.planCode, '2025', '91');
    const first = await get();
    expect(first.statusCode).toBe(200);
    const tag = first.headers.etag as string;
    expect(tag).toMatch(/^"[\w-]+"$/);
    expect((first.json() as Page).items.map((f) => f.latest?.value)).toEqual(['91']);
    let again: Awaited<ReturnType<typeof get>> | undefined;
    const n = await queriesDuring(api.db, async () => {
      again = await get({ 'accept-encoding': 'gzip, deflate, br' });
    });
    expect(n).toBe(api.db.exclusive ? 0 : 1);
    expect(again?.headers.etag).toBe(tag);
    const coding = again?.headers['content-encoding'];
    const raw = again?.rawPayload as Buffer;
    expect(JSON.parse((coding === 'br' ? brotliDecompressSync(raw) : gunzipSync(raw)).toString('utf8'))).toEqual(
      first.json(),
    );
    expect((await get({ 'if-none-match': tag })).statusCode).toBe(304);
    // A signed-in reader's answer is computed for them and never cached.
    const own = await call(api.app, editor, { method: 'GET', url });
    expect(own.headers['cache-control']).toBe('no-store');
    expect(own.headers.etag).toBeUndefined();
  });

  it('every write that changes the list shows on the next read with a new ETag; the others revalidate to 304', async () => {
    let last = await read();
    const expectChanged = async (check: (page: Page) => void) => {
      const next = await read(last.tag);
      expect(next.notModified).toBe(false);
      expect(next.tag).not.toBe(last.tag);
      check(next.page as Page);
      last = next;
    };
    const expectUnchanged = async () => expect((await read(last.tag)).notModified).toBe(true);
    const figureOf = (page: Page, period: string) => page.items.find((f) => f.period === period);

    // A draft and its submission are not public: the list is the same bytes, so the same tag (304).
    const entered = await post(editor, '/api/observations', {
      indicatorId: t.indicators.own,
      unitId: t.unitId,
      period: '2026',
      value: '45.5',
      status: 'official',
      reason: 'số liệu thử',
      confirmImplausible: true,
    });
    await expectUnchanged();
    await post(editor, `/api/observations/${entered.id}/submit`, {}, '"1"');
    await expectUnchanged();
    // Its approval makes it public.
    await post(approver, `/api/observations/${entered.id}/approve`, {}, '"2"');
    await expectChanged((p) => expect(figureOf(p, '2026')?.latest?.value).toBe('45.5'));
    // A new official vintage of an approved figure (the dataset's way in, one transaction).
    await addOfficialFigure(api.db, t.planCode, '2026', '47');
    await expectChanged((p) => expect(figureOf(p, '2026')?.latest?.value).toBe('47'));
    // A withdrawal of the approved figure as wrong.
    const version = (await call(api.app, approver, { method: 'GET', url: `/api/observations/${entered.id}` })).headers
      .etag as string;
    await post(approver, `/api/observations/${entered.id}/withdraw`, { reason: 'nhập nhầm' }, version);
    await expectChanged((p) => expect(figureOf(p, '2026')?.latest?.withdrawn).toBe(true));
    // Written behind the services, straight to the rows the list shows: a note, the indicator, the unit, the plan.
    await api.db.query(
      `INSERT INTO quality_notes (tenant_id, entity, entity_id, kind, text) VALUES ($1, 'observation', $2, 'data_quality', 'Ghi chú mới')`,
      [t.id, entered.id],
    );
    await expectChanged((p) => expect(figureOf(p, '2026')?.notes.map((n) => n.text)).toEqual(['Ghi chú mới']));
    await api.db.query("UPDATE indicators SET name = 'Tên chỉ tiêu mới' WHERE id = $1", [t.indicators.own]);
    await expectChanged((p) => expect(p.items.every((f) => f.indicator.name === 'Tên chỉ tiêu mới')).toBe(true));
    await api.db.query("UPDATE units SET name = 'Tên đơn vị mới' WHERE id = $1", [t.unitId]);
    await expectChanged((p) => expect(p.items.every((f) => f.unit.name === 'Tên đơn vị mới')).toBe(true));
    await api.db.query('UPDATE plans SET code = $2 WHERE code = $1', [t.planCode, `${t.planCode}-moi`]);
    await expectChanged((p) => expect(p.items.every((f) => f.plan === `${t.planCode}-moi`)).toBe(true));
    await api.db.query('UPDATE plans SET code = $2 WHERE code = $1', [`${t.planCode}-moi`, t.planCode]);
    await expectChanged((p) => expect(p.items.every((f) => f.plan === t.planCode)).toBe(true));
    // Another indicator's figure does not change this list: 304.
    await post(editor, '/api/observations', {
      indicatorId: t.indicators.other,
      unitId: t.unitId,
      period: '2026',
      value: '12',
      status: 'official',
      reason: 'số liệu thử',
      confirmImplausible: true,
    });
    await expectUnchanged();
  });
});

// Two server processes on one PostgreSQL database, each with its own connection pool and its own kept pages.
const postgresUrl = process.env.TEST_DATABASE_URL;
describe.runIf(postgresUrl !== undefined)('an indicator’s figures from two servers on one PostgreSQL database', () => {
  let two: TwoServers;
  beforeAll(async () => {
    two = await openTwoServers(postgresUrl as string);
  }, 120_000);
  afterAll(async () => two?.close());

  it('a figure written through one server is seen on the next read from the other', async () => {
    const [a, b] = two.servers;
    const [dbA, dbB] = two.dbs;
    const t = await seedTenant(dbB, 'twofigs');
    const path = `/api/observations?indicatorId=${t.indicators.own}&limit=200`;
    const valuesFrom = async (server: Server) =>
      ((await server.inject({ method: 'GET', url: path })).json() as Page).items.map((f) => f.latest?.value);
    expect(await valuesFrom(a)).toEqual([]);
    expect(await valuesFrom(a)).toEqual([]);
    await addOfficialFigure(dbB, t.planCode, '2025', '88');
    expect(await valuesFrom(a)).toEqual(['88']);
    expect(await valuesFrom(b)).toEqual(['88']);
    await addOfficialFigure(dbA, t.planCode, '2025', '89');
    expect(await valuesFrom(b)).toEqual(['89']);
    expect(await valuesFrom(a)).toEqual(['89']);
  });
});
