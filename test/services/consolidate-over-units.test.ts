// Consolidation over a plan's communes on both databases: the database's totals (Σ, Σ value × weight, units meeting
// a standard, units with a figure) turned into aggregates by the core give exactly what the core gives from every
// figure one by one, on generated sets with missing communes, figures without a number, zero and negative weights,
// a zero denominator, mixed price bases, several versions of a figure and every declared method.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor, type ServiceContext } from '../../src/services/context.ts';
import { consolidateOverUnits, type UnitAggregate } from '../../src/services/consolidation/consolidate-over-units.ts';
import type { Db } from '../../src/storage/db.ts';
import { createTenant, openMigrated, testDatabases } from '../helpers/databases.ts';

/** A small deterministic generator (mulberry32), so a failing set can be made again from its seed. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const METHODS: Record<string, unknown> = {
  S: { kind: 'sum', indicator: 'S' },
  SB: { kind: 'sum', indicator: 'SB', priceBasis: 'current' },
  R: { kind: 'weighted_mean', indicator: 'R', weight: 'W' },
  W: { kind: 'sum', indicator: 'W' },
  N: { kind: 'sum', indicator: 'N' },
  P: { kind: 'sum', indicator: 'P' },
  PC: { kind: 'per_capita', numerator: 'N', denominator: 'P', scale: '1000' },
  G: { kind: 'growth_of_aggregate', level: 'L' },
  L: { kind: 'sum', indicator: 'L', priceBasis: 'comparable_2010' },
  C: { kind: 'count_meeting', indicator: 'M', standard: { op: 'gte', value: '1' } },
  SH: { kind: 'share_meeting', indicator: 'M', standard: { op: 'lt', value: '0.5' } },
  M: { kind: 'sum', indicator: 'M' },
  X: { kind: 'not_aggregable', reason: 'rank' },
};

interface Figure {
  indicator: string;
  unit: number;
  period: string;
  versions: Array<{ value: string | null; status: string; basis: string; approved: boolean; published?: string }>;
}

/**
 * Every series of every commune and year. In about a third of the (series, year) cells some communes have no figure
 * or a figure in words only, or the money series mix price bases; the other cells are whole. `complete` draws no
 * holes, one basis per series, and weights and denominators that are never negative (zero weights stay).
 */
function generate(seed: number, communes: number, complete = false): Figure[] {
  const r = random(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T;
  const amount = (): string => (Math.floor(r() * 2_000_000) / 100 - (r() < 0.05 ? 5000 : 0)).toFixed(2);
  const out: Figure[] = [];
  for (const indicator of ['S', 'SB', 'R', 'W', 'N', 'P', 'L', 'M', 'X']) {
    for (const period of ['2021', '2022', '2023']) {
      const holey = !complete && r() < 0.35;
      const declared = indicator === 'SB' ? 'current' : indicator === 'L' ? 'comparable_2010' : 'none';
      const mixed = !complete && declared !== 'none' && r() < 0.3;
      for (let unit = 1; unit <= communes; unit += 1) {
        if (holey && r() < 0.1) continue; // a commune without a figure of this year
        let value: string | null;
        switch (indicator) {
          case 'W':
            value = r() < 0.15 ? '0' : !complete && r() < 0.03 ? '-1' : (r() * 1000).toFixed(1);
            break;
          case 'P':
            value = !complete && r() < 0.05 ? '0' : String(1 + Math.floor(r() * 50_000));
            break;
          case 'M':
            value = pick(['0', '1', '0.25', '0.5', '0.75']);
            break;
          case 'R':
            value = (r() * 100).toFixed(3);
            break;
          default:
            value = amount();
        }
        if (holey && r() < 0.05) value = null; // a figure in words only ("40–50")
        const basis = mixed && r() < 0.3 ? 'comparable_2020' : declared;
        const versions: Figure['versions'] = [{ value, status: 'official', basis, approved: true }];
        if (r() < 0.2) {
          // an estimate entered after the official figure, and an unapproved correction: neither counts
          versions.push({ value: amount(), status: 'estimate', basis, approved: true });
          versions.push({ value: amount(), status: 'official', basis, approved: false });
        }
        if (r() < 0.1) {
          // a later publication replaces the figure
          versions.push({ value, status: 'preliminary', basis, approved: true, published: '2024-03-01' });
        }
        out.push({ indicator, unit, period, versions });
      }
    }
  }
  return out;
}

async function seed(
  db: Db,
  seedNo: number,
  communes: number,
  complete = false,
): Promise<{ ctx: ServiceContext; plan: string }> {
  const tenant = await createTenant(db, 'cu');
  const [province] = await db.query<{ id: string }>(
    `INSERT INTO units (tenant_id, code, name, level) VALUES ($1,'01','Thành phố thử','province') RETURNING id`,
    [tenant.id],
  );
  const units = await db.query<{ id: string; code: string }>(
    `INSERT INTO units (tenant_id, code, name, level, parent_id)
     SELECT $1, lpad((10000 + g)::text, 5, '0'), 'Xã Thử ' || g, 'commune', $2 FROM generate_series(1, $3) g
     RETURNING id, code`,
    [tenant.id, province?.id, communes],
  );
  const unitId = new Map(units.map((u) => [Number(u.code) - 10000, u.id]));
  const [plan] = await db.query<{ id: string }>(
    `INSERT INTO plans (tenant_id, code, name, unit_id, first_year, last_year)
     VALUES ($1,'cu-plan','Kế hoạch thử',$2,2021,2025) RETURNING id`,
    [tenant.id, province?.id],
  );
  const indicators = await db.query<{ id: string; code: string }>(
    `INSERT INTO indicators (tenant_id, plan_id, code, name, aggregation_method, sort_order)
     SELECT $1, $2, c, 'Chỉ tiêu ' || c, m, n FROM unnest($3::text[], $4::jsonb[]) WITH ORDINALITY AS x(c, m, n)
     RETURNING id, code`,
    [tenant.id, plan?.id, Object.keys(METHODS), Object.values(METHODS).map((m) => JSON.stringify(m))],
  );
  const indicatorId = new Map(indicators.map((i) => [i.code, i.id]));
  const figures = generate(seedNo, communes, complete);
  const obs = await db.query<{ id: string }>(
    `INSERT INTO observations (tenant_id, indicator_id, unit_id, period)
     SELECT $1, i, u, p FROM unnest($2::uuid[], $3::uuid[], $4::text[]) WITH ORDINALITY AS x(i, u, p, n) ORDER BY n
     RETURNING id`,
    [
      tenant.id,
      figures.map((f) => indicatorId.get(f.indicator)),
      figures.map((f) => unitId.get(f.unit)),
      figures.map((f) => f.period),
    ],
  );
  const versions = figures.flatMap((f, k) => f.versions.map((v, seq) => ({ ...v, obs: obs[k]?.id, seq: seq + 1 })));
  await db.query(
    `INSERT INTO observation_versions (tenant_id, observation_id, seq, value, value_qualifier, value_text, status, price_basis, workflow_state, published_on)
     SELECT $1, o, s, v, CASE WHEN v IS NULL THEN '{"range":{"min":"40","max":"50"}}'::jsonb END,
            CASE WHEN v IS NULL THEN '40–50' END, st, b, w, pub
       FROM unnest($2::uuid[], $3::int[], $4::numeric[], $5::text[], $6::text[], $7::text[], $8::date[]) AS x(o, s, v, st, b, w, pub)`,
    [
      tenant.id,
      versions.map((v) => v.obs),
      versions.map((v) => v.seq),
      versions.map((v) => v.value),
      versions.map((v) => v.status),
      versions.map((v) => v.basis),
      versions.map((v) => (v.approved ? 'approved' : 'draft')),
      versions.map((v) => v.published ?? null),
    ],
  );
  return {
    ctx: { db, actor: systemActor('test', tenant.id), now: () => new Date('2026-11-30T00:00:00Z') },
    plan: 'cu-plan',
  };
}

/** "12.5" → 1250n, "-3" → -300n (values of at most two decimals). */
function toCents(text: string): bigint {
  const [whole = '0', fraction = ''] = text.replace('-', '').split('.');
  const cents = BigInt(whole) * 100n + BigInt(fraction.padEnd(2, '0').slice(0, 2));
  return text.startsWith('-') ? -cents : cents;
}

/** Hundredths as canonical decimal text ("-12.5", "3"). */
function centsText(cents: bigint): string {
  const sign = cents < 0n ? '-' : '';
  const abs = cents < 0n ? -cents : cents;
  const fraction = String(abs % 100n)
    .padStart(2, '0')
    .replace(/0+$/, '');
  return `${sign}${abs / 100n}${fraction === '' ? '' : `.${fraction}`}`;
}

/** What must agree between the two paths: everything but the wording of the explanation and the input count. */
const comparable = (a: UnitAggregate) => ({
  indicator: a.indicator,
  period: a.period,
  status: a.status,
  value: a.value,
  priceBasis: a.priceBasis,
  missing: a.missing,
  refusal: a.refusal?.code ?? null,
  notes: a.notes.map((n) => n.unit),
  meeting: a.meeting ?? null,
  formula: a.formula,
});

describe.each(testDatabases)('consolidation over communes from the database’s totals on $name', (tdb) => {
  let db: Db;
  beforeAll(async () => {
    db = await openMigrated(tdb);
  });
  afterAll(async () => {
    await db.close();
  });

  it('the totals path gives the same aggregates as every figure through the core (four generated sets)', async () => {
    const seen = new Set<string>();
    for (const s of [1, 2, 3, 4]) {
      const { ctx, plan } = await seed(db, s, 30);
      const totals = await consolidateOverUnits({ ctx, input: { planCode: plan } });
      const figures = await consolidateOverUnits({ ctx, input: { planCode: plan, path: 'figures' } });
      expect(totals.aggregates.map(comparable)).toEqual(figures.aggregates.map(comparable));
      for (const a of totals.aggregates) seen.add(`${a.path}:${a.status}:${a.refusal?.code ?? ''}`);
    }
    // The sets reach every branch: decided by the totals, and missing communes and refusals left to the figures.
    expect([...seen].sort()).toEqual(
      expect.arrayContaining([
        'totals:complete:',
        'figures:incomplete:',
        'figures:refused:mixed_price_basis',
        'figures:refused:negative_weight',
      ]),
    );
  }, 300_000);

  it('a complete set is decided by the totals alone, zero weights noted, and equals the definitions', async () => {
    const { ctx, plan } = await seed(db, 11, 25, true);
    const totals = await consolidateOverUnits({ ctx, input: { planCode: plan } });
    const figures = await consolidateOverUnits({ ctx, input: { planCode: plan, path: 'figures' } });
    expect(totals.aggregates.map(comparable)).toEqual(figures.aggregates.map(comparable));
    // Every aggregate the figures complete, the totals decide alone (growth of the first year has no base: incomplete).
    const complete = figures.aggregates.filter((a) => a.status === 'complete').map((a) => `${a.indicator}|${a.period}`);
    expect(complete.length).toBeGreaterThan(20);
    expect(totals.aggregates.filter((a) => a.path === 'totals').map((a) => `${a.indicator}|${a.period}`)).toEqual(
      complete,
    );
    // The chosen version's values, summed exactly in BigInt hundredths: Σ S of 2022 by definition.
    const rows = await db.query<{ value: string }>(
      `SELECT DISTINCT ON (o.id) v.value::text AS value FROM observations o
         JOIN indicators i ON i.id = o.indicator_id JOIN observation_versions v ON v.observation_id = o.id
        WHERE o.tenant_id = $1 AND i.code = 'S' AND o.period = '2022' AND v.workflow_state = 'approved'
        ORDER BY o.id, v.published_on DESC NULLS LAST, CASE v.status WHEN 'official' THEN 3 WHEN 'preliminary' THEN 2 ELSE 1 END DESC, v.seq DESC`,
      [ctx.actor.tenantId],
    );
    const cents = rows.reduce((a, r) => a + toCents(r.value), 0n);
    const s2022 = totals.aggregates.find((a) => a.indicator === 'S' && a.period === '2022');
    expect(s2022?.value).toBe(centsText(cents));
    const zeroWeights = totals.aggregates.filter((a) => a.indicator === 'R' && a.notes.length > 0);
    expect(zeroWeights.length).toBeGreaterThan(0);
  }, 300_000);
});
