// A figure's references carry its tenant (migration 0024): the database itself refuses a figure of one tenant that
// names another tenant's indicator or unit, or a version filed under another tenant than its figure's; and the
// migration applies to a database that already holds figures, on both databases.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db, Queryable } from '../../src/storage/db.ts';
import { listMigrations, migrate } from '../../src/storage/migrate.ts';
import { createTenant, testDatabases } from '../helpers/databases.ts';

interface Seeded {
  tenant: string;
  unit: string;
  indicator: string;
}

async function one(db: Queryable, sql: string, params: unknown[]): Promise<string> {
  return ((await db.query<{ id: string }>(sql, params))[0] as { id: string }).id;
}

/** A tenant with a province, a plan and one indicator. */
async function seed(db: Db): Promise<Seeded> {
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
  const indicator = await one(
    db,
    `INSERT INTO indicators (tenant_id, plan_id, code, name, unit_of_measure, measure, price_basis) VALUES ($1,$2,'1',$3,'%','growth_rate','none') RETURNING id`,
    [tenant, plan, 'Tốc độ tăng trưởng GRDP'],
  );
  return { tenant, unit, indicator };
}

const figure = (db: Queryable, tenant: string, indicator: string, unit: string, period = '2026'): Promise<string> =>
  one(db, 'INSERT INTO observations (tenant_id, indicator_id, unit_id, period) VALUES ($1,$2,$3,$4) RETURNING id', [
    tenant,
    indicator,
    unit,
    period,
  ]);
const version = (db: Queryable, tenant: string, observation: string): Promise<unknown> =>
  db.query(
    `INSERT INTO observation_versions (tenant_id, observation_id, seq, value, status, value_text) VALUES ($1,$2,1,'8.5','official','8,5')`,
    [tenant, observation],
  );

describe.each(testDatabases)('tenant-keyed figure references on $name', (tdb) => {
  let db: Db;
  beforeAll(async () => {
    db = await tdb.open();
    await migrate(db);
  });
  afterAll(async () => {
    await db.close();
  });

  it("refuses a figure that names another tenant's indicator or unit, and a version filed under another tenant", async () => {
    const a = await seed(db);
    const b = await seed(db);
    await expect(figure(db, a.tenant, b.indicator, a.unit)).rejects.toMatchObject({
      code: '23503',
      constraint: 'observations_indicator_fkey',
    });
    await expect(figure(db, a.tenant, a.indicator, b.unit)).rejects.toMatchObject({
      code: '23503',
      constraint: 'observations_unit_fkey',
    });
    const own = await figure(db, a.tenant, a.indicator, a.unit);
    await expect(version(db, b.tenant, own)).rejects.toMatchObject({
      code: '23503',
      constraint: 'observation_versions_observation_fkey',
    });
    await version(db, a.tenant, own);
    // Nothing of the refused writes was stored; the tenant's own figure and version were.
    const rows = await db.query<{ tenant_id: string; n: number }>(
      `SELECT o.tenant_id, count(v.id)::int AS n FROM observations o LEFT JOIN observation_versions v ON v.observation_id = o.id
        WHERE o.tenant_id = ANY($1) GROUP BY o.tenant_id`,
      [[a.tenant, b.tenant]],
    );
    expect(rows).toEqual([{ tenant_id: a.tenant, n: 1 }]);
  });

  it('applies 0024 to a database that already holds figures, versions and reviews, keeping them', async () => {
    const old = await tdb.open();
    try {
      // The database as a deployment has it before 0024: every earlier migration, then figures.
      await old.exec(`CREATE TABLE schema_migrations (
        version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
      for (const m of listMigrations().filter((x) => x.version < 24)) {
        await old.exec(m.sql);
        await old.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [m.version, m.name]);
      }
      const a = await seed(old);
      const b = await seed(old);
      const stored: string[] = [];
      for (const s of [a, b])
        for (const period of ['2025', '2026']) {
          const obs = await figure(old, s.tenant, s.indicator, s.unit, period);
          await version(old, s.tenant, obs);
          const ver = await one(old, 'SELECT id FROM observation_versions WHERE observation_id = $1', [obs]);
          await old.query(
            `INSERT INTO observation_reviews (tenant_id, observation_id, version_id, action) VALUES ($1,$2,$3,'submit')`,
            [s.tenant, obs, ver],
          );
          stored.push(obs);
        }

      expect(await migrate(old)).toEqual(
        listMigrations()
          .filter((m) => m.version >= 24)
          .map((m) => m.name),
      );

      const kept = await old.query<{ id: string; versions: number; reviews: number }>(
        `SELECT o.id, (SELECT count(*)::int FROM observation_versions v WHERE v.observation_id = o.id) AS versions,
                (SELECT count(*)::int FROM observation_reviews r WHERE r.observation_id = o.id) AS reviews
           FROM observations o ORDER BY o.id`,
      );
      expect(kept).toEqual([...stored].sort().map((id) => ({ id, versions: 1, reviews: 1 })));
      // And the migrated database refuses what the new keys forbid.
      await expect(figure(old, a.tenant, b.indicator, a.unit, '2027')).rejects.toMatchObject({ code: '23503' });
    } finally {
      await old.close();
    }
  });
});
