// The benchmark data generator, deterministic by seed: tenants (provinces), each with its province unit and its
// communes, one five-year plan of 300 indicators with a target each, and approved figures for every indicator at
// every unit and period, made inside the database (INSERT … SELECT over generate_series, no row crosses the wire).
// Values are plausible: growth rates around 5–9 %, shares within 20–80 %, counts and flows that grow, levels that
// climb year by year; about 3 % of the slots are missing; about 15 % were first an estimate (published early) and
// later replaced by the official figure (a second vintage). Every value is a hash of (seed, indicator, unit, period),
// so one seed always gives the same figures whatever the ids.
import type { Db } from '../../src/storage/db.ts';

export type Scale = 'city' | 'national';

export interface ScaleSpec {
  scale: Scale;
  tenants: number;
  communes: number;
  indicators: number;
  firstYear: number;
  years: number;
  /** 'month': 12 months and the year a year ("2026-M01" … "2026-M12", "2026"); 'year': the year only ("2026"). */
  frequency: 'month' | 'year';
}

/**
 * city: one tenant, 114 communes, 300 indicators, monthly for five years (with each year's own figure):
 * 115 units × 300 × 65 = 2.24 M figure slots.
 * national: 34 tenants, 3,321 communes, 300 indicators, yearly for five years: 3,355 units × 300 × 5 = 5.03 M slots
 * (monthly would be 60 M: twelve times the yearly figures; see bench/README.md for the extrapolation).
 */
export const SCALES: Record<Scale, ScaleSpec> = {
  city: { scale: 'city', tenants: 1, communes: 114, indicators: 300, firstYear: 2026, years: 5, frequency: 'month' },
  national: {
    scale: 'national',
    tenants: 34,
    communes: 3321,
    indicators: 300,
    firstYear: 2026,
    years: 5,
    frequency: 'year',
  },
};

export interface Generated {
  tenants: { id: string; code: string; planId: string; planCode: string; communes: number }[];
  observations: number;
  versions: number;
  seconds: number;
}

// The six kinds of target the generator sets, in turn: (target kind, indicator measure, unit of measure).
const KINDS = [
  ['growth_average', 'growth_rate', '%'],
  ['range_at_end', 'share', '%'],
  ['threshold', 'share', '%'],
  ['cumulative', 'flow', 'tỷ đồng'],
  ['level_at_end', 'level', 'USD/người'],
  ['yearly_flow', 'count', 'lượt'],
] as const;

/** Communes of each tenant: the national count spread over the tenants as evenly as the seed allows. */
export function communesPerTenant(spec: ScaleSpec, seed: number): number[] {
  const base = Math.floor(spec.communes / spec.tenants);
  const out = Array.from({ length: spec.tenants }, () => base);
  let rest = spec.communes - base * spec.tenants;
  for (let i = 0; rest > 0; i = (i + 1) % spec.tenants) {
    if ((i * 2654435761 + seed) % 3 !== 0 || rest >= spec.tenants - i) {
      out[i] = (out[i] as number) + 1;
      rest -= 1;
    }
  }
  return out;
}

function targetSpec(kind: string, firstYear: number, lastYear: number): Record<string, unknown> {
  const term = { firstYear, lastYear };
  switch (kind) {
    case 'growth_average':
      return {
        kind,
        direction: 'higher_better',
        term,
        min: '7',
        max: '7.5',
        averaging: 'geometric',
        baseYear: firstYear - 1,
      };
    case 'range_at_end':
      return { kind, direction: 'higher_better', term, min: '40', max: '50', year: lastYear };
    case 'threshold':
      return { kind, direction: 'lower_better', term, op: '<', value: '35', year: lastYear };
    case 'cumulative':
      return { kind, direction: 'higher_better', term, value: '1500000' };
    case 'level_at_end':
      return { kind, direction: 'higher_better', term, value: '11380', year: lastYear };
    default:
      return { kind, direction: 'higher_better', term, value: '55800' };
  }
}

const one = <T>(rows: T[]): T => {
  const r = rows[0];
  if (r === undefined) throw new Error('expected a row');
  return r;
};

/** Makes the scale's data in an empty (migrated) database; prints progress through `log`. */
export async function generate(
  db: Db,
  spec: ScaleSpec,
  seed: number,
  log: (msg: string) => void = () => {},
  opts: { figures?: boolean } = {},
): Promise<Generated> {
  const t0 = performance.now();
  const lastYear = spec.firstYear + spec.years - 1;
  const periods: string[] = [];
  for (let y = spec.firstYear; y <= lastYear; y++) {
    // Monthly indicators have their twelve months and the year's own figure (what a target is judged on).
    if (spec.frequency === 'month') for (let m = 1; m <= 12; m++) periods.push(`${y}-M${String(m).padStart(2, '0')}`);
    periods.push(String(y));
  }
  const perTenant = communesPerTenant(spec, seed);
  const tenants: Generated['tenants'] = [];
  for (let k = 0; k < spec.tenants; k++) {
    const code = `bench-${spec.scale}-${String(k + 1).padStart(2, '0')}`;
    const tenantId = one(
      await db.query<{ id: string }>('INSERT INTO tenants (code, name) VALUES ($1, $2) RETURNING id', [
        code,
        `Tỉnh đo tải số ${k + 1}`,
      ]),
    ).id;
    const provinceCode = String(k + 1).padStart(2, '0');
    const provinceId = one(
      await db.query<{ id: string }>(
        `INSERT INTO units (tenant_id, code, name, level) VALUES ($1, $2, $3, 'province') RETURNING id`,
        [tenantId, provinceCode, `Tỉnh đo tải số ${k + 1}`],
      ),
    ).id;
    const communes = perTenant[k] as number;
    await db.query(
      `INSERT INTO units (tenant_id, code, name, level, parent_id)
       SELECT $1, lpad(($3::int * 1000 + n)::text, 5, '0'), 'Xã đo tải ' || n, 'commune', $2
         FROM generate_series(1, $4::int) n`,
      [tenantId, provinceId, k + 1, communes],
    );
    const planCode = `bench-plan-${spec.scale}`;
    const planId = one(
      await db.query<{ id: string }>(
        `INSERT INTO plans (tenant_id, code, name, unit_id, first_year, last_year)
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
        [
          tenantId,
          planCode,
          `Kế hoạch 5 năm ${spec.firstYear}–${lastYear} (đo tải)`,
          provinceId,
          spec.firstYear,
          lastYear,
        ],
      ),
    ).id;
    const kinds = Array.from({ length: spec.indicators }, (_, i) => KINDS[i % KINDS.length] as (typeof KINDS)[number]);
    await db.query(
      `INSERT INTO indicators (tenant_id, plan_id, code, name, unit_of_measure, frequency, measure, sort_order)
       SELECT $1, $2, 'CT' || lpad(n::text, 3, '0'), 'Chỉ tiêu đo tải số ' || n, ($4::text[])[n], $5, ($3::text[])[n], n
         FROM generate_series(1, $6::int) n`,
      [tenantId, planId, kinds.map((k2) => k2[1]), kinds.map((k2) => k2[2]), spec.frequency, spec.indicators],
    );
    await db.query(
      `INSERT INTO targets (tenant_id, plan_id, indicator_id, unit_id, kind, spec, text, first_year, last_year, sort_order)
       SELECT $1, $2, i.id, $3, ($4::text[])[i.sort_order], ($5::jsonb[])[i.sort_order], 'Mục tiêu ' || i.code, $6, $7, 0
         FROM indicators i WHERE i.tenant_id = $1 AND i.plan_id = $2`,
      [
        tenantId,
        planId,
        provinceId,
        kinds.map((k2) => k2[0]),
        kinds.map((k2) => JSON.stringify(targetSpec(k2[0], spec.firstYear, lastYear))),
        spec.firstYear,
        lastYear,
      ],
    );
    if (opts.figures === false) {
      tenants.push({ id: tenantId, code, planId, planCode, communes });
      continue;
    }
    // Slots: every indicator × unit × period whose hash does not fall in the missing 3 %.
    await db.query(
      `INSERT INTO observations (tenant_id, indicator_id, unit_id, period)
       SELECT $1, i.id, u.id, p
         FROM indicators i CROSS JOIN units u CROSS JOIN unnest($3::text[]) p
        WHERE i.tenant_id = $1 AND i.plan_id = $2 AND u.tenant_id = $1
          AND ('x' || substr(md5($4 || i.code || u.code || p), 1, 8))::bit(32)::int % 100 NOT IN (0, 1, 2, -1, -2)`,
      [tenantId, planId, periods, String(seed)],
    );
    // The value of a slot: h in [0,1) from the hash, then shaped by the indicator's measure; levels and flows grow
    // with the year and communes are smaller than the province. Estimates (seq 1) are 2 % off the official figure.
    const perMonth = `CASE WHEN o.period ~ '-M' THEN 12 ELSE 1 END`;
    const valueSql = (h: string): string => `CASE i.measure
        WHEN 'growth_rate' THEN round((5 + 4 * ${h})::numeric, 2)
        WHEN 'share' THEN round((20 + 60 * ${h})::numeric, 1)
        WHEN 'flow' THEN round(((80000 + 40000 * ${h}) * (1 + 0.08 * (left(o.period, 4)::int - ${spec.firstYear})) / CASE WHEN u.level = 'province' THEN 1 ELSE 100 END / ${perMonth})::numeric, 0)
        WHEN 'level' THEN round(((7000 + 3000 * ${h}) * (1 + 0.07 * (left(o.period, 4)::int - ${spec.firstYear})))::numeric, 0)
        ELSE round(((40000 + 20000 * ${h}) / CASE WHEN u.level = 'province' THEN 1 ELSE 100 END / ${perMonth})::numeric, 0) END`;
    const h = `((('x' || substr(md5($2 || i.code || u.code || o.period), 9, 8))::bit(32)::int::float8 + 2147483648) / 4294967296)`;
    const reestimated = `('x' || substr(md5($2 || i.code || u.code || o.period), 17, 4))::bit(16)::int % 100 < 15`;
    const published = (offsetDays: number): string =>
      `(make_date(left(o.period, 4)::int, CASE WHEN o.period ~ '-M' THEN right(o.period, 2)::int ELSE 12 END, 1) + interval '1 month' + interval '${offsetDays} days')::date`;
    await db.query(
      `INSERT INTO observation_versions (tenant_id, observation_id, seq, value, status, measure, price_basis, source_text,
         published_on, data_type, workflow_state, approved_at)
       SELECT $1, o.id, 1, CASE WHEN ${reestimated} THEN round(${valueSql(h)} * 0.98, 2) ELSE ${valueSql(h)} END,
              CASE WHEN ${reestimated} THEN 'estimate' ELSE 'official' END, i.measure, i.price_basis,
              'Số liệu đo tải', CASE WHEN ${reestimated} THEN ${published(5)} ELSE ${published(60)} END, 'statistical', 'approved', now()
         FROM observations o JOIN indicators i ON i.id = o.indicator_id JOIN units u ON u.id = o.unit_id
        WHERE o.tenant_id = $1`,
      [tenantId, String(seed)],
    );
    await db.query(
      `INSERT INTO observation_versions (tenant_id, observation_id, seq, value, status, measure, price_basis, source_text,
         published_on, data_type, workflow_state, approved_at, vintage_label)
       SELECT $1, o.id, 2, ${valueSql(h)}, 'official', i.measure, i.price_basis, 'Số liệu đo tải (chính thức)',
              ${published(60)}, 'statistical', 'approved', now(), 'chính thức'
         FROM observations o JOIN indicators i ON i.id = o.indicator_id JOIN units u ON u.id = o.unit_id
        WHERE o.tenant_id = $1 AND ${reestimated}`,
      [tenantId, String(seed)],
    );
    tenants.push({ id: tenantId, code, planId, planCode, communes });
    log(`  tenant ${k + 1}/${spec.tenants} ${code}: ${communes} communes`);
  }
  if (db.kind === 'postgres') await db.exec('ANALYZE');
  const counts = one(
    await db.query<{ o: number; v: number }>(
      'SELECT (SELECT count(*) FROM observations)::int AS o, (SELECT count(*) FROM observation_versions)::int AS v',
    ),
  );
  return { tenants, observations: counts.o, versions: counts.v, seconds: (performance.now() - t0) / 1000 };
}
