// A city target split into per-commune targets over HTTP, on both databases, with the generated 67-commune
// register: the sum check refusing shares that miss the city target (naming the gap and each commune at fault,
// nothing written), a rate split without a sum, the commune targets evaluated from each commune's figures and shown
// in the commune table and `chitieu evaluate` without changing the plan's counts, a re-split superseding the previous
// one, and who may split.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowLines } from '../../src/cli/commands/evaluate.ts';
import type { CommuneTable } from '../../src/services/consolidation/commune-table.ts';
import { systemActor, type ServiceContext } from '../../src/services/context.ts';
import type { PlanEvaluationView } from '../../src/services/evaluations/evaluate-plan.ts';
import { importUnits } from '../../src/services/reference/import-units.ts';
import { call, login, openApi, seedTenant, type Api, type Session, type Tenant } from '../api/api-helpers.ts';
import { generatedCommunes, generatedRegisterCsv } from '../fixtures/generated-communes.ts';
import { testDatabases } from '../helpers/databases.ts';

const DOC = { number: '9999/NQ-THỬ', date: '2025-06-16', issuer: 'Cơ quan thử nghiệm' };
const communes = generatedCommunes();

describe.each(testDatabases)('splitting a city target by commune on $name', (tdb) => {
  let api: Api;
  let ctx: ServiceContext;
  let tenant: Tenant;
  let owner: Session;
  let planCode: string;
  const targets: Record<'revenue' | 'rate' | 'undeclared', string> = { revenue: '', rate: '', undeclared: '' };
  const unitIds = new Map<string, string>();

  const q = async (sql: string, p: unknown[]): Promise<string> =>
    ((await api.db.query<{ id: string }>(`${sql} RETURNING id`, p))[0] as { id: string }).id;
  const split = (
    who: Session | null,
    targetId: string,
    shares: Array<{ unit: string; value: string }>,
    code = planCode,
  ) =>
    call(api.app, who, {
      method: 'POST',
      url: `/api/plans/${code}/targets/${targetId}/split`,
      payload: { shares, reason: 'Giao chỉ tiêu cho từng xã theo kế hoạch của thành phố' },
    });
  const evenly = (value: string) => communes.map((c) => ({ unit: c.code, value }));
  const targetCount = async () =>
    Number(
      (
        await api.db.query<{ n: string }>('SELECT count(*)::text AS n FROM targets WHERE tenant_id = $1', [tenant.id])
      )[0]?.n,
    );

  beforeAll(async () => {
    api = await openApi(tdb);
    ctx = { db: api.db, actor: systemActor('test'), now: () => new Date('2026-11-29T00:00:00Z') };
    tenant = await seedTenant(api.db);
    const t = tenant.id;
    await importUnits({
      ctx: { ...ctx, actor: systemActor('test', t) },
      input: { csv: generatedRegisterCsv('31'), document: DOC },
    });
    for (const r of await api.db.query<{ id: string; code: string }>(
      'SELECT id, code FROM units WHERE tenant_id = $1',
      [t],
    ))
      unitIds.set(r.code, r.id);
    planCode = `${tenant.code}-xa`;
    const plan = await q(
      `INSERT INTO plans (tenant_id, code, name, unit_id, first_year, last_year) VALUES ($1,$2,'Kế hoạch giao xã thử',$3,2026,2030)`,
      [t, planCode, tenant.unitId],
    );
    const indicator = (code: string, name: string, unit: string, measure: string, method: unknown) =>
      q(
        `INSERT INTO indicators (tenant_id, plan_id, code, name, unit_of_measure, measure, aggregation_method) VALUES ($1,$2,$3,$4,$5,$6,$7)`,
        [t, plan, code, name, unit, measure, method === null ? null : JSON.stringify(method)],
      );
    const target = (indicatorId: string, spec: object, text: string) =>
      q(
        `INSERT INTO targets (tenant_id, plan_id, indicator_id, unit_id, kind, spec, text, first_year, last_year) VALUES ($1,$2,$3,$4,$5,$6,$7,2026,2030)`,
        [t, plan, indicatorId, tenant.unitId, (spec as { kind: string }).kind, JSON.stringify(spec), text],
      );
    const term = { firstYear: 2026, lastYear: 2030 };
    const revenue = await indicator('5', 'Thu ngân sách trên địa bàn', 'tỷ đồng', 'level', {
      kind: 'sum',
      indicator: '5',
    });
    targets.revenue = await target(
      revenue,
      { kind: 'level_at_end', direction: 'higher_better', term, value: '6700', year: 2030, precision: 0 },
      'Thu ngân sách đạt 6.700 tỷ đồng năm 2030',
    );
    const rate = await indicator('13', 'Tỷ lệ lao động qua đào tạo', '%', 'share', {
      kind: 'weighted_mean',
      indicator: '13',
      weight: 'labour_force',
    });
    targets.rate = await target(
      rate,
      { kind: 'threshold', direction: 'higher_better', term, op: '>=', value: '90', year: 2030, precision: 0 },
      'Tỷ lệ lao động qua đào tạo từ 90% trở lên',
    );
    const undeclared = await indicator('9', 'Tổng vốn đầu tư', 'tỷ đồng', 'flow', null);
    targets.undeclared = await target(
      undeclared,
      { kind: 'cumulative', direction: 'higher_better', term, value: '670', precision: 0 },
      'Tổng vốn đầu tư 670 tỷ đồng',
    );
    // Commune 01 reports its 2026 revenue (approved), commune 02 nothing yet.
    const obs = await q(
      `INSERT INTO observations (tenant_id, indicator_id, unit_id, period) VALUES ($1,$2,$3,'2026')`,
      [t, revenue, unitIds.get('90001')],
    );
    await api.db.query(
      `INSERT INTO observation_versions (tenant_id, observation_id, seq, value, status, measure, workflow_state) VALUES ($1,$2,1,130,'official','level','approved')`,
      [t, obs],
    );
    owner = await login(api.app, tenant.users.plan_owner.email);
  }, 240_000);
  afterAll(async () => {
    await api.close();
  });

  it('shares that do not add up to the city target are refused with the gap, each commune at fault named, nothing written', async () => {
    const before = await targetCount();
    const shares = evenly('100').slice(1);
    shares[0] = { unit: '90002', value: '99' };
    const res = await split(owner, targets.revenue, shares);
    expect(res.statusCode, res.body).toBe(400);
    const body = res.json() as { code: string; errors: Array<{ path: string; reason: { vi: string; en: string } }> };
    expect(body.code).toBe('invalid_split');
    expect(body.errors).toEqual([
      {
        path: '/shares',
        reason: {
          vi: 'thiếu phần của Xã Thử Nghiệm 01 (mã 90001): mỗi xã một phần (0 nếu không giao)',
          en: 'the share of Xã Thử Nghiệm 01 (code 90001) is missing: every commune gets one (0 if none)',
        },
      },
    ]);
    const off = await split(owner, targets.revenue, [{ unit: '90001', value: '99' }, ...evenly('100').slice(1)]);
    expect(off.statusCode).toBe(400);
    expect((off.json() as { errors: Array<{ reason: { vi: string } }> }).errors[0]?.reason.vi).toBe(
      'tổng các phần 6.699 khác chỉ tiêu cấp tỉnh 6.700 tỷ đồng (so ở 0 chữ số thập phân, chênh -1)',
    );
    const undeclared = await split(owner, targets.undeclared, evenly('10'));
    expect(undeclared.statusCode).toBe(400);
    expect((undeclared.json() as { errors: Array<{ path: string }> }).errors[0]?.path).toBe('/aggregationMethod');
    expect(await targetCount()).toBe(before);
    const audit = await api.db.query(`SELECT 1 FROM audit_log WHERE tenant_id = $1 AND action = 'split'`, [tenant.id]);
    expect(audit).toEqual([]);
  });

  it('the plan owner splits a sum: 67 commune targets adding up to the city’s, each read from its commune’s figures, shown and not counted', async () => {
    const before = (
      (
        await call(api.app, owner, { method: 'GET', url: `/api/plans/${planCode}/evaluations` })
      ).json() as PlanEvaluationView
    ).counts;
    const res = await split(owner, targets.revenue, evenly('100'));
    expect(res.statusCode, res.body).toBe(201);
    const out = res.json() as {
      rule: string;
      total: string;
      targets: Array<{ unit: string; value: string; text: string }>;
    };
    expect(out.rule).toBe('sum');
    expect(out.total).toBe('6700');
    expect(out.targets).toHaveLength(67);
    expect(out.targets[0]).toMatchObject({
      unit: '90001',
      value: '100',
      text: 'Thu ngân sách đạt 6.700 tỷ đồng năm 2030 — phần của Xã Thử Nghiệm 01: 100 tỷ đồng',
    });
    const stored = await api.db.query<{ code: string; split_from: string; stage: string }>(
      `SELECT u.code, t.split_from, t.stage FROM targets t JOIN units u ON u.id = t.unit_id
        WHERE t.tenant_id = $1 AND t.split_from IS NOT NULL ORDER BY u.code`,
      [tenant.id],
    );
    expect(stored).toHaveLength(67);
    expect(new Set(stored.map((s) => s.split_from))).toEqual(new Set([targets.revenue]));
    const audit = await api.db.query<{ reason: string; entity_id: string; after: { shares: unknown[] } }>(
      `SELECT reason, entity_id, after FROM audit_log WHERE tenant_id = $1 AND action = 'split'`,
      [tenant.id],
    );
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      entity_id: targets.revenue,
      reason: 'Giao chỉ tiêu cho từng xã theo kế hoạch của thành phố',
    });
    expect(audit[0]?.after.shares).toHaveLength(67);

    // The plan's counts are the same: the city target still counts, the commune targets are shown and labelled.
    const view = (
      await call(api.app, owner, { method: 'GET', url: `/api/plans/${planCode}/evaluations` })
    ).json() as PlanEvaluationView;
    expect(view.counts.targets).toBe(before.targets);
    expect(view.counts.notCounted).toBe(before.notCounted + 67);
    const first = view.rows.find((r) => r.notCounted?.reason === 'other_scope' && r.notCounted.scope.code === '90001');
    expect(first?.notCounted).toMatchObject({ splitFrom: targets.revenue });
    expect(first?.actual.value).toBe('130');
    expect(first?.status).not.toBe('no_data');
    const second = view.rows.find((r) => r.notCounted?.reason === 'other_scope' && r.notCounted.scope.code === '90002');
    expect(second?.actual.value).toBeNull();
    // `chitieu evaluate` prints why the row is not counted.
    expect(first ? rowLines(first) : []).toContain(
      `${' '.repeat(24)}Phần của Xã Thử Nghiệm 01 (mã 90001) khi chia chỉ tiêu cấp tỉnh theo xã: theo dõi riêng, không tính vào tổng hợp`,
    );

    // The indicator's commune table: each commune's target and its status, the public included.
    const table = (
      await call(api.app, null, { method: 'GET', url: `/api/plans/${planCode}/indicators/5/communes?year=2026` })
    ).json() as CommuneTable;
    expect(table.split).toMatchObject({ targetId: targets.revenue, value: '6700', communes: 67 });
    const row01 = table.rows.find((r) => r.code === '90001');
    expect(row01?.value).toBe('130');
    expect(row01?.target).toMatchObject({ value: '100', status: first?.status, displayStatus: first?.displayStatus });
    expect(table.rows.find((r) => r.code === '90002')?.target).toMatchObject({ value: '100', status: second?.status });

    // The downloads carry the same target and status columns as the screen, in the screen's words.
    const url = `/api/plans/${planCode}/indicators/5/communes?year=2026`;
    const csv = await call(api.app, null, { method: 'GET', url: `${url}&format=csv` });
    expect(csv.statusCode).toBe(200);
    const lines = csv.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe(
      'Mã,Tên đơn vị,Loại,Giá trị,Giai đoạn số liệu,Tình trạng,Chỉ tiêu của xã,Đánh giá chỉ tiêu,Phụ trách',
    );
    expect(lines).toHaveLength(68);
    expect(lines[1]).toBe(`90001,Xã Thử Nghiệm 01,commune,130,official,Có số liệu,100,${first?.displayStatus?.vi},`);
    expect(lines[2]).toBe(`90002,Xã Thử Nghiệm 02,commune,,,Chưa có số liệu,100,${second?.displayStatus?.vi},`);
    const xlsx = await call(api.app, null, { method: 'GET', url: `${url}&format=xlsx` });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0] as ExcelJS.Worksheet;
    expect((sheet.getRow(2).values as unknown[]).slice(1)).toEqual(lines[0]?.split(','));
    expect((sheet.getRow(3).values as unknown[]).slice(1)).toEqual([
      '90001',
      'Xã Thử Nghiệm 01',
      'commune',
      130,
      'official',
      'Có số liệu',
      100,
      first?.displayStatus?.vi,
      '',
    ]);
    expect(sheet.getRow(4).getCell(4).value).toBeNull();
    expect(sheet.getRow(4).getCell(8).value).toBe(second?.displayStatus?.vi);
    expect(sheet.rowCount).toBe(69);
  });

  it('a rate gives each commune its own value without a sum; a re-split supersedes the previous commune targets', async () => {
    const values = communes.map((c, i) => ({ unit: c.code, value: String(80 + (i % 15)) }));
    const first = await split(owner, targets.rate, values);
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toMatchObject({ rule: 'each', total: null });
    const again = await split(owner, targets.rate, evenly('92'));
    expect(again.statusCode, again.body).toBe(201);
    const replaced = (again.json() as { targets: Array<{ replaced: string | null }> }).targets.map((t) => t.replaced);
    expect(replaced.every((r) => r !== null)).toBe(true);
    const stages = await api.db.query<{ stage: string; n: string }>(
      `SELECT stage, count(*)::text AS n FROM targets WHERE tenant_id = $1 AND split_from = $2 GROUP BY stage ORDER BY stage`,
      [tenant.id, targets.rate],
    );
    expect(stages).toEqual([
      { stage: 'in_force', n: '67' },
      { stage: 'superseded', n: '67' },
    ]);
    const table = (
      await call(api.app, owner, { method: 'GET', url: `/api/plans/${planCode}/indicators/13/communes` })
    ).json() as CommuneTable;
    expect(new Set(table.rows.map((r) => r.target?.value))).toEqual(new Set(['92']));
  });

  it('only the plan owner and the admin split, within their tenant; a commune’s own target is not split again', async () => {
    for (const who of ['reader', 'agency_editor', 'approver', 'inspector'] as const) {
      const res = await split(await login(api.app, tenant.users[who].email), targets.rate, evenly('92'));
      expect(res.statusCode, who).toBe(403);
    }
    expect((await split(null, targets.rate, evenly('92'))).statusCode).toBe(401);
    const other = await seedTenant(api.db, 'o');
    const stranger = await login(api.app, other.users.plan_owner.email);
    expect((await split(stranger, targets.rate, evenly('92'), planCode)).statusCode).toBe(404);
    const [commune] = await api.db.query<{ id: string }>(
      `SELECT id FROM targets WHERE tenant_id = $1 AND split_from = $2 AND stage = 'in_force' LIMIT 1`,
      [tenant.id, targets.rate],
    );
    const res = await split(owner, commune?.id ?? '', evenly('92'));
    expect(res.statusCode).toBe(400);
    expect((res.json() as { errors: Array<{ reason: { en: string } }> }).errors[0]?.reason.en).toMatch(
      /only a target of the plan’s own unit/,
    );
    const admin = await login(api.app, tenant.users.admin.email);
    expect((await split(admin, targets.rate, evenly('93'))).statusCode).toBe(201);
  });
});
