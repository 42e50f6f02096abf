// A write's recompute and a submission's story check evaluate the plan on a worker thread (plan-evaluation-thread.ts),
// so the server's event loop keeps answering: what it stores is exactly what the calling thread's evaluation gives
// (rows, their JSON text and digest), and the rows the story check reads are the calling thread's, on both databases.
import { threadId } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../src/services/context.ts';
import { evaluatePlanSnapshot } from '../../src/core/plan-evaluation/index.ts';
import {
  evaluateForStore,
  evaluateOffThread,
  evaluateRowsOffThread,
} from '../../src/services/evaluations/plan-evaluation-thread.ts';
import { loadEvaluationSnapshot } from '../../src/services/evaluations/evaluation-snapshot.ts';
import { asOfMonth, digestOf } from '../../src/services/evaluations/recompute-evaluations.ts';
import { addVintage } from '../../src/services/observations/add-vintage.ts';
import type { Db } from '../../src/storage/db.ts';
import { findPlanEvaluationHead } from '../../src/storage/repositories/plan-evaluations-repo.ts';
import { seedTenant } from '../api/api-helpers.ts';
import { openMigrated, testDatabases } from '../helpers/databases.ts';

describe.each(testDatabases)('plan evaluation on its thread, $name', (tdb) => {
  let db: Db;
  beforeAll(async () => {
    db = await openMigrated(tdb);
  });
  afterAll(async () => {
    await db.close();
  });

  it('stores what the calling thread would, and the thread gives the same rows, text and digest', async () => {
    const t = await seedTenant(db, 'thread');
    const now = new Date();
    // An official vintage recomputes and stores the plan's evaluation (through the thread).
    await addVintage({
      ctx: { db, actor: systemActor('test', t.id), now: () => now },
      input: {
        planCode: t.planCode,
        indicatorCode: 'I1',
        period: '2025',
        value: '96',
        status: 'official',
        source: 'Niên giám thử',
        publishedOn: '2026-03-01',
      },
    });
    const head = await findPlanEvaluationHead(db, t.id, t.planCode);
    if (!head) throw new Error('no plan');
    const snapshot = await loadEvaluationSnapshot(db, head, { approvedOnly: true, publishedOn: null });
    const asOf = now.toISOString().slice(0, 10);
    const here = evaluateForStore(snapshot, asOfMonth(now), asOf);
    const there = await evaluateOffThread(snapshot, asOfMonth(now), asOf);
    // Evaluated on another thread than this one (the calling thread's fallback would give this thread's id).
    expect(here.threadId).toBe(threadId);
    expect(there.threadId).not.toBe(threadId);
    expect(there.rowsJson).toBe(here.rowsJson);
    expect(there.digest).toBe(here.digest);
    expect(there.digest).toBe(digestOf(asOf, here.rows));
    expect(JSON.stringify(there.rows)).toBe(here.rowsJson);
    expect(there.counts).toEqual(here.counts);
    expect(here.rows.find((r) => r.indicator.code === 'I1')?.actual.value).toBe('96');
    const [stored] = await db.query<{ digest: string; rows: unknown }>(
      'SELECT digest, rows FROM plan_evaluations WHERE tenant_id = $1 AND plan_id = $2',
      [t.id, head.id],
    );
    expect(stored?.digest).toBe(here.digest);
    expect(stored?.rows).toEqual(JSON.parse(here.rowsJson));
  });

  it('gives a story check the calling thread’s rows of the targets it asks for, and only those', async () => {
    const t = await seedTenant(db, 'thread-rows');
    const head = await findPlanEvaluationHead(db, t.id, t.planCode);
    if (!head) throw new Error('no plan');
    // Drafts and submissions included, as the story check reads them.
    const snapshot = await loadEvaluationSnapshot(db, head, { approvedOnly: false, publishedOn: null });
    const now = new Date();
    const here = evaluatePlanSnapshot(snapshot, asOfMonth(now));
    const asked = snapshot.targets.slice(0, 1).map((x) => x.target_id);
    expect(asked.length).toBe(1);
    const there = await evaluateRowsOffThread(snapshot, asOfMonth(now), asked);
    expect(there.threadId).not.toBe(threadId);
    expect(there.rows.map((r) => r.targetId)).toEqual(asked);
    expect(JSON.stringify(there.rows)).toBe(JSON.stringify(here.rows.filter((r) => asked.includes(r.targetId))));
    expect(there.counts).toEqual(here.counts);
    expect(here.rows.length).toBeGreaterThan(0);
    expect((await evaluateRowsOffThread(snapshot, asOfMonth(now), [])).rows).toEqual([]);
  });
});
