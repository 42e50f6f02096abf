// Benchmark-relative targets through the import and the evaluation, on both databases: the benchmark (the national
// average, the region's) is an indicator of the plan whose figures are entered with their source; a year the
// benchmark has no figure for is "no data", said in words; a target naming a benchmark the plan lacks is refused.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isChitieuError } from '../../src/core/errors.ts';
import type { BenchmarkTarget } from '../../src/core/targets/target.ts';
import { systemActor, type ServiceContext } from '../../src/services/context.ts';
import type { Dataset, PlanFile } from '../../src/services/dataset/dataset-types.ts';
import { importDataset } from '../../src/services/dataset/import-dataset.ts';
import { evaluatePlan } from '../../src/services/evaluations/evaluate-plan.ts';
import type { Db } from '../../src/storage/db.ts';
import { openMigrated, testDatabases } from '../helpers/databases.ts';

const NOW = new Date('2026-11-25T00:00:00Z');
const TERM = { firstYear: 2021, lastYear: 2025 };
const relative = (indicator: string, name: string): BenchmarkTarget => ({
  kind: 'benchmark',
  direction: 'lower_better',
  strict: true,
  term: TERM,
  benchmark: { indicator, name },
  year: 2025,
});

function fixture(tenant: string, benchmarkCode = 'BQ-CN'): Dataset {
  const stat = { document: 'tk', page: 3 };
  const plan: PlanFile = {
    format: 'chitieu-plan/1',
    tenant,
    plan: {
      id: 'chuan-2021-2025',
      name: 'Kế hoạch thử nghiệm chuẩn so sánh',
      unitCode: '95',
      term: TERM,
      document: { kind: 'congress_resolution', number: null, date: null, issuer: 'Đại hội thử nghiệm' },
      display: { exceededAs: 'exceeded' },
      source: { document: 'nq', page: 1 },
    },
    documents: [
      {
        id: 'nq',
        kind: 'congress_resolution',
        title: 'Nghị quyết thử nghiệm',
        number: null,
        date: '2020-10-15',
        issuer: 'Đại hội thử nghiệm',
        url: 'https://example.org/nq',
        default: true,
      },
      {
        id: 'tk',
        kind: 'statistical_release',
        title: 'Thông cáo báo chí năm 2025',
        number: null,
        date: '2026-01-06',
        issuer: 'Cơ quan thống kê',
        url: 'https://example.org/tk-2025',
      },
    ],
    indicators: [
      {
        code: 'TN',
        parent: null,
        name: 'Tỷ lệ thất nghiệp',
        unit: '%',
        measure: 'share',
        line: 5,
        targets: [
          {
            text: 'thấp hơn bình quân cả nước',
            source: { document: 'nq', page: 4, quote: 'tỷ lệ thất nghiệp thấp hơn bình quân cả nước' },
            spec: relative(benchmarkCode, 'bình quân cả nước'),
          },
        ],
        observations: [{ period: '2025', value: '2.1', text: '2,1%', status: 'official', source: stat }],
      },
      {
        code: 'NGHEO',
        parent: null,
        name: 'Tỷ lệ hộ nghèo',
        unit: '%',
        measure: 'share',
        line: 6,
        targets: [{ text: 'thấp hơn bình quân vùng', line: 6, spec: relative('BQ-VUNG', 'bình quân vùng') }],
        observations: [{ period: '2025', value: '1.5', text: '1,5%', status: 'official', source: stat }],
      },
      {
        code: 'BQ-CN',
        parent: null,
        name: 'Tỷ lệ thất nghiệp bình quân cả nước',
        unit: '%',
        measure: 'share',
        line: 7,
        targets: [],
        observations: [{ period: '2025', value: '2.2', text: '2,2%', status: 'official', source: stat }],
      },
      {
        code: 'BQ-VUNG',
        parent: null,
        name: 'Tỷ lệ hộ nghèo bình quân vùng',
        unit: '%',
        measure: 'share',
        line: 8,
        targets: [],
        observations: [{ period: '2024', value: '2.0', text: '2,0%', status: 'official', source: stat }],
      },
    ],
    breakthroughs: [],
    tasks: [],
    projects: [],
  };
  return {
    tenants: [
      {
        format: 'chitieu-tenant/1',
        tenant: { code: tenant, name: 'Tỉnh thử nghiệm', unitCode: '95' },
        units: [{ code: '95', name: 'Tỉnh thử nghiệm', level: 'province', validFrom: null, validTo: null }],
        lineage: [],
        agencies: [],
      },
    ],
    plans: [plan],
  };
}

describe.each(testDatabases)('benchmark-relative targets on $name', (tdb) => {
  let db: Db;
  const ctx = (t: string | null = null): ServiceContext => ({ db, actor: systemActor('test', t), now: () => NOW });

  beforeAll(async () => {
    db = await openMigrated(tdb);
  });
  afterAll(async () => {
    await db.close();
  });

  it('imports the benchmark as figures with their source and judges the target against the same year', async () => {
    await importDataset({ ctx: ctx(), input: fixture('chuan') });
    const t = ((await db.query<{ id: string }>("SELECT id FROM tenants WHERE code = 'chuan'"))[0] as { id: string }).id;
    const view = await evaluatePlan({ ctx: ctx(t), input: { planCode: 'chuan-2021-2025' } });
    expect(view.rows.map((r) => r.indicator.code)).toEqual(['TN', 'NGHEO']);
    const [unemployment, poverty] = view.rows;
    expect(unemployment?.status).toBe('met');
    expect(unemployment?.intermediates).toMatchObject({ benchmarkValue: '2.2', benchmarkPeriod: '2025' });
    expect(unemployment?.explanation.vi).toBe(
      'Năm 2025 đạt 2,1; bình quân cả nước 2,2: đạt mục tiêu thấp hơn bình quân cả nước',
    );
    // The region's benchmark has a 2024 figure only: no verdict is made up for 2025.
    expect(poverty?.status).toBe('no_data');
    expect(poverty?.explanation.vi).toContain('chưa có số liệu bình quân vùng năm 2025 để so sánh');
    expect(view.counts).toMatchObject({ targets: 2, withFigures: 1, noFigures: 1 });
  });

  it('refuses a target whose benchmark is not an indicator of the plan, naming the field, and writes nothing', async () => {
    const err = await importDataset({ ctx: ctx(), input: fixture('chuan-thieu', 'BQ-KHAC') }).catch((e: unknown) => e);
    expect(isChitieuError(err)).toBe(true);
    expect(JSON.stringify(err)).toContain('targets[0].spec.benchmark.indicator');
    expect(await db.query("SELECT 1 FROM tenants WHERE code = 'chuan-thieu'")).toEqual([]);
  });
});
