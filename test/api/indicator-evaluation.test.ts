// One indicator's evaluation (GET /plans/{code}/indicators/{indicator}/evaluations, the indicator page) and one
// target's (GET /plans/{code}/targets/{target}/evaluations, the explanation page): exactly the plan answer's rows of
// that indicator and its sub-indicators (or of that target), byte for byte and in the same order, for every indicator
// of the bundled plans; kept ready and revalidated like the plan's answer; an approval is seen on the next read;
// unknown plans, indicators and targets are 404 in both languages; signed-in answers are not stored.
import path from 'node:path';
import { brotliDecompressSync } from 'node:zlib';
import { Ajv } from 'ajv';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EvaluationPartSchema } from '../../src/api/schemas/evaluation.ts';
import { readDatasetFolder } from '../../src/imports/dataset-folder.ts';
import { systemActor } from '../../src/services/context.ts';
import { importDataset } from '../../src/services/dataset/import-dataset.ts';
import type { EvaluationRow, IndicatorItem } from '../../web/src/data/queries.ts';
import { testDatabases } from '../helpers/databases.ts';
import { call, login, openApi, seedTenant, type Api } from './api-helpers.ts';

const DATA = path.resolve(import.meta.dirname, '../../data');
const PLANS = ['hai-phong-2025-2030', 'hai-duong-2020-2025'];

interface Answer {
  plan: unknown;
  asOf: string;
  dataBasis: string;
  publishedOn: string | null;
  computedAt: string | null;
  summary?: unknown;
  counts?: unknown;
  rows: EvaluationRow[];
}

describe.each(testDatabases)('one indicator’s evaluation on $name', (tdb) => {
  let api: Api;
  beforeAll(async () => {
    api = await openApi(tdb);
    const ctx = { db: api.db, actor: systemActor('test'), now: () => new Date() };
    await importDataset({ ctx, input: readDatasetFolder(DATA) });
  }, 600_000);
  afterAll(async () => {
    await api.close();
  });

  const get = (url: string, headers: Record<string, string> = {}) => api.app.inject({ method: 'GET', url, headers });
  const header = ({ plan, asOf, dataBasis, publishedOn, computedAt }: Answer) => ({
    plan,
    asOf,
    dataBasis,
    publishedOn,
    computedAt,
  });

  it('for every indicator of the bundled plans, its rows are the plan answer’s rows of it and its sub-indicators, byte for byte', async () => {
    const validate = new Ajv({ strict: false, allErrors: true }).compile(EvaluationPartSchema);
    for (const plan of PLANS) {
      const full = (await get(`/api/plans/${plan}/evaluations`)).json() as Answer;
      const indicators = ((await get(`/api/indicators?plan=${plan}&limit=200`)).json() as { items: IndicatorItem[] })
        .items;
      expect(indicators.length).toBeGreaterThan(10);
      let withChildren = 0;
      for (const { code } of indicators) {
        const res = await get(`/api/plans/${plan}/indicators/${encodeURIComponent(code)}/evaluations`);
        expect(res.statusCode, `${plan} ${code}: ${res.body}`).toBe(200);
        const part = res.json() as Answer;
        expect(validate(part), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
        const rows = full.rows.filter((r) => r.indicator.code === code || r.indicator.parent === code);
        expect(JSON.stringify(part.rows), `${plan} ${code}`).toBe(JSON.stringify(rows));
        expect(header(part)).toEqual(header(full));
        expect(part.summary).toBeUndefined();
        if (rows.some((r) => r.indicator.parent === code)) withChildren += 1;
      }
      // Every row of the plan is some indicator's (none is lost by the cut).
      const codes = new Set(indicators.map((i) => i.code));
      expect(full.rows.every((r) => codes.has(r.indicator.code))).toBe(true);
      if (plan === 'hai-phong-2025-2030') expect(withChildren).toBeGreaterThan(0);
      for (const row of full.rows) {
        const one = (await get(`/api/plans/${plan}/targets/${row.targetId}/evaluations`)).json() as Answer;
        expect(JSON.stringify(one.rows)).toBe(JSON.stringify(full.rows.filter((r) => r.targetId === row.targetId)));
      }
    }
  });

  it('the query options mean what they mean for the plan: the same rows as the plan answer asked the same way', async () => {
    const plan = 'hai-phong-2025-2030';
    for (const query of ['asOf=2030-12-31', 'publishedOn=2026-01-01']) {
      const full = (await get(`/api/plans/${plan}/evaluations?${query}`)).json() as Answer;
      const part = (await get(`/api/plans/${plan}/indicators/1/evaluations?${query}`)).json() as Answer;
      expect(part.rows.length).toBeGreaterThan(0);
      expect(JSON.stringify(part.rows)).toBe(
        JSON.stringify(full.rows.filter((r) => r.indicator.code === '1' || r.indicator.parent === '1')),
      );
      expect(header(part)).toEqual(header(full));
    }
    expect((await get(`/api/plans/${plan}/indicators/1/evaluations?dataBasis=all`)).statusCode).toBe(400);
  });

  it('a public answer is kept with a strong ETag: If-None-Match gives 304, brotli when asked', async () => {
    const url = '/api/plans/hai-phong-2025-2030/indicators/1/evaluations';
    const first = await get(url);
    expect(first.statusCode).toBe(200);
    expect(first.headers['cache-control']).toBe('public, max-age=30');
    const tag = first.headers.etag as string;
    expect(tag).toMatch(/^"[A-Za-z0-9_-]+"$/);
    const again = await get(url, { 'accept-encoding': 'br' });
    expect(again.headers.etag).toBe(tag);
    expect(again.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(again.rawPayload).toString()).toBe(first.body);
    expect((await get(url, { 'if-none-match': tag })).statusCode).toBe(304);
    // Another indicator is another answer.
    expect((await get('/api/plans/hai-phong-2025-2030/indicators/2/evaluations')).headers.etag).not.toBe(tag);
  });

  it('an approved figure of the indicator is seen on the next read, with a new ETag', async () => {
    const t = await seedTenant(api.db, 'part');
    const editor = await login(api.app, t.users.agency_editor.email);
    const approver = await login(api.app, t.users.approver.email);
    const url = `/api/plans/${t.planCode}/indicators/I1/evaluations`;
    const before = await get(url);
    expect(before.statusCode).toBe(200);
    expect((before.json() as Answer).rows.map((r) => r.status)).not.toContain('exceeded');
    const entered = await call(api.app, editor, {
      method: 'POST',
      url: '/api/observations',
      payload: { indicatorId: t.indicators.own, unitId: t.unitId, period: '2025', value: '96', status: 'official' },
    });
    expect(entered.statusCode, entered.body).toBe(201);
    const { id } = entered.json() as { id: string };
    const submitted = await call(api.app, editor, {
      method: 'POST',
      url: `/api/observations/${id}/submit`,
      headers: { 'if-match': entered.headers.etag as string },
    });
    expect(submitted.statusCode, submitted.body).toBe(200);
    // A submitted figure does not count yet: the same answer, 304.
    expect((await get(url, { 'if-none-match': before.headers.etag as string })).statusCode).toBe(304);
    const approved = await call(api.app, approver, {
      method: 'POST',
      url: `/api/observations/${id}/approve`,
      headers: { 'if-match': submitted.headers.etag as string },
    });
    expect(approved.statusCode, approved.body).toBe(200);
    const after = await get(url, { 'if-none-match': before.headers.etag as string });
    expect(after.statusCode).toBe(200);
    expect(after.headers.etag).not.toBe(before.headers.etag);
    expect((after.json() as Answer).rows.map((r) => r.status)).toEqual(['exceeded']);
    expect((after.json() as Answer).rows).toEqual(
      ((await get(`/api/plans/${t.planCode}/evaluations`)).json() as Answer).rows.filter(
        (r) => r.indicator.code === 'I1',
      ),
    );
  });

  it('an unknown plan, indicator or target is 404 with the problem in both languages', async () => {
    for (const url of [
      '/api/plans/no-such-plan/indicators/1/evaluations',
      '/api/plans/hai-phong-2025-2030/indicators/no-such-indicator/evaluations',
      '/api/plans/hai-phong-2025-2030/targets/00000000-0000-4000-8000-000000000000/evaluations',
    ]) {
      for (let read = 0; read < 2; read++) {
        const res = await get(url);
        expect(res.statusCode, url).toBe(404);
        expect(res.headers['content-type']).toContain('application/problem+json');
        const body = res.json() as { detail?: string; messages?: { vi: string; en: string } };
        expect(JSON.stringify(body)).toContain('Không tìm thấy');
        expect(JSON.stringify(body)).toContain('not found');
      }
    }
  });

  it('a signed-in answer is not stored by caches and carries no ETag', async () => {
    const t = await seedTenant(api.db, 'part-signed');
    const editor = await login(api.app, t.users.agency_editor.email);
    const res = await call(api.app, editor, {
      method: 'GET',
      url: `/api/plans/${t.planCode}/indicators/I1/evaluations`,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers.etag).toBeUndefined();
    expect((res.json() as Answer).rows.map((r) => r.indicator.code)).toEqual(['I1']);
    const drafts = await call(api.app, editor, {
      method: 'GET',
      url: `/api/plans/${t.planCode}/indicators/I1/evaluations?dataBasis=all`,
    });
    expect(drafts.statusCode, drafts.body).toBe(200);
    expect(drafts.headers['cache-control']).toBe('no-store');
  });
});
