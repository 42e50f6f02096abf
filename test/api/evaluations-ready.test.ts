// The public evaluation kept ready (serialised and compressed) by each server: a hit does no database work on PGlite
// and one version lookup on PostgreSQL, and it is never stale: a figure, a plan's own row or its tenant's changed
// shows on the next read, also when another server process on the same PostgreSQL database wrote it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../helpers/databases.ts';
import { addOfficialFigure, openTwoServers, queriesDuring, type TwoServers } from '../helpers/kept-answers.ts';
import { storeCurrentEvaluation } from '../../src/services/evaluations/recompute-evaluations.ts';
import {
  findPlanEvaluationHead,
  type PlanEvaluationHead,
} from '../../src/storage/repositories/plan-evaluations-repo.ts';
import { openApi, seedTenant, type Api } from './api-helpers.ts';

interface View {
  plan: { name: string; exceededAs: string };
  rows: { indicator: { code: string }; status: string | null; actual: { value: string | null } | null }[];
}

describe.each(testDatabases)('public evaluations kept ready on $name', (tdb) => {
  let api: Api;
  beforeAll(async () => {
    api = await openApi(tdb);
  }, 120_000);
  afterAll(async () => {
    await api.close();
  });
  const get = (url: string, headers: Record<string, string> = {}) => api.app.inject({ method: 'GET', url, headers });

  it('a hit does no database work on PGlite and one version lookup on PostgreSQL', async () => {
    const t = await seedTenant(api.db, 'ready');
    const url = `/api/plans/${t.planCode}/evaluations`;
    // The first read stores the plan's evaluation (none was stored yet); the next builds the answer from it.
    expect((await get(url)).statusCode).toBe(200);
    const first = await get(url);
    expect(first.statusCode).toBe(200);
    let again: Awaited<ReturnType<typeof get>> | undefined;
    const n = await queriesDuring(api.db, async () => {
      again = await get(url, { 'accept-encoding': 'gzip' });
    });
    expect(n).toBe(api.db.exclusive ? 0 : 1);
    expect(again?.headers['content-encoding']).toBe('gzip');
    expect(again?.headers.etag).toBe(first.headers.etag);
    expect((await get(url, { 'if-none-match': first.headers.etag as string })).statusCode).toBe(304);
  });

  it('a figure, the plan row and the tenant row changed are each seen on the next read, with a new ETag', async () => {
    const t = await seedTenant(api.db, 'ready');
    const url = `/api/plans/${t.planCode}/evaluations`;
    const before = await get(url);
    expect((before.json() as View).rows.find((r) => r.indicator.code === 'I1')?.status).not.toBe('exceeded');
    await addOfficialFigure(api.db, t.planCode, '2025', '96');
    const moved = await get(url);
    expect(moved.headers.etag).not.toBe(before.headers.etag);
    expect((moved.json() as View).rows.find((r) => r.indicator.code === 'I1')?.status).toBe('exceeded');
    // Written behind the services, straight to the rows the answer is built from.
    await api.db.query("UPDATE plans SET name = 'Nghị quyết đã đổi tên' WHERE code = $1", [t.planCode]);
    const renamed = await get(url);
    expect((renamed.json() as View).plan.name).toBe('Nghị quyết đã đổi tên');
    expect(renamed.headers.etag).not.toBe(moved.headers.etag);
    // The plan's display setting: an exceeded target is then told as met (the answer says which).
    await api.db.query(`UPDATE plans SET settings = '{"display": {"exceededAs": "met"}}' WHERE code = $1`, [
      t.planCode,
    ]);
    const retold = await get(url);
    expect(retold.headers.etag).not.toBe(renamed.headers.etag);
    expect((retold.json() as View).plan.exceededAs).toBe('met');
    // A tenant row changed in a way this answer does not show: rebuilt, the same bytes, so the same strong ETag.
    await api.db.query(`UPDATE tenants SET settings = '{"unrelated": true}' WHERE id = $1`, [t.id]);
    const same = await get(url);
    expect(same.body).toBe(retold.body);
    expect(same.headers.etag).toBe(retold.headers.etag);
  });

  it('a recompute that finds the same rows keeps the stored row, so the kept answer is not rebuilt', async () => {
    const t = await seedTenant(api.db, 'ready');
    const url = `/api/plans/${t.planCode}/evaluations`;
    // (An approved figure the plan's targets do not read, e.g. a commune's, recomputes the plan and finds this.)
    const recompute = async () => {
      const head = await findPlanEvaluationHead(api.db, t.id, t.planCode);
      await api.db.transaction((tx) => storeCurrentEvaluation(tx, head as PlanEvaluationHead, new Date()));
    };
    await recompute();
    const before = await get(url);
    const computedAt = (before.json() as { computedAt: string }).computedAt;
    await recompute();
    let again: Awaited<ReturnType<typeof get>> | undefined;
    const n = await queriesDuring(api.db, async () => {
      again = await get(url);
    });
    // One version lookup (the write count moved on PGlite too) and no rebuild: the same bytes, tag and computedAt.
    expect(n).toBe(1);
    expect(again?.headers.etag).toBe(before.headers.etag);
    expect((again?.json() as { computedAt: string }).computedAt).toBe(computedAt);
    // A figure that changes a row is still seen on the next read.
    await addOfficialFigure(api.db, t.planCode, '2025', '96');
    const moved = await get(url);
    expect(moved.headers.etag).not.toBe(before.headers.etag);
    expect((moved.json() as View).rows.find((r) => r.indicator.code === 'I1')?.actual?.value).toBe('96');
  });
});

// Two server processes on one PostgreSQL database, each with its own connection pool and its own ready answers.
const url = process.env.TEST_DATABASE_URL;
describe.runIf(url !== undefined)('two servers on one PostgreSQL database', () => {
  let two: TwoServers;
  beforeAll(async () => {
    two = await openTwoServers(url as string);
  }, 120_000);
  afterAll(async () => two?.close());

  it('a write through one server is seen on the next read from the other', async () => {
    const [a, b] = two.servers;
    const [dbA, dbB] = two.dbs;
    const t = await seedTenant(dbB, 'two');
    const path = `/api/plans/${t.planCode}/evaluations`;
    const read = async () => (await a.inject({ method: 'GET', url: path })).json() as View;
    expect((await read()).rows.find((r) => r.indicator.code === 'I1')?.status).not.toBe('exceeded');
    expect((await read()).rows.find((r) => r.indicator.code === 'I1')?.status).not.toBe('exceeded');
    await addOfficialFigure(dbB, t.planCode, '2025', '97');
    expect((await read()).rows.find((r) => r.indicator.code === 'I1')?.actual?.value).toBe('97');
    await dbB.query("UPDATE plans SET name = 'Tên mới từ máy chủ kia' WHERE code = $1", [t.planCode]);
    expect((await read()).plan.name).toBe('Tên mới từ máy chủ kia');
    // And the other way round: the first server's own write, read through the second.
    const fromB = async () => (await b.inject({ method: 'GET', url: path })).json() as View;
    expect((await fromB()).plan.name).toBe('Tên mới từ máy chủ kia');
    await addOfficialFigure(dbA, t.planCode, '2025', '98');
    expect((await fromB()).rows.find((r) => r.indicator.code === 'I1')?.actual?.value).toBe('98');
  });
});
