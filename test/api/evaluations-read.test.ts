// The evaluation read path over HTTP on both databases: honest summaries and one count of targets, the response
// schema describing real answers, cacheable public answers (ETag, 304), no-store for signed-in readers, and a
// clear 429 when evaluations computed on request exceed their bound.
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { Ajv } from 'ajv';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PlanEvaluationSchema } from '../../src/api/schemas/evaluation.ts';
import { readDatasetFolder } from '../../src/imports/dataset-folder.ts';
import { systemActor } from '../../src/services/context.ts';
import { importDataset } from '../../src/services/dataset/import-dataset.ts';
import { addVintage } from '../../src/services/observations/add-vintage.ts';
import { testDatabases } from '../helpers/databases.ts';
import { login, openApi, seedTenant, type Api } from './api-helpers.ts';

const DATA = path.resolve(import.meta.dirname, '../../data');

interface View {
  summary: { vi: string; en: string };
  counts: { targets: number; withFigures: number; noFigures: number };
  rows: { indicator: { code: string }; status: string | null }[];
}

describe.each(testDatabases)('evaluation reads on $name', (tdb) => {
  let api: Api;
  beforeAll(async () => {
    api = await openApi(tdb);
    await importDataset({
      ctx: { db: api.db, actor: systemActor('test'), now: () => new Date() },
      input: readDatasetFolder(DATA),
    });
  }, 600_000);
  afterAll(async () => {
    await api.close();
  });

  const get = (url: string, headers: Record<string, string> = {}) => api.app.inject({ method: 'GET', url, headers });

  it('a plan with no figures says how many targets have none, and the plan list counts the same targets', async () => {
    const plans = (await get('/api/plans')).json() as { items?: unknown[] } | unknown[];
    const list = (Array.isArray(plans) ? plans : (plans.items ?? [])) as {
      code: string;
      counts: { targets: number };
    }[];
    expect(list.length).toBe(3);
    for (const p of list) {
      const view = (await get(`/api/plans/${p.code}/evaluations`)).json() as View;
      expect(view.rows.length).toBe(view.counts.targets);
      expect(p.counts.targets).toBe(view.counts.targets);
    }
    const next = (await get('/api/plans/hai-phong-2025-2030/evaluations')).json() as View;
    expect(next.counts).toMatchObject({ targets: 81, withFigures: 0, noFigures: 81 });
    expect(next.summary).toEqual({ vi: '81 chỉ tiêu chưa có số liệu', en: '81 targets have no figures yet' });
    expect(next.summary.vi).not.toMatch(/0\/81/);
  });

  it('the response schema in the OpenAPI document describes every real answer', async () => {
    const validate = new Ajv({ strict: false, allErrors: true }).compile(PlanEvaluationSchema);
    for (const url of [
      '/api/plans/hai-phong-2020-2025/evaluations',
      '/api/plans/hai-phong-2025-2030/evaluations',
      '/api/plans/hai-phong-2020-2025/evaluations?publishedOn=2026-01-01',
    ]) {
      const body = (await get(url)).json() as unknown;
      expect(validate(body), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    }
  });

  it('public answers carry a strong ETag and revalidate to 304; a new figure gives a new tag on the next read', async () => {
    const url = '/api/plans/hai-phong-2020-2025/evaluations';
    const first = await get(url);
    expect(first.statusCode).toBe(200);
    expect(first.headers['cache-control']).toBe('public, max-age=30');
    const tag = first.headers.etag as string;
    expect(tag).toMatch(/^"[\w-]+"$/);
    const again = await get(url, { 'if-none-match': tag });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
    // A client that accepts gzip gets the same JSON compressed.
    const zipped = await get(url, { 'accept-encoding': 'gzip' });
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(zipped.headers.vary).toBe('accept-encoding');
    expect(JSON.parse(gunzipSync(zipped.rawPayload).toString('utf8'))).toEqual(first.json());
    // What browsers send: brotli when it is the smaller, else gzip; the same JSON either way.
    const browser = await get(url, { 'accept-encoding': 'gzip, deflate, br' });
    const coding = browser.headers['content-encoding'];
    expect(['br', 'gzip']).toContain(coding);
    const unpacked = coding === 'br' ? brotliDecompressSync(browser.rawPayload) : gunzipSync(browser.rawPayload);
    expect(JSON.parse(unpacked.toString('utf8'))).toEqual(first.json());
    // A client refusing brotli (q=0) gets gzip.
    expect((await get(url, { 'accept-encoding': 'br;q=0, gzip' })).headers['content-encoding']).toBe('gzip');
    await addVintage({
      ctx: { db: api.db, actor: systemActor('test'), now: () => new Date() },
      input: {
        planCode: 'hai-phong-2020-2025',
        indicatorCode: '1',
        period: '2021-2025',
        value: '14.6',
        status: 'official',
        source: 'Số liệu thử của bài kiểm tra',
        publishedOn: '2026-11-20',
      },
    });
    const moved = await get(url, { 'if-none-match': tag });
    expect(moved.statusCode).toBe(200);
    expect(moved.headers.etag).not.toBe(tag);
    expect((moved.json() as View).rows.find((r) => r.indicator.code === '1')?.status).toBe('exceeded');
  });

  it('an impossible date is a 400 naming the field, never a 500', async () => {
    const res = await get('/api/plans/hai-phong-2020-2025/evaluations?publishedOn=2026-02-30');
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ errors: [{ path: 'publishedOn' }] });
  });

  it('signed-in answers are not cached anywhere', async () => {
    const t = await seedTenant(api.db);
    const session = await login(api.app, t.users.reader.email);
    const res = await get(`/api/plans/${t.planCode}/evaluations`, { cookie: session.cookie });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers.etag).toBeUndefined();
  });

  it('evaluations computed on request are bounded: too many at once get 429 with a bilingual problem, never a 5xx', async () => {
    const many = await Promise.all(
      Array.from({ length: 24 }, (_, i) =>
        get(`/api/plans/hai-phong-2025-2030/evaluations?publishedOn=2026-0${1 + (i % 9)}-01`),
      ),
    );
    const statuses = many.map((r) => r.statusCode);
    expect(statuses.every((s) => s === 200 || s === 429)).toBe(true);
    const busy = many.find((r) => r.statusCode === 429);
    expect(busy?.json()).toMatchObject({ code: 'evaluation_busy', messages: { vi: expect.stringContaining('bận') } });
    expect(statuses).toContain(200);
    // The stored evaluation is served meanwhile, unbounded.
    expect((await get('/api/plans/hai-phong-2025-2030/evaluations')).statusCode).toBe(200);
  });
});
