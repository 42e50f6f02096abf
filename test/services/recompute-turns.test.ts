// Writes that move a plan's evaluation while another recompute of it runs: the stored evaluation (what reads and the
// kept public answers serve) ends up reflecting every committed write. On PostgreSQL the interleaving is forced, not
// timed: a holder transaction keeps both the plan's turn and its stored row locked, the writes are started one after
// the other and seen waiting (pg_blocking_pids), then the holder lets go. Without the turn each write read its
// inputs before waiting on the row, and the last to store wrote its stale result over the other's (a lost update).
// PGlite runs one transaction at a time, so there the same writes at once must simply all be seen.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor, type ServiceContext } from '../../src/services/context.ts';
import { evaluatePlan } from '../../src/services/evaluations/evaluate-plan.ts';
import { recordOverride } from '../../src/services/evaluations/record-override.ts';
import { addVintage } from '../../src/services/observations/add-vintage.ts';
import type { Db } from '../../src/storage/db.ts';
import { readStoredRows, takeEvaluationTurns } from '../../src/storage/repositories/plan-evaluations-repo.ts';
import { seedTenant, type Tenant } from '../api/api-helpers.ts';
import { openMigrated, testDatabases } from '../helpers/databases.ts';

const NOW = new Date('2026-11-25T00:00:00Z');

/** The seeded tenant with a second target (I2 above 95 %), and its stored evaluation made. */
async function tenantWithTwoTargets(db: Db, prefix: string): Promise<{ t: Tenant; ctx: ServiceContext }> {
  const t = await seedTenant(db, prefix);
  await db.query(
    `INSERT INTO targets (tenant_id, plan_id, indicator_id, unit_id, kind, spec, text, first_year, last_year)
     SELECT tenant_id, plan_id, $2, unit_id, kind, spec, text, first_year, last_year FROM targets
      WHERE tenant_id = $1 AND indicator_id = $3`,
    [t.id, t.indicators.other, t.indicators.own],
  );
  const ctx: ServiceContext = { db, actor: systemActor('test', t.id), now: () => NOW };
  await evaluatePlan({ ctx, input: { planCode: t.planCode } });
  return { t, ctx };
}

const vintage = (ctx: ServiceContext, t: Tenant, indicatorCode: string, value: string) =>
  addVintage({
    ctx,
    input: {
      planCode: t.planCode,
      indicatorCode,
      period: '2025',
      value,
      status: 'official',
      source: 'Niên giám thống kê thử',
      publishedOn: '2026-11-20',
    },
  });

/** What the stored evaluation says of each indicator: its figure and verdict (or the override's). */
async function stored(db: Db, t: Tenant): Promise<Record<string, unknown>> {
  const found = await readStoredRows(db, t.id, await planIdOf(db, t));
  return Object.fromEntries(
    (found?.rows ?? []).map((r) => [r.indicator.code, [r.actual.value, r.override?.status ?? r.status]]),
  );
}

async function planIdOf(db: Db, t: Tenant): Promise<string> {
  const rows = await db.query<{ id: string }>('SELECT id FROM plans WHERE tenant_id = $1 AND code = $2', [
    t.id,
    t.planCode,
  ]);
  return rows[0]?.id ?? '';
}

for (const database of testDatabases) {
  describe(`writes during a plan's recompute (${database.name})`, () => {
    let db: Db;
    beforeAll(async () => {
      db = await openMigrated(database);
    });
    afterAll(async () => db.close());

    /**
     * On PostgreSQL: holds the plan's turn and its stored row until `go()`; `waiting(n)` resolves once n other
     * connections wait on the holder, directly or in its queue. On PGlite (one transaction at a time) there is nothing to hold.
     */
    async function holdPlan(t: Tenant): Promise<{ waiting: (n: number) => Promise<void>; go: () => Promise<void> }> {
      if (database.name === 'pglite') return { waiting: async () => undefined, go: async () => undefined };
      let release = (): void => undefined;
      const held = new Promise<void>((r) => (release = r));
      let holderPid = 0;
      let taken = (): void => undefined;
      const isTaken = new Promise<void>((r) => (taken = r));
      const planId = await planIdOf(db, t);
      const holder = db.transaction(async (tx) => {
        await takeEvaluationTurns(tx, [planId]);
        await tx.query('SELECT 1 FROM plan_evaluations WHERE tenant_id = $1 AND plan_id = $2 FOR UPDATE', [
          t.id,
          planId,
        ]);
        holderPid = (await tx.query<{ pid: number }>('SELECT pg_backend_pid() AS pid'))[0]?.pid ?? 0;
        taken();
        await held;
      });
      await isTaken;
      const blocked = async () =>
        (
          await db.query<{ n: number }>(
            // Waiting on the holder, or on one that waits on it (a row's second waiter queues behind the first).
            `WITH RECURSIVE w(pid) AS (
               SELECT pid FROM pg_stat_activity WHERE $1::int = ANY(pg_blocking_pids(pid))
               UNION SELECT a.pid FROM pg_stat_activity a JOIN w ON w.pid = ANY(pg_blocking_pids(a.pid)))
             SELECT count(*)::int AS n FROM w`,
            [holderPid],
          )
        )[0]?.n ?? 0;
      return {
        waiting: async (n) => {
          await expect.poll(blocked, { timeout: 20_000, interval: 20 }).toBe(n);
        },
        go: async () => {
          release();
          await holder;
        },
      };
    }

    it('two official vintages of two indicators, the second written while the first recompute runs, are both in the stored evaluation', async () => {
      const { t, ctx } = await tenantWithTwoTargets(db, 'turns-vv');
      const hold = await holdPlan(t);
      const first = vintage(ctx, t, 'I1', '96');
      await hold.waiting(1);
      const second = vintage(ctx, t, 'I2', '94');
      await hold.waiting(2);
      await hold.go();
      await Promise.all([first, second]);
      expect(await stored(db, t)).toEqual({ I1: ['96', 'exceeded'], I2: ['94', 'not_met'] });
      // What a reader is served is that stored evaluation.
      const read = await evaluatePlan({ ctx, input: { planCode: t.planCode } });
      expect(read.rows.map((r) => [r.indicator.code, r.actual.value])).toEqual([
        ['I1', '96'],
        ['I2', '94'],
      ]);
    });

    it('an override recorded while a vintage recompute runs keeps the vintage, and the vintage keeps the override', async () => {
      const { t, ctx } = await tenantWithTwoTargets(db, 'turns-vo');
      const hold = await holdPlan(t);
      const figure = vintage(ctx, t, 'I1', '96');
      await hold.waiting(1);
      const override = recordOverride({
        ctx,
        input: { planCode: t.planCode, indicatorCode: 'I2', status: 'met', reason: 'Kết luận của Ban Thường vụ' },
      });
      await hold.waiting(2);
      await hold.go();
      await Promise.all([figure, override]);
      expect(await stored(db, t)).toEqual({ I1: ['96', 'exceeded'], I2: [null, 'met'] });
    });

    it('a reader refreshing an outdated stored evaluation while a vintage is written never stores over the vintage', async () => {
      const { t, ctx } = await tenantWithTwoTargets(db, 'turns-rv');
      // An older row schema: the next read recomputes and stores it (evaluate-plan.ts, refresh).
      await db.query('UPDATE plan_evaluations SET schema_version = 0 WHERE tenant_id = $1', [t.id]);
      const hold = await holdPlan(t);
      const figure = vintage(ctx, t, 'I1', '96');
      await hold.waiting(1);
      const reading = evaluatePlan({ ctx, input: { planCode: t.planCode } });
      await hold.waiting(2);
      await hold.go();
      await Promise.all([figure, reading]);
      expect(await stored(db, t)).toEqual({ I1: ['96', 'exceeded'], I2: [null, 'no_data'] });
    });
  });
}
