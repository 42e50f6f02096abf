// The wiring of consolidation and units with time, on both databases: the bundled merged city's 2025–2030 baselines
// (honestly incomplete where the former units' plans lack a figure), a complete merger with stated figures that agree
// and differ, the generated 67-commune register imported with its document, queried as it was and on today's
// boundaries, refused row by row when wrong, and the routes: baselines, import, register, end a unit.
import ExcelJS from 'exceljs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NotFound, ValidationError } from '../../src/core/errors.ts';
import { rowLines } from '../../src/cli/commands/evaluate.ts';
import { createUser } from '../../src/services/users/create-user.ts';
import { readDatasetFolder } from '../../src/imports/dataset-folder.ts';
import type { CommuneTable } from '../../src/services/consolidation/commune-table.ts';
import { consolidatedBaselines } from '../../src/services/consolidation/consolidated-baselines.ts';
import { evaluatePlan } from '../../src/services/evaluations/evaluate-plan.ts';
import type { EvaluationRow } from '../../src/services/evaluations/present-evaluation.ts';
import { approveObservation } from '../../src/services/observations/approve-observation.ts';
import { readStoredRows } from '../../src/storage/repositories/plan-evaluations-repo.ts';
import { systemActor, type ServiceContext } from '../../src/services/context.ts';
import { importDataset } from '../../src/services/dataset/import-dataset.ts';
import { importUnits } from '../../src/services/reference/import-units.ts';
import { unitsOnDate } from '../../src/services/reference/units-on-date.ts';
import { call, login, openApi, seedTenant, type Api, type Tenant } from '../api/api-helpers.ts';
import { generatedRegisterCsv } from '../fixtures/generated-communes.ts';
import { testDatabases } from '../helpers/databases.ts';

const DATA = path.resolve(import.meta.dirname, '../../data');
const DOC = { number: '9999/NQ-THỬ', date: '2025-06-16', issuer: 'Cơ quan thử nghiệm' };

describe.each(testDatabases)('consolidation and units with time on $name', (tdb) => {
  let api: Api;
  let ctx: ServiceContext;
  let tenant: Tenant;
  beforeAll(async () => {
    api = await openApi(tdb);
    ctx = { db: api.db, actor: systemActor('test'), now: () => new Date('2026-11-29T00:00:00Z') };
    // The bundled tenant and plans, cut to what consolidation reads: the merged plan's indicators that declare a
    // method, and in the former units' plans the indicators those declarations name, with their figures (targets,
    // tasks and projects left out: evaluating them would only cost time on a shared machine).
    const bundled = readDatasetFolder(DATA);
    const merged = bundled.plans.find((p) => p.plan.id === 'hai-phong-2025-2030');
    const named = new Set<string>();
    for (const i of merged?.indicators ?? [])
      for (const s of (
        i.consolidation?.baseline as { from?: Array<{ plan: string; indicators: Record<string, string> }> }
      )?.from ?? [])
        for (const code of Object.values(s.indicators)) named.add(`${s.plan}|${code}`);
    const lean = {
      tenants: bundled.tenants,
      plans: bundled.plans.map((p) => ({
        ...p,
        indicators: (p.indicators ?? [])
          .filter((i) => (p === merged ? i.consolidation !== undefined : named.has(`${p.plan.id}|${i.code}`)))
          .map((i) => ({ ...i, parent: null, targets: [] })),
        tasks: [],
        projects: [],
        breakthroughs: [],
      })),
    };
    await importDataset({ ctx, input: lean as typeof bundled });
    tenant = await seedTenant(api.db);
  }, 240_000);
  afterAll(async () => {
    await api.close();
  });

  it('the merged city’s 2025 baselines: each input with its plan, indicator and line; what is missing named; none complete', async () => {
    const view = await consolidatedBaselines({ ctx, input: { planCode: 'hai-phong-2025-2030' } });
    expect(view.mergers).toMatchObject([{ from: '30', to: '31', date: '2025-07-01', document: '202/2025/QH15' }]);
    expect(view.rows.map((r) => [r.indicator.code, r.method.kind, r.status])).toEqual([
      ['2', 'per_capita', 'incomplete'],
      ['4.2', 'weighted_mean', 'incomplete'],
      ['5', 'sum', 'incomplete'],
      ['5.1', 'sum', 'incomplete'],
      ['7', 'sum', 'incomplete'],
      ['9', 'sum', 'incomplete'],
      ['13', 'weighted_mean', 'incomplete'],
      ['17', 'weighted_mean', 'incomplete'],
    ]);
    const revenue = view.rows.find((r) => r.indicator.code === '5');
    expect(
      revenue?.inputs.map((i) => [i.unit, i.indicator.plan, i.indicator.code, i.value, i.status, i.source.line]),
    ).toEqual([['31', 'hai-phong-2020-2025', '4', '118079.28', 'estimate', 2879]]);
    expect(revenue?.missing).toMatchObject([{ unit: '30', series: '5', period: '2025', lookedIn: null }]);
    expect(revenue?.value).toBeNull();
    expect(revenue?.footnote.vi).toContain('thiếu Tỉnh Hải Dương (Thu ngân sách nhà nước trên địa bàn năm 2030)');
    expect(revenue?.enterInstead?.vi).toContain('số liệu có nguồn');
    const trained = view.rows.find((r) => r.indicator.code === '13');
    expect(trained?.inputs.map((i) => [i.unit, i.role, i.value, i.source.line])).toEqual([
      ['31', 'value', '40', 2999],
      ['30', 'value', '33', 3205],
    ]);
    expect(trained?.missing.map((m) => [m.unit, m.role, m.series])).toEqual([
      ['31', 'weight', 'labour_force'],
      ['30', 'weight', 'labour_force'],
    ]);
    // Readers see the series' names, never their keys.
    expect(trained?.missing.map((m) => m.seriesName.vi)).toEqual(['lực lượng lao động', 'lực lượng lao động']);
    expect(trained?.footnote.vi).not.toContain('labour_force');
    const perHead = view.rows.find((r) => r.indicator.code === '2');
    expect(perHead?.footnote.vi).toContain('GRDP theo giá hiện hành tính bằng USD');
    expect(perHead?.footnote.vi).not.toContain('grdp_usd');
    expect(view.withoutBaseline.map((w) => w.code).sort()).toEqual(['1', '12.2', 'N5', 'N6']);
    expect(view.summary.vi).toMatch(/^0\/8 chỉ tiêu/);
  });

  it('a complete merger sums and weights the former units’ figures, agreeing with one stated figure and flagging the other', async () => {
    const t = tenant.id;
    const q = async (sql: string, p: unknown[]): Promise<string> =>
      ((await api.db.query<{ id: string }>(`${sql} RETURNING id`, p))[0] as { id: string }).id;
    // The seeded tenant's unit 31 keeps its code; a synthetic province 29 merges into it.
    const former = await q(
      `INSERT INTO units (tenant_id, code, name, level, valid_to) VALUES ($1,'29','Tỉnh Thử Nghiệm Cũ','province','2025-06-30')`,
      [t],
    );
    await api.db.query(
      `INSERT INTO unit_lineage (tenant_id, from_unit_id, to_unit_id, event, effective_on) VALUES ($1,$2,$3,'merged_into','2025-07-01')`,
      [t, former, tenant.unitId],
    );
    const plan = (code: string, unit: string) =>
      q(`INSERT INTO plans (tenant_id, code, name, unit_id, first_year, last_year) VALUES ($1,$2,$3,$4,2021,2025)`, [
        t,
        `${tenant.code}-${code}`,
        `Kế hoạch ${code}`,
        unit,
      ]);
    const a = await plan('a', tenant.unitId);
    const b = await plan('b', former);
    const m = await q(
      `INSERT INTO plans (tenant_id, code, name, unit_id, first_year, last_year) VALUES ($1,$2,'Kế hoạch hợp nhất',$3,2026,2030)`,
      [t, `${tenant.code}-m`, tenant.unitId],
    );
    const indicator = (planId: string, code: string, extra: { method?: unknown; baseline?: unknown } = {}) =>
      q(
        `INSERT INTO indicators (tenant_id, plan_id, code, name, unit_of_measure, aggregation_method, baseline_consolidation) VALUES ($1,$2,$3,$4,'tỷ đồng',$5,$6)`,
        [
          t,
          planId,
          code,
          `Chỉ tiêu ${code}`,
          extra.method ? JSON.stringify(extra.method) : null,
          extra.baseline ? JSON.stringify(extra.baseline) : null,
        ],
      );
    const figure = async (indicatorId: string, unit: string, value: string, line: number, state = 'approved') => {
      const obs = await q(
        `INSERT INTO observations (tenant_id, indicator_id, unit_id, period) VALUES ($1,$2,$3,'2025')`,
        [t, indicatorId, unit],
      );
      await api.db.query(
        `INSERT INTO observation_versions (tenant_id, observation_id, seq, value, status, price_basis, workflow_state, provenance) VALUES ($1,$2,1,$3,'official','current',$4,$5)`,
        [t, obs, value, state, JSON.stringify({ line })],
      );
    };
    await figure(await indicator(a, 'R'), tenant.unitId, '100.5', 11);
    await figure(await indicator(b, 'thu'), former, '20', 21);
    await figure(await indicator(a, 'S'), tenant.unitId, '40', 12);
    await figure(await indicator(a, 'G'), tenant.unitId, '300', 13);
    await figure(await indicator(b, 'ty-trong'), former, '10', 22);
    await figure(await indicator(b, 'grdp'), former, '100', 23);
    const from = (r: Record<string, string>, s: Record<string, string>) => [
      { unit: '31', plan: `${tenant.code}-a`, indicators: r },
      { unit: '29', plan: `${tenant.code}-b`, indicators: s },
    ];
    await indicator(m, '1', {
      method: { kind: 'sum', indicator: 'rev', priceBasis: 'current' },
      baseline: {
        period: '2025',
        from: from({ rev: 'R' }, { rev: 'thu' }),
        stated: { value: '120.5', priceBasis: 'current', line: 99 },
      },
    });
    await indicator(m, '2', {
      method: { kind: 'weighted_mean', indicator: 'share', weight: 'gdp' },
      baseline: {
        period: '2025',
        from: from({ share: 'S', gdp: 'G' }, { share: 'ty-trong', gdp: 'grdp' }),
        stated: { value: '34', line: 98 },
      },
    });
    const view = await consolidatedBaselines({ ctx, input: { planCode: `${tenant.code}-m` } });
    const [sum, mean] = view.rows;
    expect(sum).toMatchObject({ status: 'complete', value: '120.5', priceBasis: 'current' });
    expect(sum?.comparison).toMatchObject({ status: 'agrees', difference: '0' });
    expect(sum?.inputs.map((i) => [i.unit, i.indicator.code, i.source.line])).toEqual([
      ['31', 'R', 11],
      ['29', 'thu', 21],
    ]);
    // (40 × 300 + 10 × 100) / (300 + 100) = 32,5; the source says 34.
    expect(mean).toMatchObject({ status: 'complete', value: '32.5' });
    expect(mean?.inputs.map((i) => [i.unit, i.role, i.value])).toEqual([
      ['31', 'value', '40'],
      ['29', 'value', '10'],
      ['31', 'weight', '300'],
      ['29', 'weight', '100'],
    ]);
    expect(mean?.comparison).toMatchObject({ status: 'differs', difference: '-1.5' });
    expect(mean?.footnote.vi).toContain('Lệch so với số hợp nhất nguồn ghi 34');
    expect(view.summary.vi).toMatch(/^2\/2 chỉ tiêu/);

    // Over HTTP, the public sees the same calculation (approved figures only).
    const res = await call(api.app, null, { method: 'GET', url: `/api/plans/${tenant.code}-m/baselines` });
    expect(res.statusCode).toBe(200);
    expect((res.json() as { rows: Array<{ value: string }> }).rows.map((r) => r.value)).toEqual(['120.5', '32.5']);
    // A figure not yet approved does not count: the sum becomes incomplete, naming the unit.
    await api.db.query(
      `UPDATE observation_versions SET workflow_state = 'submitted' WHERE tenant_id = $1 AND value = 20`,
      [t],
    );
    const after = await consolidatedBaselines({ ctx, input: { planCode: `${tenant.code}-m` } });
    expect(after.rows[0]).toMatchObject({
      status: 'incomplete',
      missing: [{ unit: '29', lookedIn: { indicator: 'thu' } }],
    });
  });

  it('the evaluation reads the consolidated baseline: missing named, then used once complete (stored rows recomputed on approval), and an entered figure wins', async () => {
    const b = await seedTenant(api.db, 'b');
    const t = b.id;
    const q = async (sql: string, p: unknown[]): Promise<string> =>
      ((await api.db.query<{ id: string }>(`${sql} RETURNING id`, p))[0] as { id: string }).id;
    const former = await q(
      `INSERT INTO units (tenant_id, code, name, level, valid_to) VALUES ($1,'29','Tỉnh Thử Nghiệm Cũ','province','2025-06-30')`,
      [t],
    );
    await api.db.query(
      `INSERT INTO unit_lineage (tenant_id, from_unit_id, to_unit_id, event, effective_on) VALUES ($1,$2,$3,'merged_into','2025-07-01')`,
      [t, former, b.unitId],
    );
    const plan = (code: string, unit: string, first: number, last: number) =>
      q(`INSERT INTO plans (tenant_id, code, name, unit_id, first_year, last_year) VALUES ($1,$2,$3,$4,$5,$6)`, [
        t,
        `${b.code}-${code}`,
        `Kế hoạch ${code}`,
        unit,
        first,
        last,
      ]);
    const a = await plan('a', b.unitId, 2021, 2025);
    const f = await plan('b', former, 2021, 2025);
    const m = await plan('m', b.unitId, 2026, 2030);
    const indicator = (planId: string, code: string, extra: { method?: unknown; baseline?: unknown } = {}) =>
      q(
        `INSERT INTO indicators (tenant_id, plan_id, code, name, unit_of_measure, measure, aggregation_method, baseline_consolidation) VALUES ($1,$2,$3,$4,'tỷ đồng','level',$5,$6)`,
        [
          t,
          planId,
          code,
          `Chỉ tiêu ${code}`,
          extra.method ? JSON.stringify(extra.method) : null,
          extra.baseline ? JSON.stringify(extra.baseline) : null,
        ],
      );
    const figure = async (indicatorId: string, unit: string, period: string, value: string, state: string) => {
      const obs = await q(`INSERT INTO observations (tenant_id, indicator_id, unit_id, period) VALUES ($1,$2,$3,$4)`, [
        t,
        indicatorId,
        unit,
        period,
      ]);
      await api.db.query(
        `INSERT INTO observation_versions (tenant_id, observation_id, seq, value, status, price_basis, workflow_state, provenance, entered_by) VALUES ($1,$2,1,$3,'official','current',$4,$5,$6)`,
        [t, obs, value, state, JSON.stringify({ line: 7 }), b.users.agency_editor.id],
      );
      return obs;
    };
    await figure(await indicator(a, 'R'), b.unitId, '2025', '100.5', 'approved');
    const pending = await figure(await indicator(f, 'thu'), former, '2025', '20', 'submitted');
    const revenue = await indicator(m, '1', {
      method: { kind: 'sum', indicator: 'rev', priceBasis: 'current' },
      baseline: {
        period: '2025',
        from: [
          { unit: '31', plan: `${b.code}-a`, indicators: { rev: 'R' } },
          { unit: '29', plan: `${b.code}-b`, indicators: { rev: 'thu' } },
        ],
      },
    });
    await api.db.query(
      `INSERT INTO targets (tenant_id, plan_id, indicator_id, unit_id, kind, spec, text, first_year, last_year) VALUES ($1,$2,$3,$4,'level_at_end',$5,'đạt 200 tỷ đồng',2026,2030)`,
      [
        t,
        m,
        revenue,
        b.unitId,
        JSON.stringify({
          kind: 'level_at_end',
          direction: 'higher_better',
          term: { firstYear: 2026, lastYear: 2030 },
          value: '200',
          year: 2030,
          precision: 1,
        }),
      ],
    );
    await figure(revenue, b.unitId, '2026', '130', 'approved');
    const owner = { ...ctx, actor: systemActor('test', t) };
    const approve = async (id: string) => {
      const [o] = await api.db.query<{ version: number }>('SELECT version FROM observations WHERE id = $1', [id]);
      return approveObservation({ ctx: owner, input: { id, ifMatch: o?.version ?? null, comment: null } });
    };
    const rowOf = async () =>
      (await evaluatePlan({ ctx: owner, input: { planCode: `${b.code}-m` } })).rows.find(
        (r) => r.indicator.code === '1',
      );
    // Incomplete: the row says which input is missing and how to enter the baseline instead; no trend base.
    const before = await rowOf();
    expect(before?.baseline).toMatchObject({
      source: 'missing',
      period: '2025',
      consolidation: { status: 'incomplete', missing: [{ unit: '29', series: 'rev', period: '2025' }] },
    });
    expect(before?.baseline?.consolidation.enterInstead?.vi).toContain('số liệu có nguồn');
    expect(before?.inputs.map((i) => i.period)).toEqual(['2026']);
    expect(before?.intermediates.baseYear).toBeUndefined();

    // Approving the former unit's figure recomputes the merged plan's stored evaluation in the same transaction.
    await approve(pending);
    const stored = await readStoredRows(api.db, t, m);
    const row = stored?.rows.find((r) => r.indicator.code === '1');
    expect(row?.baseline?.source).toBe('consolidated');
    expect(row?.baseline?.consolidation).toMatchObject({ status: 'complete', value: '120.5' });
    expect(
      row?.baseline?.consolidation.inputs.map((i) => [i.unit, i.plan, i.indicator, i.value, i.source.line]),
    ).toEqual([
      ['31', `${b.code}-a`, 'R', '100.5', 7],
      ['29', `${b.code}-b`, 'thu', '20', 7],
    ]);
    const base = row?.inputs.find((i) => i.period === '2025');
    expect(base).toMatchObject({ value: '120.5', consolidated: true, label: 'hợp nhất từ đơn vị cũ' });
    expect(base?.source).toContain('hợp nhất từ');
    expect(row?.intermediates).toMatchObject({ baseYear: '2025', baseValue: '120.5' });
    // The history row rests on the former units' stored versions, not on the stand-in.
    const history = await api.db.query<{ ids: string[] }>(
      `SELECT e.input_version_ids::text[] AS ids FROM evaluations e JOIN targets g ON g.id = e.target_id
        WHERE e.tenant_id = $1 AND g.plan_id = $2 ORDER BY e.computed_at DESC LIMIT 1`,
      [t, m],
    );
    expect(history[0]?.ids).toHaveLength(3);
    // Over HTTP and through the presenter: the same row, marked.
    const res = await call(api.app, null, { method: 'GET', url: `/api/plans/${b.code}-m/evaluations` });
    expect(res.statusCode).toBe(200);
    const served = (res.json() as { rows: EvaluationRow[] }).rows.find((r) => r.indicator.code === '1');
    expect(served?.baseline?.source).toBe('consolidated');
    expect(served?.inputs.find((i) => i.consolidated)?.value).toBe('120.5');

    // The plan owner enters the 2025 figure for the merged city with its source: that figure wins.
    const entered = await figure(revenue, b.unitId, '2025', '118', 'submitted');
    await approve(entered);
    const after = (await readStoredRows(api.db, t, m))?.rows.find((r) => r.indicator.code === '1');
    expect(after?.baseline?.source).toBe('entered');
    expect(after?.inputs.some((i) => i.consolidated)).toBe(false);
    expect(after?.intermediates.baseValue).toBe('118');
    expect((await rowOf())?.baseline?.source).toBe('entered');
  });

  it('refuses a dataset whose aggregation declaration is malformed, naming the indicator and the field', async () => {
    const bundled = readDatasetFolder(DATA);
    const plan = bundled.plans.find((p) => p.plan.id === 'hai-phong-2025-2030');
    if (!plan) throw new Error('no 2025–2030 plan');
    const bad = {
      tenants: bundled.tenants,
      plans: [
        {
          ...plan,
          plan: { ...plan.plan, id: 'hai-phong-2025-2030-sai' },
          indicators: [
            {
              ...(plan.indicators ?? [])[0],
              code: 'X',
              parent: null,
              targets: [],
              consolidation: { method: { kind: 'mean', indicator: 'X' } },
            },
          ],
          tasks: [],
          projects: [],
          breakthroughs: [],
        },
      ],
    };
    const error = await importDataset({ ctx, input: bad as typeof bundled }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    const issue = (error as ValidationError).issues.find((i) => i.path.includes('consolidation/method/kind'));
    expect(issue?.reason.vi).toContain('phương pháp "mean" không có');
    expect(await api.db.query(`SELECT 1 FROM plans WHERE code = 'hai-phong-2025-2030-sai'`)).toEqual([]);
  });

  it('imports the generated 67-commune register with its document, as it was and on today’s boundaries, idempotently', async () => {
    const owner = { ...ctx, actor: systemActor('test', tenant.id) };
    const csv = generatedRegisterCsv('31');
    const result = await importUnits({ ctx: owner, input: { csv, document: DOC } });
    expect(result).toMatchObject({ created: 70, unchanged: 0, lineage: 3 });
    const before = await unitsOnDate({ ctx: owner, input: { on: '2025-06-30', level: 'commune' } });
    expect(before.items.map((u) => [u.code, u.today.code])).toEqual([
      ['80001', '90001'],
      ['80002', '90001'],
      ['80003', '90001'],
    ]);
    const now = await unitsOnDate({ ctx: owner, input: { on: '2025-07-01' } });
    const communes = now.items.filter((u) => u.level !== 'province');
    expect(communes).toHaveLength(67);
    expect(communes.filter((u) => u.level === 'ward')).toHaveLength(6);
    expect(communes.find((u) => u.level === 'special_zone')?.name).toBe('Đặc khu Thử Nghiệm 67');
    const audit = await api.db.query<{ reason: string }>(
      `SELECT reason FROM audit_log WHERE tenant_id = $1 AND entity = 'unit_register'`,
      [tenant.id],
    );
    expect(audit.map((r) => r.reason)).toEqual([`Nhập danh mục đơn vị theo ${DOC.number}`]);
    const again = await importUnits({ ctx: owner, input: { csv, document: DOC } });
    expect(again).toMatchObject({ created: 0, unchanged: 70, lineage: 0 });
  });

  it('the new-rural target over the 67 generated communes: count, share, status and the communes not meeting it with their owners, in the API and the CLI; a commune editor enters its own commune’s figure only', async () => {
    const t = tenant.id;
    const owner = { ...ctx, actor: systemActor('test', t) };
    const q = async (sql: string, p: unknown[]): Promise<string> =>
      ((await api.db.query<{ id: string }>(`${sql} RETURNING id`, p))[0] as { id: string }).id;
    const plan = await q(
      `INSERT INTO plans (tenant_id, code, name, unit_id, first_year, last_year) VALUES ($1,$2,'Kế hoạch nông thôn mới thử',$3,2026,2030)`,
      [t, `${tenant.code}-ntm`, tenant.unitId],
    );
    const ind = await q(
      `INSERT INTO indicators (tenant_id, plan_id, code, name, unit_of_measure, measure) VALUES ($1,$2,'12.2','Tỷ lệ xã đạt chuẩn nông thôn mới kiểu mẫu','%','share')`,
      [t, plan],
    );
    const spec = {
      kind: 'units_meeting_standard',
      direction: 'higher_better',
      term: { firstYear: 2026, lastYear: 2030 },
      share: '50',
      count: 34,
      ofCount: 67,
      standard: 'nông thôn mới kiểu mẫu',
      year: 2030,
    };
    await api.db.query(
      `INSERT INTO targets (tenant_id, plan_id, indicator_id, unit_id, kind, spec, text, first_year, last_year) VALUES ($1,$2,$3,$4,'units_meeting_standard',$5,'50% số xã (34/67 xã)',2026,2030)`,
      [t, plan, ind, tenant.unitId, JSON.stringify(spec)],
    );
    // 2026: communes 01–30 meet the standard, 31–60 report that they do not, 61–67 have no figure yet.
    await api.db.query(
      `WITH o AS (
         INSERT INTO observations (tenant_id, indicator_id, unit_id, period)
         SELECT $1, $2, id, '2026' FROM units WHERE tenant_id = $1 AND code BETWEEN '90001' AND '90060'
         RETURNING id, unit_id)
       INSERT INTO observation_versions (tenant_id, observation_id, seq, value, status, measure, workflow_state)
       SELECT $1, o.id, 1, CASE WHEN u.code <= '90030' THEN 1 ELSE 0 END, 'official', 'share', 'approved'
         FROM o JOIN units u ON u.id = o.unit_id`,
      [t, ind],
    );
    // A commune editor for commune 61 (no figure) and one for commune 31 (not met), created by the admin service.
    await createUser({
      ctx: owner,
      input: {
        email: 'xa61@t.test',
        displayName: 'Cán bộ Xã Thử Nghiệm 61',
        password: 'mat-khau-thu-nghiem-61',
        roles: ['commune_editor'],
        unitCode: '90061',
      },
    });
    await createUser({
      ctx: owner,
      input: {
        email: 'xa31@t.test',
        displayName: 'Cán bộ Xã Thử Nghiệm 31',
        password: 'mat-khau-thu-nghiem-31',
        roles: ['commune_editor'],
        unitCode: '90031',
      },
    });
    const noCommune = await createUser({
      ctx: owner,
      input: {
        email: 'xa-none@t.test',
        displayName: 'x',
        password: 'mat-khau-thu-nghiem-xx',
        roles: ['commune_editor'],
      },
    }).catch((e: unknown) => e);
    expect((noCommune as ValidationError).issues?.[0]?.path).toBe('body/unitCode');
    const province = await createUser({
      ctx: owner,
      input: {
        email: 'xa-tinh@t.test',
        displayName: 'x',
        password: 'mat-khau-thu-nghiem-xx',
        roles: ['commune_editor'],
        unitCode: '31000',
      },
    }).catch((e: unknown) => e);
    expect(province).toBeInstanceOf(NotFound);

    // The public answer lists the communes but names no person: the owners are for the tenant's members.
    const anonymous = await call(api.app, null, { method: 'GET', url: `/api/plans/${tenant.code}-ntm/evaluations` });
    expect(anonymous.statusCode).toBe(200);
    const publicCounts = (anonymous.json() as { rows: EvaluationRow[] }).rows[0]?.unitCounts ?? [];
    expect(publicCounts.flatMap((c) => c.notMeeting ?? []).length).toBeGreaterThan(0);
    expect(publicCounts.flatMap((c) => (c.notMeeting ?? []).flatMap((n) => n.owners))).toEqual([]);
    const member = await login(api.app, tenant.users.reader.email);
    const res = await call(api.app, member, { method: 'GET', url: `/api/plans/${tenant.code}-ntm/evaluations` });
    expect(res.statusCode).toBe(200);
    const row = (res.json() as { rows: EvaluationRow[] }).rows[0];
    const y2026 = row?.unitCounts?.find((c) => c.period === '2026');
    expect(y2026).toMatchObject({ count: 30, of: 67, date: '2026-12-31' });
    expect(Number(y2026?.share)).toBeCloseTo((30 / 67) * 100, 10);
    expect(row?.status).not.toBeNull();
    expect(row?.phase).toBe('in_term');
    expect(y2026?.notMeeting).toHaveLength(37);
    expect(y2026?.notMeeting?.[0]).toEqual({
      code: '90031',
      name: 'Xã Thử Nghiệm 31',
      reason: 'not_met',
      owners: ['Cán bộ Xã Thử Nghiệm 31'],
    });
    expect(y2026?.notMeeting?.filter((n) => n.reason === 'no_figure').map((n) => n.code)).toEqual([
      '90061',
      '90062',
      '90063',
      '90064',
      '90065',
      '90066',
      '90067',
    ]);
    expect(y2026?.notMeeting?.find((n) => n.code === '90061')?.owners).toEqual(['Cán bộ Xã Thử Nghiệm 61']);
    // The former communes ended before 2026 are in neither the count nor the list.
    expect(y2026?.notMeeting?.some((n) => n.code.startsWith('8000'))).toBe(false);
    // The CLI prints the same count, share and list.
    const lines = row ? rowLines(row) : [];
    expect(lines).toContain(`${' '.repeat(24)}Năm 2026: 30/67 đơn vị đạt chuẩn (44,8 %)`);
    expect(lines).toContain(`${' '.repeat(24)}Chưa đạt (37):`);
    expect(lines).toContain(`${' '.repeat(24)}  90031 Xã Thử Nghiệm 31 · phụ trách: Cán bộ Xã Thử Nghiệm 31`);
    expect(lines).toContain(
      `${' '.repeat(24)}  90061 Phường Thử Nghiệm 61 (chưa có số liệu) · phụ trách: Cán bộ Xã Thử Nghiệm 61`,
    );

    // The commune editor of 61 enters its own commune's figure through the same checks and workflow; not another's.
    const editor = await login(api.app, 'xa61@t.test', 'mat-khau-thu-nghiem-61');
    const unitOf = async (code: string) =>
      (await api.db.query<{ id: string }>('SELECT id FROM units WHERE tenant_id = $1 AND code = $2', [t, code]))[0]?.id;
    const entered = await call(api.app, editor, {
      method: 'POST',
      url: '/api/observations',
      payload: { indicatorId: ind, unitId: await unitOf('90061'), period: '2026', value: '1', status: 'official' },
    });
    expect(entered.statusCode, entered.body).toBe(201);
    const other = await call(api.app, editor, {
      method: 'POST',
      url: '/api/observations',
      payload: { indicatorId: ind, unitId: await unitOf('90062'), period: '2026', value: '1', status: 'official' },
    });
    expect(other.statusCode).toBe(403);
    const { id, version } = entered.json() as { id: string; version: number };
    const submitted = await call(api.app, editor, {
      method: 'POST',
      url: `/api/observations/${id}/submit`,
      headers: { 'if-match': `"${version}"` },
    });
    expect(submitted.statusCode, submitted.body).toBe(200);
    // Not yet approved: not counted. Approved by the approver: 31/67.
    const [o] = await api.db.query<{ version: number }>('SELECT version FROM observations WHERE id = $1', [id]);
    await approveObservation({ ctx: owner, input: { id, ifMatch: o?.version ?? null, comment: null } });
    const after = await evaluatePlan({ ctx: owner, input: { planCode: `${tenant.code}-ntm` } });
    const counted = after.rows[0]?.unitCounts?.find((c) => c.period === '2026');
    expect(counted).toMatchObject({ count: 31, of: 67 });
    expect(counted?.notMeeting?.some((n) => n.code === '90061')).toBe(false);

    // The commune view: every commune of the year with its figure and status, sorted and filtered, as CSV and xlsx.
    const url = `/api/plans/${tenant.code}-ntm/indicators/12.2/communes`;
    const table = await call(api.app, null, { method: 'GET', url });
    expect(table.statusCode, table.body).toBe(200);
    const body = table.json() as CommuneTable;
    expect(body).toMatchObject({
      year: 2026,
      standard: 'nông thôn mới kiểu mẫu',
      totals: { communes: 67, meets: 31, notMet: 30, noFigure: 6 },
    });
    expect(body.rows).toHaveLength(67);
    expect(body.rows[0]).toMatchObject({ code: '90001', status: 'meets', statusWords: { vi: 'Đạt chuẩn' } });
    const missing = await call(api.app, null, { method: 'GET', url: `${url}?status=no_figure&sort=name&order=desc` });
    // By name, descending, in Vietnamese order: "Phường …" after "Đặc khu …".
    expect((missing.json() as CommuneTable).rows.map((r) => r.code)).toEqual([
      '90066',
      '90065',
      '90064',
      '90063',
      '90062',
      '90067',
    ]);
    const named = await call(api.app, null, { method: 'GET', url: `${url}?q=${encodeURIComponent('thử nghiệm 3')}` });
    expect((named.json() as CommuneTable).rows.map((r) => r.code)).toEqual(
      Array.from({ length: 10 }, (_, i) => String(90030 + i)),
    );
    const byValue = await call(api.app, null, { method: 'GET', url: `${url}?sort=value&order=desc` });
    const values = (byValue.json() as CommuneTable).rows.map((r) => r.value);
    expect(values.slice(0, 31).every((v) => v === '1')).toBe(true);
    expect(values.slice(-6)).toEqual([null, null, null, null, null, null]);
    const csv = await call(api.app, null, { method: 'GET', url: `${url}?status=not_met&format=csv` });
    expect(csv.headers['content-type']).toContain('text/csv');
    const csvLines = csv.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(csvLines[0]).toBe('Mã,Tên đơn vị,Loại,Giá trị,Giai đoạn số liệu,Tình trạng,Phụ trách');
    expect(csvLines).toHaveLength(31);
    // The public table names no person; a member's names each commune's editor.
    expect(csvLines[1]).toBe('90031,Xã Thử Nghiệm 31,commune,0,official,Chưa đạt,');
    const memberCsv = await call(api.app, member, { method: 'GET', url: `${url}?status=not_met&format=csv` });
    expect(memberCsv.body).toContain('90031,Xã Thử Nghiệm 31,commune,0,official,Chưa đạt,Cán bộ Xã Thử Nghiệm 31');
    const xlsx = await call(api.app, null, { method: 'GET', url: `${url}?format=xlsx` });
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0];
    expect(sheet?.rowCount).toBe(69);
    expect(sheet?.getRow(3).getCell(1).value).toBe('90001');
    expect(sheet?.getRow(3).getCell(4).value).toBe(1);
  });

  it('the communes CSV defuses a name a spreadsheet would run as a formula, and quotes a semicolon', async () => {
    const url = `/api/plans/${tenant.code}-ntm/indicators/12.2/communes?q=90031&format=csv`;
    const hostile = '=HYPERLINK("http://evil.example","Xã; 31")';
    const [unit] = await api.db.query<{ name: string }>(
      `UPDATE units SET name = $2 WHERE tenant_id = $1 AND code = '90031' RETURNING (SELECT name FROM units WHERE tenant_id = $1 AND code = '90031') AS name`,
      [tenant.id, hostile],
    );
    try {
      const csv = await call(api.app, null, { method: 'GET', url });
      expect(csv.statusCode, csv.body).toBe(200);
      const line = csv.body.split('\r\n')[1];
      expect(line).toBe(`90031,"'=HYPERLINK(""http://evil.example"",""Xã; 31"")",commune,0,official,Chưa đạt,`);
    } finally {
      await api.db.query(`UPDATE units SET name = $2 WHERE tenant_id = $1 AND code = '90031'`, [
        tenant.id,
        unit?.name ?? '',
      ]);
    }
  });

  it('refuses a wrong register row by row, in both languages, and writes nothing', async () => {
    const owner = { ...ctx, actor: systemActor('test', tenant.id) };
    const count = async () =>
      (await api.db.query<{ n: number }>('SELECT count(*)::int AS n FROM units WHERE tenant_id = $1', [tenant.id]))[0]
        ?.n;
    const before = await count();
    const csv = [
      'code,name,kind,parent,valid_from,valid_to,event,related',
      '91001,Xã Thử Nghiệm Mới,xã,31,2026-01-01,,,',
      '9100,Xã Sai Mã,xã,31,2026-01-01,,,',
      '91002,Xã Sai Loại,huyện,31,2026-01-01,,,',
      '91003,Xã Sai Ngày,xã,31,2026-02-30,,,',
      '90002,Xã Dùng Lại Mã,xã,31,2026-01-01,,,',
    ].join('\n');
    const error = await importUnits({ ctx: owner, input: { csv, document: DOC } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    const issues = (error as ValidationError).issues.map((i) => i.path);
    expect(issues).toEqual(['dòng 3 / code', 'dòng 4 / kind', 'dòng 5 / valid_from']);
    expect((error as ValidationError).issues[1]?.reason.vi).toContain('phải là xã, phường hoặc đặc khu');
    // A code held by a unit still in force is refused by the register's rules, naming the line.
    const reuse = await importUnits({
      ctx: owner,
      input: {
        csv: 'code,name,kind,parent,valid_from,valid_to,event,related\n90002,Xã Dùng Lại Mã,xã,31,2026-01-01,,,\n',
        document: DOC,
      },
    }).catch((e: unknown) => e);
    expect((reuse as ValidationError).issues.map((i) => i.path)).toEqual(['dòng 2']);
    expect((reuse as ValidationError).issues[0]?.reason.en).toContain('valid twice');
    expect(await count()).toBe(before);
  });

  it('the routes: a plan owner imports and ends a unit, a reader may not, the register reads as it was', async () => {
    const owner = await login(api.app, tenant.users.plan_owner.email);
    const reader = await login(api.app, tenant.users.reader.email);
    const csv =
      'code,name,kind,parent,valid_from,valid_to,event,related\n92001,Phường Thử Nghiệm API,phường,31,2026-01-01,,,\n';
    const denied = await call(api.app, reader, {
      method: 'POST',
      url: '/api/units/import',
      payload: { csv, document: DOC },
    });
    expect(denied.statusCode).toBe(403);
    const created = await call(api.app, owner, {
      method: 'POST',
      url: '/api/units/import',
      payload: { csv, document: DOC },
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ created: 1, document: { number: DOC.number } });
    const ended = await call(api.app, owner, {
      method: 'POST',
      url: '/api/units/92001/end',
      payload: { validTo: '2026-06-30', reason: 'Sáp nhập thử nghiệm' },
    });
    expect(ended.statusCode).toBe(200);
    const onDay = (on: string) =>
      call(api.app, reader, { method: 'GET', url: `/api/units/register?on=${on}&level=ward` });
    const codes = async (on: string) =>
      ((await onDay(on)).json() as { items: Array<{ code: string }> }).items.map((u) => u.code);
    expect(await codes('2026-06-30')).toContain('92001');
    expect(await codes('2026-07-01')).not.toContain('92001');
    const bad = await call(api.app, owner, {
      method: 'POST',
      url: '/api/units/92001/end',
      payload: { validTo: '2026-13-01', reason: 'x' },
    });
    expect(bad.statusCode).toBe(400);
    const audit = await api.db.query<{ reason: string }>(
      `SELECT reason FROM audit_log WHERE tenant_id = $1 AND entity = 'unit' ORDER BY at`,
      [tenant.id],
    );
    expect(audit.map((r) => r.reason)).toContain('Sáp nhập thử nghiệm');
  });
});
