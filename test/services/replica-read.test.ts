// A public read sent to a read replica that cannot answer it yet (the stored evaluation is missing or outdated there,
// as before the replica has replayed the primary's) is answered by the primary and says so; it never tries to write
// on the replica (PostgreSQL's standby refuses every write: that was a 500 on the portal).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publicActor } from '../../src/services/context.ts';
import { readPlanEvaluation } from '../../src/services/evaluations/evaluate-plan.ts';
import type { Db } from '../../src/storage/db.ts';
import { openApi, seedTenant, type Api } from '../api/api-helpers.ts';
import { testDatabases } from '../helpers/databases.ts';

const READ_ONLY = 'cannot execute INSERT in a read-only transaction';

/** A stand-in for the replica: reads pass through to the same data, every write is refused as a standby refuses it. */
function readOnly(db: Db): Db {
  return {
    ...db,
    query: (sql, params) =>
      /^\s*(select|with)\b/i.test(sql) ? db.query(sql, params) : Promise.reject(new Error(READ_ONLY)),
    exec: () => Promise.reject(new Error(READ_ONLY)),
    transaction: () => Promise.reject(new Error(READ_ONLY)),
  };
}

describe.each(testDatabases)('a read the replica cannot answer yet, on $name', (tdb) => {
  let api: Api;
  beforeAll(async () => {
    api = await openApi(tdb);
  }, 120_000);
  afterAll(async () => {
    await api.close();
  });

  it('is answered by the primary, which stores the snapshot, and the answer says so', async () => {
    const t = await seedTenant(api.db);
    const outdated = () => api.db.query('UPDATE plan_evaluations SET schema_version = 0 WHERE tenant_id = $1', [t.id]);
    await outdated();
    const replica = readOnly(api.db);
    let fromPrimary = 0;
    const answer = await readPlanEvaluation({
      ctx: {
        db: replica,
        actor: publicActor(),
        now: () => new Date(),
        primary: { db: api.db, use: () => fromPrimary++ },
      },
      input: { planCode: t.planCode },
    });
    const view = await answer.view();
    expect(fromPrimary).toBe(1);
    expect(view.rows.length).toBeGreaterThan(0);
    // Stored on the primary: the next replica read is current and stays on the replica.
    fromPrimary = 0;
    await readPlanEvaluation({
      ctx: {
        db: replica,
        actor: publicActor(),
        now: () => new Date(),
        primary: { db: api.db, use: () => fromPrimary++ },
      },
      input: { planCode: t.planCode },
    });
    expect(fromPrimary).toBe(0);
    // Without a primary to turn to, the replica's refusal is what the caller gets (no silent wrong answer).
    await outdated();
    await expect(
      readPlanEvaluation({
        ctx: { db: replica, actor: publicActor(), now: () => new Date() },
        input: { planCode: t.planCode },
      }),
    ).rejects.toThrow(READ_ONLY);
  });
});
