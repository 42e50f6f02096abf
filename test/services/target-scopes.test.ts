// Figure scopes and parallel targets (issue 22): a draft beside the adopted value, a target for the former unit of a
// merger, and a second target in force for the same indicator, scope and final year are all shown, labelled, and
// the plan's counts and summary count exactly one target per indicator and scope. On both databases.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor, type ServiceContext } from '../../src/services/context.ts';
import type { Dataset, PlanFile } from '../../src/services/dataset/dataset-types.ts';
import { importDataset } from '../../src/services/dataset/import-dataset.ts';
import { evaluatePlan } from '../../src/services/evaluations/evaluate-plan.ts';
import { listPlans } from '../../src/services/plans/list-plans.ts';
import { listTargets } from '../../src/services/reference/list-targets.ts';
import type { Db } from '../../src/storage/db.ts';
import { openMigrated, testDatabases } from '../helpers/databases.ts';

const NOW = new Date('2026-11-25T00:00:00Z');
const TERM = { firstYear: 2021, lastYear: 2025 };
const level = (value: string) => ({
  kind: 'level_at_end' as const,
  direction: 'higher_better' as const,
  term: TERM,
  value,
  year: 2025,
});

function fixture(tenant: string): Dataset {
  const plan: PlanFile = {
    format: 'chitieu-plan/1',
    tenant,
    plan: {
      id: 'pham-vi-2021-2025',
      name: 'Kế hoạch thử nghiệm phạm vi',
      unitCode: '97',
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
    ],
    indicators: [
      {
        code: 'X',
        parent: null,
        name: 'Tỷ lệ đô thị hóa',
        unit: '%',
        measure: 'share',
        line: 10,
        targets: [
          { text: 'đạt 90%', line: 11, spec: level('90') },
          { text: 'đạt 95% (dự thảo)', line: 12, stage: 'draft', spec: level('95') },
          { text: 'đạt 80% (tỉnh cũ)', line: 13, scope: { unit: '96', on: '2025-06-30' }, spec: level('80') },
          { text: 'đạt 85% (chép lại)', line: 14, spec: level('85') },
        ],
        observations: [
          { period: '2025', value: '88', text: '88%', status: 'official', line: 20 },
          { period: '2025', value: '82', text: '82%', status: 'official', line: 21, scope: { unit: '96' } },
        ],
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
        tenant: { code: tenant, name: 'Tỉnh thử nghiệm sau hợp nhất', unitCode: '97' },
        units: [
          { code: '97', name: 'Tỉnh thử nghiệm', level: 'province', validFrom: null, validTo: null },
          { code: '96', name: 'Tỉnh cũ thử nghiệm', level: 'province', validFrom: null, validTo: '2025-06-30' },
        ],
        lineage: [],
        agencies: [],
      },
    ],
    plans: [plan],
  };
}

describe.each(testDatabases)('target scopes and parallel targets on $name', (tdb) => {
  let db: Db;
  let tenantId = '';
  const ctx = (t: string | null = null): ServiceContext => ({ db, actor: systemActor('test', t), now: () => NOW });

  beforeAll(async () => {
    db = await openMigrated(tdb);
    await importDataset({ ctx: ctx(), input: fixture('pham-vi') });
    tenantId = ((await db.query<{ id: string }>("SELECT id FROM tenants WHERE code = 'pham-vi'"))[0] as { id: string })
      .id;
  });
  afterAll(async () => {
    await db.close();
  });

  it('counts one target per indicator and scope; the draft, the former unit and the parallel one are shown, labelled', async () => {
    const view = await evaluatePlan({ ctx: ctx(tenantId), input: { planCode: 'pham-vi-2021-2025' } });
    const byText = new Map(view.rows.map((r) => [r.target.text, r]));
    expect(view.rows).toHaveLength(4);
    expect(view.counts.targets).toBe(1);
    expect(view.counts.notCounted).toBe(3);
    expect(view.counts.final).toEqual({ not_met: 1 });
    // The one that counts: 88 against 90.
    expect(byText.get('đạt 90%')?.status).toBe('not_met');
    expect(byText.get('đạt 90%')?.notCounted).toBeUndefined();
    // The draft is evaluated on the same figure and labelled.
    expect(byText.get('đạt 95% (dự thảo)')?.notCounted).toMatchObject({ reason: 'draft' });
    expect(byText.get('đạt 95% (dự thảo)')?.notCounted?.words.vi).toMatch(/^Dự thảo/);
    // The former unit's target reads the former unit's own figure (82 ≥ 80), not the plan's.
    const former = byText.get('đạt 80% (tỉnh cũ)');
    expect(former?.status).toBe('exceeded');
    expect(former?.notCounted).toMatchObject({
      reason: 'other_scope',
      scope: { code: '96', name: 'Tỉnh cũ thử nghiệm' },
    });
    expect(former?.notCounted?.words.en).toContain('Tỉnh cũ thử nghiệm');
    const parallel = byText.get('đạt 85% (chép lại)');
    expect(parallel?.status).toBe('exceeded');
    expect(parallel?.notCounted).toMatchObject({
      reason: 'parallel',
      countedTargetId: byText.get('đạt 90%')?.targetId,
    });
    // The summary speaks of the one that counts (two of the others exceeded theirs): 0 of 1.
    expect(view.summary.en).toBe('0/1 targets met or exceeded');
  });

  it('the plan list counts what the evaluation counts, and the target list names each target’s stage and scope', async () => {
    const plans = await listPlans({ ctx: ctx(tenantId), input: {} });
    const plan = plans.find((p) => p.code === 'pham-vi-2021-2025');
    expect(plan?.counts.targets).toBe(1);
    const { items } = await listTargets({ ctx: ctx(tenantId), input: { plan: 'pham-vi-2021-2025' } });
    expect(items.map((t) => [t.text, t.stage, t.scope])).toEqual([
      ['đạt 90%', 'in_force', null],
      ['đạt 95% (dự thảo)', 'draft', null],
      ['đạt 80% (tỉnh cũ)', 'in_force', { code: '96', name: 'Tỉnh cũ thử nghiệm' }],
      ['đạt 85% (chép lại)', 'in_force', null],
    ]);
  });
});
