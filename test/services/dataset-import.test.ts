import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readDatasetFolder } from '../../src/imports/dataset-folder.ts';
import { systemActor, type ServiceContext } from '../../src/services/context.ts';
import { importDataset } from '../../src/services/dataset/import-dataset.ts';
import type { TenantFile } from '../../src/services/dataset/dataset-types.ts';
import type { Db } from '../../src/storage/db.ts';
import { openMigrated, testDatabases } from '../helpers/databases.ts';

const DATA = path.resolve(import.meta.dirname, '../../data');

describe.each(testDatabases)('loading a dataset on $name', (tdb) => {
  let db: Db;
  let ctx: ServiceContext;
  beforeAll(async () => {
    db = await openMigrated(tdb);
    ctx = { db, actor: systemActor('test'), now: () => new Date('2026-11-25T00:00:00Z') };
  });
  afterAll(async () => {
    await db.close();
  });

  it('loads the bundled plans with their units, codes, lineage and first evaluations, and a second load changes nothing', async () => {
    const report = await importDataset({ ctx, input: readDatasetFolder(DATA) });
    expect(report.plans.map((p) => [p.code, p.created]).sort()).toEqual([
      ['hai-duong-2020-2025', true],
      ['hai-phong-2020-2025', true],
      ['hai-phong-2025-2030', true],
    ]);
    const units = await db.query<{ code: string; valid_to: string | null }>(
      `SELECT u.code, u.valid_to FROM units u JOIN tenants t ON t.id = u.tenant_id WHERE t.code = 'hai-phong' ORDER BY u.code`,
    );
    expect(units).toEqual([
      { code: '30', valid_to: '2025-06-30' },
      { code: '31', valid_to: null },
    ]);
    const lineage = await db.query<{ from_code: string; to_code: string; event: string }>(
      `SELECT f.code AS from_code, t.code AS to_code, l.event FROM unit_lineage l JOIN units f ON f.id = l.from_unit_id JOIN units t ON t.id = l.to_unit_id`,
    );
    expect(lineage).toEqual([{ from_code: '30', to_code: '31', event: 'merged_into' }]);
    const snapshots = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM evaluations');
    const targets = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM targets');
    expect(snapshots[0]?.n).toBe(targets[0]?.n);

    const again = await importDataset({ ctx, input: readDatasetFolder(DATA) });
    expect(again.plans.every((p) => !p.created)).toBe(true);
    expect(await db.query<{ n: number }>('SELECT count(*)::int AS n FROM targets')).toEqual(targets);
  });

  it('refuses a tenant file that gives the closed code 30 to another unit, naming the rule, and writes none of it', async () => {
    const dataset = readDatasetFolder(DATA);
    const tenant = dataset.tenants[0] as TenantFile;
    const reused: TenantFile = {
      ...tenant,
      units: [
        ...tenant.units,
        { code: '30', name: 'Đơn vị thử', level: 'province', validFrom: '2026-01-01', validTo: null },
      ],
    };
    const before = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM units');
    await expect(importDataset({ ctx, input: { tenants: [reused], plans: [] } })).rejects.toMatchObject({
      code: 'invalid_unit_registry',
      issues: expect.arrayContaining([
        expect.objectContaining({
          reason: expect.objectContaining({ en: expect.stringContaining('may not be reused') }),
        }),
      ]),
    });
    expect(await db.query<{ n: number }>('SELECT count(*)::int AS n FROM units')).toEqual(before);
  });
});
