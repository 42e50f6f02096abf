// The plan list over HTTP on both databases (the portal's first page on a results day): the public answer is
// prepared once per version (strong ETag, 304 on revalidation, the same JSON gzipped), signed-in answers are
// no-store, and every write that changes a plan's counts shows on the next read, with a new tag, because the database
// keeps each plan's counts (plan_summaries) after every statement: the stored counts always equal a fresh count.
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readPlanSummary, refreshPlanSummaries } from '../../src/storage/repositories/plans-repo.ts';
import { testDatabases } from '../helpers/databases.ts';
import { call, login, openApi, seedTenant, type Api, type Session, type Tenant } from './api-helpers.ts';

interface Listed {
  code: string;
  counts: { indicators: number; targets: number; tasks: number; projects: number; breakthroughs: number };
}

const SPEC = {
  kind: 'threshold',
  direction: 'higher_better',
  term: { firstYear: 2025, lastYear: 2030 },
  op: '>=',
  value: '80',
  year: 2030,
  precision: 0,
};

describe.each(testDatabases)('the plan list on $name', (database) => {
  let api: Api;
  let t: Tenant;
  let owner: Session;
  let planId: string;
  beforeAll(async () => {
    api = await openApi(database);
    t = await seedTenant(api.db);
    owner = await login(api.app, t.users.plan_owner.email);
    planId = (await api.db.query<{ id: string }>('SELECT id FROM plans WHERE code = $1', [t.planCode]))[0]
      ?.id as string;
  }, 120_000);
  afterAll(async () => api?.close());

  const publicList = (headers: Record<string, string> = {}) =>
    api.app.inject({ method: 'GET', url: `/api/plans?tenant=${t.code}`, headers });
  const countsOf = async () => {
    const res = await publicList();
    expect(res.statusCode).toBe(200);
    const plan = (res.json() as { items: Listed[] }).items.find((p) => p.code === t.planCode);
    return { counts: plan?.counts, tag: res.headers.etag as string };
  };
  /** The stored summary equals a fresh count of the plan's outline (counted again and rolled back). */
  const storedIsExact = async () => {
    const stored = await readPlanSummary(api.db, planId);
    const fresh = await api.db
      .transaction(async (tx) => {
        await refreshPlanSummaries(tx, [planId]);
        const counted = await readPlanSummary(tx, planId);
        throw Object.assign(new Error('roll back'), { counted });
      })
      .catch((e: { counted?: unknown }) => e.counted);
    expect(stored).toEqual(fresh);
    return stored;
  };

  it('the public list is cacheable: a strong ETag, 304 on revalidation, the same JSON gzipped', async () => {
    const first = await publicList();
    expect(first.statusCode).toBe(200);
    expect(first.headers['cache-control']).toBe('public, max-age=30');
    const tag = first.headers.etag as string;
    expect(tag).toMatch(/^"[\w-]+"$/);
    const again = await publicList({ 'if-none-match': tag });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
    const zipped = await publicList({ 'accept-encoding': 'gzip' });
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(zipped.headers.vary).toBe('accept-encoding');
    expect(JSON.parse(gunzipSync(zipped.rawPayload).toString('utf8'))).toEqual(first.json());
    // What browsers send: brotli when it is the smaller, else gzip; the same JSON either way.
    const browser = await publicList({ 'accept-encoding': 'gzip, deflate, br' });
    const coding = browser.headers['content-encoding'];
    expect(['br', 'gzip']).toContain(coding);
    const unpacked = coding === 'br' ? brotliDecompressSync(browser.rawPayload) : gunzipSync(browser.rawPayload);
    expect(JSON.parse(unpacked.toString('utf8'))).toEqual(first.json());
    // A client refusing brotli (q=0) gets gzip.
    expect((await publicList({ 'accept-encoding': 'br;q=0, gzip' })).headers['content-encoding']).toBe('gzip');
    expect((first.json() as { items: Listed[] }).items.map((p) => p.code)).toEqual([t.planCode]);
  });

  it('a signed-in answer is no-store and shows the same counts', async () => {
    const res = await call(api.app, owner, { method: 'GET', url: '/api/plans' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers.etag).toBeUndefined();
    const mine = (res.json() as { items: Listed[] }).items.find((p) => p.code === t.planCode);
    expect(mine?.counts).toEqual((await countsOf()).counts);
  });

  it('every write that changes a count shows on the next read with a new tag, and the stored counts stay exact', async () => {
    let last = await countsOf();
    expect(last.counts).toEqual(await storedIsExact());
    const expectChange = async (change: Partial<Listed['counts']>) => {
      const next = await countsOf();
      expect(next.counts).toEqual({ ...last.counts, ...change });
      expect(next.tag).not.toBe(last.tag);
      expect(next.counts).toEqual(await storedIsExact());
      last = next;
    };
    const add = async (kind: string, payload: object) => {
      const res = await call(api.app, owner, { method: 'POST', url: `/api/plans/${t.planCode}/${kind}`, payload });
      expect(res.statusCode, res.body).toBe(201);
    };
    const c = last.counts as Listed['counts'];
    await add('tasks', { code: '9', title: 'Nhiệm vụ mới', reason: 'Bổ sung' });
    await expectChange({ tasks: c.tasks + 1 });
    await add('projects', { code: 'DA-9', title: 'Dự án mới', reason: 'Bổ sung' });
    await expectChange({ projects: c.projects + 1 });
    await add('breakthroughs', { code: 'DP-9', title: 'Đột phá mới', reason: 'Bổ sung' });
    await expectChange({ breakthroughs: c.breakthroughs + 1 });
    // A new target cites a place in a document of the plan: the plan's own resolution, given here.
    await api.db.query(
      `WITH d AS (INSERT INTO documents (tenant_id, kind, title) VALUES ($1, 'council_resolution', 'Nghị quyết thử') RETURNING id)
       UPDATE plans SET document_id = (SELECT id FROM d) WHERE id = $2`,
      [t.id, planId],
    );
    await add('indicators', {
      code: 'CT-9',
      name: 'Tỷ lệ mới',
      unitOfMeasure: '%',
      measure: 'share',
      target: { text: 'Đạt trên 80%', spec: SPEC, citation: { page: 4 } },
      reason: 'Bổ sung',
    });
    await expectChange({ indicators: c.indicators + 1, targets: c.targets + 1 });
    // A target taken out of force no longer counts; a plan moved to another unit counts only that unit's targets.
    await api.db.query(
      `UPDATE targets SET stage = 'draft' WHERE plan_id = $1 AND indicator_id = (SELECT id FROM indicators WHERE plan_id = $1 AND code = 'CT-9')`,
      [planId],
    );
    await expectChange({ targets: c.targets });
    await api.db.query('DELETE FROM tasks WHERE plan_id = $1 AND code = $2', [planId, '9']);
    await expectChange({ tasks: c.tasks });
    // Nothing changed: the same tag, and a write elsewhere does not change it.
    const same = await countsOf();
    expect(same.tag).toBe(last.tag);
  });
});
