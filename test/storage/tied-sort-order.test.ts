// A plan's order is the indicators' sort_order, and where two indicators share one (a plan typed in by hand, an
// import that numbered sections separately) their codes decide, then their ids: never the order the database
// happens to scan the rows in, which an index or a vacuum can change between two reads of the same plan (a
// clean-clone run once failed on exactly that). Both databases.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db, Queryable } from '../../src/storage/db.ts';
import { migrate } from '../../src/storage/migrate.ts';
import { loadPlanSnapshot } from '../../src/storage/repositories/evaluation-inputs-repo.ts';
import { createTenant, testDatabases } from '../helpers/databases.ts';

async function one(db: Queryable, sql: string, params: unknown[]): Promise<string> {
  return ((await db.query<{ id: string }>(sql, params))[0] as { id: string }).id;
}

const levelAtEnd = (value: string): string =>
  JSON.stringify({
    kind: 'level_at_end',
    direction: 'higher_better',
    term: { firstYear: 2026, lastYear: 2030 },
    value,
    year: 2030,
    precision: 1,
  });

describe.each(testDatabases)('a plan with tied sort orders on $name', (tdb) => {
  let db: Db;
  beforeAll(async () => {
    db = await tdb.open();
    await migrate(db);
  });
  afterAll(async () => {
    await db.close();
  });

  it('orders tied indicators by code and each indicator’s tied targets by id, whatever the insertion order', async () => {
    const tenant = (await createTenant(db)).id;
    const unit = await one(
      db,
      `INSERT INTO units (tenant_id, code, name, level, valid_from) VALUES ($1,'31','Tỉnh thử nghiệm','province','2025-07-01') RETURNING id`,
      [tenant],
    );
    const plan = await one(
      db,
      `INSERT INTO plans (tenant_id, code, name, unit_id, first_year, last_year) VALUES ($1,'p-2026-2030',$2,$3,2026,2030) RETURNING id`,
      [tenant, 'Kế hoạch 2026–2030', unit],
    );
    // Inserted c, a, b (and a composite z before y), all at sort_order 0: a scan returns them in insertion order.
    const indicators: Record<string, string> = {};
    for (const code of ['c', 'a', 'b']) {
      indicators[code] = await one(
        db,
        `INSERT INTO indicators (tenant_id, plan_id, code, name, unit_of_measure, measure, price_basis, sort_order)
         VALUES ($1,$2,$3,$4,'tỷ đồng','level','current',0) RETURNING id`,
        [tenant, plan, code, `Chỉ tiêu ${code}`],
      );
    }
    for (const code of ['z', 'y']) {
      await one(
        db,
        `INSERT INTO indicators (tenant_id, plan_id, code, name, unit_of_measure, measure, price_basis, sort_order, composite_rule)
         VALUES ($1,$2,$3,$4,'','level','none',0,'all_children_met') RETURNING id`,
        [tenant, plan, code, `Nhóm ${code}`],
      );
    }
    const targetIds: string[] = [];
    for (const code of ['c', 'a', 'b', 'a']) {
      targetIds.push(
        await one(
          db,
          `INSERT INTO targets (tenant_id, plan_id, indicator_id, unit_id, kind, spec, text, first_year, last_year, sort_order)
           VALUES ($1,$2,$3,$4,'level_at_end',$5,'đạt 200 tỷ đồng',2026,2030,0) RETURNING id`,
          [tenant, plan, indicators[code], unit, levelAtEnd('200')],
        ),
      );
    }

    const snapshot = await loadPlanSnapshot(
      db,
      { id: plan, tenant_id: tenant, settings: {} },
      { approvedOnly: true, publishedOn: null },
    );
    expect(snapshot.targets.map((t) => t.indicator_code)).toEqual(['a', 'a', 'b', 'c']);
    const aTargets = snapshot.targets.filter((t) => t.indicator_code === 'a').map((t) => t.target_id);
    expect(aTargets).toEqual([targetIds[1], targetIds[3]].sort());
    expect(snapshot.composites.map((c) => c.indicator_code)).toEqual(['y', 'z']);
    expect(snapshot.indicatorOrder).toEqual(['a', 'b', 'c', 'y', 'z']);
  });
});
