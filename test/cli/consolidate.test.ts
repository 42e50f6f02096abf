// `chitieu consolidate <plan>`, the real command on both databases: every indicator that declares an aggregation
// method, consolidated over the generated 67 communes (imported with the product's register import) for each year,
// gives exactly what every figure through the core gives (`--figures`), names the communes without a figure, says
// why a figure is refused, counts a year before the merger over the former communes and a year after over the new
// ones, keeps to the periods asked for, and refuses a malformed period in both languages.
import { beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../src/services/context.ts';
import type { ConsolidationOverUnits, UnitAggregate } from '../../src/services/consolidation/consolidate-over-units.ts';
import { importUnits } from '../../src/services/reference/import-units.ts';
import { openPglite, openPostgres, type Db } from '../../src/storage/db.ts';
import { migrate } from '../../src/storage/migrate.ts';
import { generatedCommunes, generatedRegisterCsv } from '../fixtures/generated-communes.ts';
import { freshPostgresUrl, runCli, tempDir } from '../helpers/processes.ts';
import { createTenant, testDatabases } from '../helpers/databases.ts';

const PLAN = 'kh-tong-hop-xa';
const METHODS: Array<{ code: string; name: string; unit: string; method: unknown }> = [
  { code: 'S', name: 'Thu ngân sách trên địa bàn', unit: 'tỷ đồng', method: { kind: 'sum', indicator: 'S' } },
  {
    code: 'R',
    name: 'Tỷ lệ lao động qua đào tạo',
    unit: '%',
    method: { kind: 'weighted_mean', indicator: 'R', weight: 'W' },
  },
  { code: 'W', name: 'Lực lượng lao động', unit: 'người', method: { kind: 'sum', indicator: 'W' } },
  {
    code: 'C',
    name: 'Số xã đạt chuẩn nông thôn mới',
    unit: 'xã',
    method: { kind: 'count_meeting', indicator: 'M', standard: { op: 'gte', value: '1' } },
  },
  { code: 'M', name: 'Xã đạt chuẩn (1 = đạt)', unit: '', method: { kind: 'sum', indicator: 'M' } },
  { code: 'X', name: 'Xếp hạng chỉ số cải cách', unit: 'hạng', method: { kind: 'not_aggregable', reason: 'rank' } },
];

/** What must agree between the two paths: everything but the wording of the explanation and the input count. */
const comparable = (a: UnitAggregate) => ({
  indicator: a.indicator,
  period: a.period,
  status: a.status,
  value: a.value,
  missing: a.missing,
  refusal: a.refusal?.code ?? null,
  notes: a.notes.map((n) => n.unit),
  meeting: a.meeting ?? null,
  formula: a.formula,
});

/**
 * A plan over the generated communes with each method declared, and approved figures of 2025 and 2026: in 2026
 * three communes have no revenue figure and one weight is zero; in 2025 one weight is negative (the weighted mean is
 * refused); the rank, not aggregable, has a figure in every commune and no aggregate.
 */
async function seed(db: Db): Promise<{ revenue2025: bigint }> {
  const tenant = await createTenant(db, 'th');
  const [province] = await db.query<{ id: string }>(
    `INSERT INTO units (tenant_id, code, name, level) VALUES ($1,'01','Thành phố thử','province') RETURNING id`,
    [tenant.id],
  );
  // The generated register: 67 communes from 2025-07-01, three former communes merged into the first that day.
  await importUnits({
    ctx: { db, actor: systemActor('test', tenant.id), now: () => new Date('2026-11-30T00:00:00Z') },
    input: {
      csv: generatedRegisterCsv('01'),
      document: { number: '9999/NQ-THỬ', date: '2025-06-16', issuer: 'Cơ quan thử nghiệm' },
    },
  });
  const [plan] = await db.query<{ id: string }>(
    `INSERT INTO plans (tenant_id, code, name, unit_id, first_year, last_year)
     VALUES ($1,$2,'Kế hoạch tổng hợp từ xã (thử)',$3,2026,2030) RETURNING id`,
    [tenant.id, PLAN, province?.id],
  );
  const ids = new Map<string, string>();
  for (const [n, m] of METHODS.entries()) {
    const [row] = await db.query<{ id: string }>(
      `INSERT INTO indicators (tenant_id, plan_id, code, name, unit_of_measure, aggregation_method, sort_order)
       VALUES ($1,$2,$3,$4,$5,$6,$7) RETURNING id`,
      [tenant.id, plan?.id, m.code, m.name, m.unit, JSON.stringify(m.method), n],
    );
    ids.set(m.code, row?.id ?? '');
  }
  const units = await db.query<{ id: string; code: string }>('SELECT id, code FROM units WHERE tenant_id = $1', [
    tenant.id,
  ]);
  const unitId = new Map(units.map((u) => [u.code, u.id]));
  let revenue2025 = 0n;
  const figures: Array<{ indicator: string; unit: string; period: string; value: string }> = [];
  for (const [k, c] of generatedCommunes().entries()) {
    for (const period of ['2025', '2026']) {
      const late = period === '2026' && k >= 64; // the last three communes have not reported 2026 revenue
      const revenue = 1000 + k * 37 + (period === '2026' ? 55 : 0);
      if (period === '2025') revenue2025 += BigInt(revenue);
      if (!late) figures.push({ indicator: 'S', unit: c.code, period, value: String(revenue) });
      figures.push({ indicator: 'R', unit: c.code, period, value: (60 + (k % 30) + 0.5).toFixed(1) });
      figures.push({
        indicator: 'W',
        unit: c.code,
        period,
        value: period === '2026' && k === 10 ? '0' : period === '2025' && k === 20 ? '-5' : String(5000 + k * 11),
      });
      figures.push({ indicator: 'M', unit: c.code, period, value: k % 3 === 0 ? '0' : '1' });
      figures.push({ indicator: 'X', unit: c.code, period, value: String(k + 1) });
    }
  }
  // Before the merger the three former communes reported their revenue of 2024.
  for (const [k, code] of ['80001', '80002', '80003'].entries())
    figures.push({ indicator: 'S', unit: code, period: '2024', value: String(700 + k * 100) });
  const obs = await db.query<{ id: string }>(
    `INSERT INTO observations (tenant_id, indicator_id, unit_id, period)
     SELECT $1, i, u, p FROM unnest($2::uuid[], $3::uuid[], $4::text[]) WITH ORDINALITY AS x(i, u, p, n) ORDER BY n
     RETURNING id`,
    [
      tenant.id,
      figures.map((f) => ids.get(f.indicator)),
      figures.map((f) => unitId.get(f.unit)),
      figures.map((f) => f.period),
    ],
  );
  await db.query(
    `INSERT INTO observation_versions (tenant_id, observation_id, seq, value, status, workflow_state)
     SELECT $1, o, 1, v, 'official', 'approved' FROM unnest($2::uuid[], $3::numeric[]) AS x(o, v)`,
    [tenant.id, obs.map((o) => o.id), figures.map((f) => f.value)],
  );
  return { revenue2025 };
}

describe.each(testDatabases)('chitieu consolidate on $name', (tdb) => {
  let env: Record<string, string>;
  let revenue2025: bigint;
  const cli = async (...args: string[]) => {
    const run = await runCli(['consolidate', ...args], env, 120_000);
    return run;
  };

  beforeAll(async () => {
    let db: Db;
    if (tdb.name === 'postgres') {
      const url = await freshPostgresUrl(process.env.TEST_DATABASE_URL ?? '');
      env = { DATABASE_URL: url };
      db = await openPostgres(url);
    } else {
      const dir = tempDir('chitieu-consolidate-');
      env = { DATA_DIR: dir, DATABASE_URL: '' };
      db = await openPglite(dir);
    }
    try {
      await migrate(db);
      ({ revenue2025 } = await seed(db));
    } finally {
      await db.close();
    }
  }, 240_000);

  it('prints every declared indicator’s aggregate over the communes, equal to every figure through the core', async () => {
    // One after the other: an embedded database is opened by one process at a time.
    const totals = await cli(PLAN, '--json');
    const figures = await cli(PLAN, '--json', '--figures');
    expect(totals.code, totals.stderr).toBe(0);
    expect(figures.code, figures.stderr).toBe(0);
    const a = JSON.parse(totals.stdout) as ConsolidationOverUnits;
    const b = JSON.parse(figures.stdout) as ConsolidationOverUnits;
    expect(a.units).toHaveLength(67);
    expect(a.indicators.map((i) => i.code)).toEqual(METHODS.map((m) => m.code));
    // Five aggregable indicators × two years (the rank has none) and the revenue of 2024, before the merger; the
    // two paths agree on every one.
    expect(a.aggregates).toHaveLength(11);
    expect(a.aggregates.map(comparable)).toEqual(b.aggregates.map(comparable));
    expect(b.aggregates.every((x) => x.path === 'figures')).toBe(true);
    // The totals decide what is whole; the rest is left to the figures.
    const of = (indicator: string, period: string) =>
      a.aggregates.find((x) => x.indicator === indicator && x.period === period);
    expect(of('S', '2025')).toMatchObject({ status: 'complete', value: String(revenue2025), path: 'totals' });
    expect(of('S', '2026')).toMatchObject({ status: 'incomplete', value: null });
    // 2024 is consolidated over the communes of 2024: the three former ones, all reported.
    expect(of('S', '2024')).toMatchObject({ status: 'complete', value: '2400', units: 3, missing: [] });
    expect([...new Set(of('S', '2026')?.missing.map((m) => m.unit))]).toEqual(['90065', '90066', '90067']);
    expect(of('C', '2025')).toMatchObject({ status: 'complete', value: '44' });
    expect(of('R', '2025')).toMatchObject({ status: 'refused', value: null, refusal: { code: 'negative_weight' } });
    expect(a.aggregates.some((x) => x.indicator === 'X')).toBe(false);
    expect(of('R', '2026')?.notes.map((n) => n.unit)).toEqual(['90011']);
  }, 240_000);

  it('prints in words, keeps to the periods asked for, and refuses a malformed period in both languages', async () => {
    const text = await cli(PLAN, '--period', '2026');
    expect(text.code, text.stderr).toBe(0);
    const lines = text.stdout.trim().split('\n');
    expect(lines[0]).toBe('Tổng hợp từ 67 đơn vị trực thuộc 01 / consolidated over 67 units below 01: 5 số tổng hợp');
    expect(lines.some((l) => l.startsWith('S      kỳ 2025'))).toBe(false);
    expect(lines).toContain('S      kỳ 2026: — (thiếu số liệu) · cộng tổng · Thu ngân sách trên địa bàn');
    expect(lines).toContain('       thiếu số liệu của 3 đơn vị: 90065, 90066, 90067');
    expect(lines.find((l) => l.startsWith('C      kỳ 2026'))).toBe(
      'C      kỳ 2026: 44 xã (đủ số liệu) · số đơn vị đạt chuẩn · Số xã đạt chuẩn nông thôn mới',
    );
    const bad = await cli(PLAN, '--period', '2026-13');
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('Kỳ không hợp lệ');
    expect(bad.stderr).toContain('Invalid period');
    expect(bad.stderr).toContain('"2026-13" không phải mã kỳ');
    const missing = await cli('khong-co-ke-hoach');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('khong-co-ke-hoach');
  }, 240_000);
});
