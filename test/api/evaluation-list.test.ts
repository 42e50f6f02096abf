// The plan's evaluation as its lists show it (GET /plans/{code}/evaluations/list, docs/decisions/0010-evaluation-list.md):
// each row is the full row with fields left out, never a value changed; the overview built from it is exactly the
// overview built from the full rows, in both languages; its schema describes real answers; it is kept ready and
// revalidated like the full answer, with its own tag; and it is much smaller than the full answer.
import path from 'node:path';
import { brotliDecompressSync } from 'node:zlib';
import { Ajv } from 'ajv';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PlanEvaluationListSchema } from '../../src/api/schemas/evaluation.ts';
import { readDatasetFolder } from '../../src/imports/dataset-folder.ts';
import { systemActor } from '../../src/services/context.ts';
import { importDataset } from '../../src/services/dataset/import-dataset.ts';
import { addVintage } from '../../src/services/observations/add-vintage.ts';
import { overviewRows } from '../../web/src/data/overview-rows.ts';
import type { EvaluationListRow, EvaluationRow, IndicatorItem } from '../../web/src/data/queries.ts';
import { testDatabases } from '../helpers/databases.ts';
import { login, openApi, seedTenant, type Api } from './api-helpers.ts';

const DATA = path.resolve(import.meta.dirname, '../../data');
const PLANS = ['hai-phong-2020-2025', 'hai-phong-2025-2030', 'hai-duong-2020-2025'];

interface Answer<R> {
  plan: unknown;
  asOf: string;
  summary: unknown;
  counts: unknown;
  rows: R[];
}

/** Where `part` has a value that `whole` does not have at the same place (null when `part` only leaves things out). */
function notIn(part: unknown, whole: unknown, at = ''): string | null {
  if (part === null || typeof part !== 'object') return Object.is(part, whole) ? null : `${at}: ${String(part)}`;
  if (whole === null || typeof whole !== 'object') return `${at}: not an object in the full row`;
  if (Array.isArray(part)) {
    if (!Array.isArray(whole) || whole.length !== part.length) return `${at}: another list`;
    for (const [i, x] of part.entries()) {
      const miss = notIn(x, whole[i], `${at}[${i}]`);
      if (miss) return miss;
    }
    return null;
  }
  for (const [k, v] of Object.entries(part)) {
    if (!(k in whole)) return `${at}.${k}: not in the full row`;
    const miss = notIn(v, (whole as Record<string, unknown>)[k], `${at}.${k}`);
    if (miss) return miss;
  }
  return null;
}

describe.each(testDatabases)('the evaluation list on $name', (tdb) => {
  let api: Api;
  beforeAll(async () => {
    api = await openApi(tdb);
    const ctx = { db: api.db, actor: systemActor('test'), now: () => new Date() };
    await importDataset({ ctx, input: readDatasetFolder(DATA) });
    // A running term with a figure: the row carries a forecast with its fan and an average achieved so far.
    await addVintage({
      ctx,
      input: {
        planCode: 'hai-phong-2025-2030',
        indicatorCode: '1',
        period: '2026',
        value: '10.2',
        status: 'official',
        source: 'Số liệu thử của bài kiểm tra',
        publishedOn: '2026-06-30',
      },
    });
  }, 600_000);
  afterAll(async () => {
    await api.close();
  });

  const get = (url: string, headers: Record<string, string> = {}) => api.app.inject({ method: 'GET', url, headers });
  const indicatorsOf = async (plan: string) =>
    ((await get(`/api/indicators?plan=${plan}&limit=200`)).json() as { items: IndicatorItem[] }).items;

  it('each list row is its full row with fields left out: the same rows in the same order, no value changed', async () => {
    const validate = new Ajv({ strict: false, allErrors: true }).compile(PlanEvaluationListSchema);
    for (const plan of PLANS) {
      const full = (await get(`/api/plans/${plan}/evaluations`)).json() as Answer<EvaluationRow>;
      const list = (await get(`/api/plans/${plan}/evaluations/list`)).json() as Answer<EvaluationListRow>;
      expect(validate(list), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
      expect(list.rows.map((r) => r.targetId)).toEqual(full.rows.map((r) => r.targetId));
      expect({ ...list, rows: [] }).toEqual({ ...full, rows: [] });
      for (const [i, row] of list.rows.entries())
        expect(notIn(row, full.rows[i]), `${plan} ${row.targetId}`).toBeNull();
    }
  });

  it('the overview built from the list is exactly the overview built from the full rows, in both languages', async () => {
    for (const plan of PLANS) {
      const full = (await get(`/api/plans/${plan}/evaluations`)).json() as Answer<EvaluationRow>;
      const list = (await get(`/api/plans/${plan}/evaluations/list`)).json() as Answer<EvaluationListRow>;
      const indicators = await indicatorsOf(plan);
      // The full rows read as list rows: the fields the overview reads have the same names (that is the point).
      const fullRows = full.rows as unknown as EvaluationListRow[];
      for (const locale of ['vi', 'en'] as const)
        expect(overviewRows(list.rows, indicators, locale)).toEqual(overviewRows(fullRows, indicators, locale));
    }
    // What the lists show is really there: a forecast with its sentence, a pace achieved, a composite's count, a
    // data date, a row not counted.
    const shown = overviewRows(
      ((await get('/api/plans/hai-phong-2025-2030/evaluations/list')).json() as Answer<EvaluationListRow>).rows,
      await indicatorsOf('hai-phong-2025-2030'),
      'vi',
    );
    const one = shown.find((r) => r.code === '1');
    expect(one?.forecast).toMatchObject({ pMet: expect.any(Number), sentence: expect.stringContaining('2030') });
    expect(one?.paceAchieved).not.toBeNull();
    expect(one?.dataDate).toBe('2026-06-30');
    expect(shown.some((r) => r.composite !== null)).toBe(true);
  });

  it('the detail the lists do not show stays in the full rows only', async () => {
    const full = (await get('/api/plans/hai-phong-2025-2030/evaluations')).json() as Answer<EvaluationRow>;
    const list = (await get('/api/plans/hai-phong-2025-2030/evaluations/list')).json() as Answer<EvaluationListRow>;
    expect(full.rows.some((r) => r.baseline !== undefined)).toBe(true);
    // The forecast's interval, method and model inputs are the full row's (the indicator page's).
    expect(full.rows.some((r) => r.forecast !== null && 'interval' in r.forecast)).toBe(true);
    for (const r of list.rows) {
      const keys = Object.keys(r);
      for (const k of ['baseline', 'unitCounts', 'period', 'reported', 'projection', 'achievement'])
        expect(keys).not.toContain(k);
      expect(Object.keys(r.target)).toEqual(['kind', 'text']);
      if (r.forecast && !('unavailable' in r.forecast))
        expect(Object.keys(r.forecast).sort()).toEqual(['pMet', 'sentence']);
    }
  });

  it('is kept ready with its own strong tag, revalidates to 304, moves with a new figure, and is far smaller', async () => {
    const url = '/api/plans/hai-phong-2025-2030/evaluations/list';
    const first = await get(url, { 'accept-encoding': 'gzip, deflate, br' });
    expect(first.statusCode).toBe(200);
    expect(first.headers['cache-control']).toBe('public, max-age=30');
    const tag = first.headers.etag as string;
    const fullAnswer = await get('/api/plans/hai-phong-2025-2030/evaluations', {
      'accept-encoding': 'gzip, deflate, br',
    });
    expect(tag).not.toBe(fullAnswer.headers.etag);
    expect(first.headers['content-encoding']).toBe('br');
    const body = JSON.parse(brotliDecompressSync(first.rawPayload).toString('utf8')) as Answer<EvaluationListRow>;
    expect(body).toEqual((await get(url)).json());
    expect((await get(url, { 'if-none-match': tag })).statusCode).toBe(304);
    // The lists' answer is at most three quarters of the full one, compressed as browsers get it (this plan has
    // one figure; with figures the forecasts' fans and the inputs make the full answer grow faster than the list).
    expect(first.rawPayload.length).toBeLessThan((fullAnswer.rawPayload.length * 3) / 4);
    await addVintage({
      ctx: { db: api.db, actor: systemActor('test'), now: () => new Date() },
      input: {
        planCode: 'hai-phong-2025-2030',
        indicatorCode: '1',
        period: '2026',
        value: '10.4',
        status: 'official',
        source: 'Số liệu thử của bài kiểm tra, lần hai',
        publishedOn: '2026-07-31',
      },
    });
    const moved = await get(url, { 'if-none-match': tag });
    expect(moved.statusCode).toBe(200);
    expect(moved.headers.etag).not.toBe(tag);
    const row = (moved.json() as Answer<EvaluationListRow>).rows.find((r) => r.indicator.code === '1');
    expect(row?.actual.value).toBe('10.4');
  });

  it('on other terms and to a signed-in reader it is computed like the full answer, cut the same way, never cached', async () => {
    const asked = '/api/plans/hai-phong-2020-2025/evaluations/list?publishedOn=2026-01-01';
    const full = (await get(asked.replace('/list', ''))).json() as Answer<EvaluationRow>;
    const list = (await get(asked)).json() as Answer<EvaluationListRow>;
    for (const [i, row] of list.rows.entries()) expect(notIn(row, full.rows[i])).toBeNull();
    const t = await seedTenant(api.db);
    const session = await login(api.app, t.users.reader.email);
    const signedIn = await get(`/api/plans/${t.planCode}/evaluations/list`, { cookie: session.cookie });
    expect(signedIn.statusCode).toBe(200);
    expect(signedIn.headers['cache-control']).toBe('no-store');
    expect(signedIn.headers.etag).toBeUndefined();
  });
});
