import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor, type ServiceContext } from '../../src/services/context.ts';
import { evaluatePlan } from '../../src/services/evaluations/evaluate-plan.ts';
import type { Db } from '../../src/storage/db.ts';
import { createTenant, openMigrated, testDatabases } from '../helpers/databases.ts';

describe.each(testDatabases)('units meeting a standard on $name', (tdb) => {
  let db: Db;
  let ctx: ServiceContext;
  beforeAll(async () => {
    db = await openMigrated(tdb);
    ctx = { db, actor: systemActor('test'), now: () => new Date('2027-06-30T00:00:00Z') };
  });
  afterAll(async () => {
    await db.close();
  });

  it('counts "N/M xã" over the communes valid at the year’s end, so a commune merged away mid-year is not in the denominator', async () => {
    const t = await createTenant(db);
    const one = async (sql: string, p: unknown[]): Promise<string> =>
      ((await db.query<{ id: string }>(sql, p))[0] as { id: string }).id;
    const city = await one(
      `INSERT INTO units (tenant_id, code, name, level, valid_from) VALUES ($1,'31','Thành phố thử','province',NULL) RETURNING id`,
      [t.id],
    );
    const commune = (code: string, from: string | null, to: string | null) =>
      one(
        `INSERT INTO units (tenant_id, code, name, level, parent_id, valid_from, valid_to) VALUES ($1,$2,$3,'commune',$4,$5,$6) RETURNING id`,
        [t.id, code, `Xã ${code}`, city, from, to],
      );
    const ids = {
      a: await commune('11311', null, null),
      b: await commune('11312', null, null),
      c: await commune('11313', null, null),
      d: await commune('11314', null, null),
      closed: await commune('11315', null, '2026-06-30'),
      added: await commune('11316', '2026-07-01', null),
    };
    const plan = await one(
      `INSERT INTO plans (tenant_id, code, name, unit_id, first_year, last_year) VALUES ($1,'nong-thon-moi','Kế hoạch thử',$2,2026,2026) RETURNING id`,
      [t.id, city],
    );
    const ind = await one(
      `INSERT INTO indicators (tenant_id, plan_id, code, name, unit_of_measure, measure) VALUES ($1,$2,'1','Tỷ lệ xã đạt chuẩn nông thôn mới nâng cao','%','share') RETURNING id`,
      [t.id, plan],
    );
    const spec = {
      kind: 'units_meeting_standard',
      direction: 'higher_better',
      term: { firstYear: 2026, lastYear: 2026 },
      share: '60',
      standard: 'nông thôn mới nâng cao',
      year: 2026,
    };
    await db.query(
      `INSERT INTO targets (tenant_id, plan_id, indicator_id, unit_id, kind, spec, text, first_year, last_year) VALUES ($1,$2,$3,$4,'units_meeting_standard',$5,'60% số xã',2026,2026)`,
      [t.id, plan, ind, city, JSON.stringify(spec)],
    );
    const flags: [string, string][] = [
      [ids.a, '1'],
      [ids.b, '1'],
      [ids.c, '1'],
      [ids.d, '0'],
      [ids.closed, '1'],
      [ids.added, '0'],
    ];
    for (const [unit, value] of flags) {
      const obs = await one(
        `INSERT INTO observations (tenant_id, indicator_id, unit_id, period) VALUES ($1,$2,$3,'2026') RETURNING id`,
        [t.id, ind, unit],
      );
      await db.query(
        `INSERT INTO observation_versions (tenant_id, observation_id, seq, value, status, measure, workflow_state) VALUES ($1,$2,1,$3,'official','done','approved')`,
        [t.id, obs, value],
      );
    }
    const view = await evaluatePlan({
      ctx: { ...ctx, actor: systemActor('test', t.id) },
      input: { planCode: 'nong-thon-moi', asOf: '2027-06-30' },
    });
    const row = view.rows[0];
    expect(row?.unitCounts).toEqual([
      {
        period: '2026',
        date: '2026-12-31',
        count: 3,
        of: 5,
        share: '60',
        // The units valid at the year's end not meeting it; the commune closed mid-year is in neither list.
        notMeeting: [
          { code: '11314', name: 'Xã 11314', owners: [], reason: 'not_met' },
          { code: '11316', name: 'Xã 11316', owners: [], reason: 'not_met' },
        ],
      },
    ]);
    // 3/5 = 60 % is on the bound: met. Counting the commune merged away (4/6) would wrongly say exceeded.
    expect(row?.status).toBe('met');
  });
});
