// Any province's plan: its own documents as provenance, stages of a target, and a target revised by a later document,
// on both databases. The second bundled plan (Nghệ An 2025–2030, data/provinces/nghe-an) imports and evaluates with
// every target citing its real document; nothing of it is stamped with Hải Phòng's source file.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readDatasetFolder } from '../../src/imports/dataset-folder.ts';
import { systemActor, type ServiceContext } from '../../src/services/context.ts';
import type { Dataset, PlanFile } from '../../src/services/dataset/dataset-types.ts';
import { importDataset } from '../../src/services/dataset/import-dataset.ts';
import { evaluatePlan } from '../../src/services/evaluations/evaluate-plan.ts';
import { listObservations } from '../../src/services/observations/list-observations.ts';
import { listTargets } from '../../src/services/reference/list-targets.ts';
import { listTargetHistory, reviseTarget } from '../../src/services/reference/revise-target.ts';
import type { Db } from '../../src/storage/db.ts';
import { openMigrated, testDatabases } from '../helpers/databases.ts';

const NOW = new Date('2026-11-25T00:00:00Z');
const NGHE_AN = path.resolve(import.meta.dirname, '../../data/provinces/nghe-an');

/** A small plan of a made-up province, written as a planning office would: documents, citations, a draft and a figure. */
function fixture(tenant: string): Dataset {
  const plan: PlanFile = {
    format: 'chitieu-plan/1',
    tenant,
    plan: {
      id: 'thu-2021-2025',
      name: 'Nghị quyết thử nghiệm, nhiệm kỳ 2020–2025',
      unitCode: '99',
      term: { firstYear: 2021, lastYear: 2025 },
      document: { kind: 'congress_resolution', number: null, date: null, issuer: 'Đại hội thử nghiệm' },
      display: { exceededAs: 'exceeded' },
      source: { document: 'nq', page: 1 },
    },
    documents: [
      {
        id: 'nq',
        kind: 'congress_resolution',
        title: 'Nghị quyết Đại hội thử nghiệm',
        number: '01-NQ/ĐH',
        date: '2020-10-15',
        issuer: 'Đại hội thử nghiệm',
        url: 'https://example.org/nq.pdf',
        default: true,
      },
      {
        id: 'tk-2025',
        kind: 'statistical_release',
        title: 'Thông cáo báo chí tình hình kinh tế - xã hội năm 2025',
        number: null,
        date: '2026-01-06',
        issuer: 'Thống kê tỉnh thử nghiệm',
        url: 'https://example.org/thong-cao-2025',
      },
    ],
    indicators: [
      {
        code: 'X',
        parent: null,
        name: 'Tỷ lệ đô thị hóa',
        unit: '%',
        measure: 'share',
        line: 12,
        targets: [
          {
            text: 'đạt 100%',
            source: { document: 'nq', page: 4, paragraph: 'Mục I.2', quote: 'tỷ lệ đô thị hóa đạt 100%' },
            spec: {
              kind: 'level_at_end',
              direction: 'higher_better',
              term: { firstYear: 2021, lastYear: 2025 },
              value: '100',
              year: 2025,
            },
            derived: { year: 'đến cuối nhiệm kỳ: 2025' },
            notes: [
              { kind: 'ambiguity', text: 'Năm đánh giá là năm cuối nhiệm kỳ', source: { document: 'nq', page: 4 } },
            ],
          },
          {
            text: 'đạt 110% (dự thảo)',
            line: 40,
            stage: 'draft',
            spec: {
              kind: 'level_at_end',
              direction: 'higher_better',
              term: { firstYear: 2021, lastYear: 2025 },
              value: '110',
              year: 2025,
            },
          },
        ],
        observations: [
          {
            period: '2025',
            value: '95',
            text: '95%',
            status: 'official',
            source: { document: 'tk-2025', page: 2, quote: 'tỷ lệ đô thị hóa đạt 95%' },
            notes: [{ kind: 'context', text: 'Số chính thức', source: { document: 'tk-2025', page: 2 } }],
          },
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
        tenant: { code: tenant, name: 'Tỉnh thử nghiệm', unitCode: '99' },
        units: [{ code: '99', name: 'Tỉnh thử nghiệm', level: 'province', validFrom: null, validTo: null }],
        lineage: [],
        agencies: [],
      },
    ],
    plans: [plan],
  };
}

describe.each(testDatabases)('plan documents, stages and revisions on $name', (tdb) => {
  let db: Db;
  const ctx = (tenantId: string | null = null): ServiceContext => ({
    db,
    actor: systemActor('test', tenantId),
    now: () => NOW,
  });
  const tenantId = async (code: string): Promise<string> =>
    ((await db.query<{ id: string }>('SELECT id FROM tenants WHERE code = $1', [code]))[0] as { id: string }).id;

  beforeAll(async () => {
    db = await openMigrated(tdb);
  });
  afterAll(async () => {
    await db.close();
  });

  it("imports Nghệ An's plan with every target citing its own document (URL and quote), never Hải Phòng's file", async () => {
    const report = await importDataset({ ctx: ctx(), input: readDatasetFolder(NGHE_AN) });
    expect(report.plans).toEqual([expect.objectContaining({ code: 'nghe-an-2025-2030', created: true, targets: 4 })]);
    const t = await tenantId('nghe-an');
    const docs = await db.query<{ code: string; url: string }>(
      'SELECT code, url FROM documents WHERE tenant_id = $1 AND code IS NOT NULL ORDER BY code',
      [t],
    );
    expect(docs.map((d) => d.code)).toEqual([
      'nq-dai-hoi-xx-toan-van',
      'quy-hoach-tinh-2021-2030-bvmt',
      'vietnamplus-be-mac-dai-hoi-xx',
      'vneconomy-2025-10-05',
    ]);
    expect(docs.every((d) => d.url.startsWith('https://'))).toBe(true);
    const stamped = await db.query(
      `SELECT 1 FROM targets WHERE tenant_id = $1 AND (provenance::text LIKE '%000_fcfbe4c97d396d0a%' OR citation::text LIKE '%000_fcfbe4c97d396d0a%')
       UNION ALL SELECT 1 FROM plans WHERE tenant_id = $1 AND provenance::text LIKE '%000_fcfbe4c97d396d0a%'
       UNION ALL SELECT 1 FROM indicators WHERE tenant_id = $1 AND provenance::text LIKE '%000_fcfbe4c97d396d0a%'`,
      [t],
    );
    expect(stamped).toEqual([]);
    const { items } = await listTargets({ ctx: ctx(t), input: { plan: 'nghe-an-2025-2030' } });
    expect(items).toHaveLength(4);
    for (const x of items) {
      expect(x.stage).toBe('in_force');
      expect(x.citation?.source).toMatch(/^https:\/\//);
      expect(typeof x.citation?.quote).toBe('string');
      expect(x.notes.length).toBeGreaterThan(0);
    }
    const growth = items.find((x) => x.indicator.code === '1');
    expect(growth?.spec).toMatchObject({ kind: 'growth_average', min: '12', strict: true });
    expect(growth?.derived).toHaveProperty('baseYear');
    expect(growth?.notes[0]?.source).toMatchObject({ document: 'vietnamplus-be-mac-dai-hoi-xx' });
    const view = await evaluatePlan({ ctx: ctx(t), input: { planCode: 'nghe-an-2025-2030' } });
    expect(view.rows).toHaveLength(4);
    expect(view.counts.targets).toBe(4);
    const forest = view.rows.find((r) => r.indicator.code === '4');
    expect(forest?.status).toBe('no_data');
  });

  it('keeps citations, derivations, notes and stages as written, and counts only the target in force', async () => {
    const input = fixture('tinh-thu');
    await importDataset({ ctx: ctx(), input });
    const t = await tenantId('tinh-thu');
    const { items } = await listTargets({ ctx: ctx(t), input: { plan: 'thu-2021-2025' } });
    const [adopted, draft] = items;
    const written = input.plans[0]?.indicators?.[0]?.targets ?? [];
    // Round trip of what was written: the stored target says the same as the file (DB state compared field by field).
    expect(adopted).toMatchObject({
      stage: 'in_force',
      text: written[0]?.text,
      spec: written[0]?.spec,
      derived: written[0]?.derived,
      citation: { ...written[0]?.source, source: 'https://example.org/nq.pdf' },
      notes: [{ kind: 'ambiguity', text: 'Năm đánh giá là năm cuối nhiệm kỳ', source: { document: 'nq', page: 4 } }],
    });
    // A bare line is a place in the plan's default document.
    expect(draft).toMatchObject({
      stage: 'draft',
      citation: { document: 'nq', line: 40, source: 'https://example.org/nq.pdf' },
    });
    const [figure] = await db.query<{ source_text: string; provenance: Record<string, unknown> }>(
      `SELECT v.source_text, v.provenance FROM observation_versions v JOIN observations o ON o.id = v.observation_id WHERE o.tenant_id = $1`,
      [t],
    );
    expect(figure?.source_text).toBe('Thông cáo báo chí tình hình kinh tế - xã hội năm 2025, 06/01/2026, trang 2');
    expect(figure?.provenance).toMatchObject({ document: 'tk-2025', page: 2, quote: 'tỷ lệ đô thị hóa đạt 95%' });
    // The figure's note is read with the figure, as the indicator page shows it beside the value.
    const figures = await listObservations({ ctx: ctx(t), input: { plan: 'thu-2021-2025' } });
    expect(figures.items[0]?.notes).toEqual([
      { kind: 'context', text: 'Số chính thức', source: expect.objectContaining({ document: 'tk-2025', page: 2 }) },
    ]);
    const view = await evaluatePlan({ ctx: ctx(t), input: { planCode: 'thu-2021-2025' } });
    // The draft is shown beside the adopted value, labelled, and not counted.
    expect(view.rows).toHaveLength(2);
    expect(view.counts.targets).toBe(1);
    expect(view.rows[0]?.status).toBe('not_met');
    expect(view.rows[1]?.notCounted?.reason).toBe('draft');
  });

  it('a target revised by a later document: the old one counts before, the new one after, history shows both', async () => {
    const t = await tenantId('tinh-thu');
    const before = await evaluatePlan({ ctx: ctx(t), input: { planCode: 'thu-2021-2025' } });
    expect(before.rows[0]?.status).toBe('not_met');
    const out = await reviseTarget({
      ctx: ctx(t),
      input: {
        planCode: 'thu-2021-2025',
        indicatorCode: 'X',
        spec: {
          kind: 'level_at_end',
          direction: 'higher_better',
          term: { firstYear: 2021, lastYear: 2025 },
          value: '90',
          year: 2025,
        },
        text: 'đạt 90%',
        reason: 'HĐND điều chỉnh chỉ tiêu giữa kỳ',
        effectiveOn: '2023-07-01',
        document: {
          code: 'nq-hdnd-dieu-chinh',
          kind: 'council_resolution',
          title: 'Nghị quyết điều chỉnh kế hoạch 5 năm',
          number: '15/NQ-HĐND',
          date: '2023-06-30',
          issuer: 'Hội đồng nhân dân tỉnh thử nghiệm',
          url: 'https://example.org/nq-15',
        },
        citation: { page: 3, quote: 'điều chỉnh tỷ lệ đô thị hóa đạt 90%' },
      },
    });
    const after = await evaluatePlan({ ctx: ctx(t), input: { planCode: 'thu-2021-2025' } });
    const counted = after.rows.filter((r) => r.notCounted === undefined);
    expect(counted).toHaveLength(1);
    expect(after.counts.targets).toBe(1);
    expect(counted[0]?.status).toBe('exceeded');
    const { items } = await listTargetHistory({
      ctx: ctx(t),
      input: { planCode: 'thu-2021-2025', indicatorCode: 'X' },
    });
    const old = items.find((i) => i.id === out.supersededId);
    const now = items.find((i) => i.id === out.targetId);
    expect(old).toMatchObject({
      stage: 'superseded',
      text: 'đạt 100%',
      supersededOn: '2023-07-01',
      supersededBy: out.targetId,
      document: { code: 'nq', url: 'https://example.org/nq.pdf' },
      revisedBy: { code: 'nq-hdnd-dieu-chinh', number: '15/NQ-HĐND', date: '2023-06-30' },
    });
    expect(now).toMatchObject({
      stage: 'in_force',
      text: 'đạt 90%',
      document: { code: 'nq-hdnd-dieu-chinh', url: 'https://example.org/nq-15' },
      citation: { document: 'nq-hdnd-dieu-chinh', page: 3 },
    });
    expect(items.map((i) => i.stage).sort()).toEqual(['draft', 'in_force', 'superseded']);
    const audit = await db.query<{ action: string; reason: string }>(
      "SELECT action, reason FROM audit_log WHERE tenant_id = $1 AND entity = 'target'",
      [t],
    );
    expect(audit).toEqual([{ action: 'revise', reason: 'HĐND điều chỉnh chỉ tiêu giữa kỳ' }]);
  });

  it('a re-import of an existing plan shows the differences and applies them only with apply, audited', async () => {
    const input = fixture('tinh-thu');
    const target = input.plans[0]?.indicators?.[0]?.targets?.[0];
    if (target === undefined || target.spec.kind !== 'level_at_end') throw new Error('fixture');
    target.spec.value = '96';
    target.text = 'đạt 96%';
    const t = await tenantId('tinh-thu');
    const shown = await importDataset({ ctx: ctx(), input });
    const plan = shown.plans[0];
    expect(plan).toMatchObject({ created: false, applied: false });
    // The file's target in force differs from the revised one stored (90 %): shown, nothing written.
    expect(plan?.differences).toEqual([
      expect.objectContaining({
        indicator: 'X',
        change: 'edited',
        before: expect.objectContaining({ text: 'đạt 90%' }),
      }),
    ]);
    expect((await evaluatePlan({ ctx: ctx(t), input: { planCode: 'thu-2021-2025' } })).rows[0]?.status).toBe(
      'exceeded',
    );
    const applied = await importDataset({ ctx: ctx(), input, apply: true });
    expect(applied.plans[0]).toMatchObject({ created: false, applied: true });
    expect((await evaluatePlan({ ctx: ctx(t), input: { planCode: 'thu-2021-2025' } })).rows[0]?.status).toBe('not_met');
    const audit = await db.query<{ reason: string }>(
      "SELECT reason FROM audit_log WHERE tenant_id = $1 AND entity = 'target' AND action = 'edit'",
      [t],
    );
    expect(audit.map((a) => a.reason)).toEqual(['dataset re-import (thu-2021-2025)']);
    const again = await importDataset({ ctx: ctx(), input });
    expect(again.plans[0]?.differences).toEqual([]);
  });

  it('a re-import that adds an indicator and removes a target applies both only with apply: the old one retired, audited', async () => {
    const input = fixture('tinh-thu');
    const plan = input.plans[0];
    const x = plan?.indicators?.[0];
    if (plan === undefined || x === undefined) throw new Error('fixture');
    // X keeps only its draft (its target in force is dropped); Y is new, citing the statistics release.
    x.targets = (x.targets ?? []).filter((t) => t.stage === 'draft');
    plan.indicators?.push({
      code: 'Y',
      parent: null,
      name: 'Tỷ lệ hộ nghèo',
      unit: '%',
      measure: 'share',
      targets: [
        {
          text: 'dưới 1%',
          source: { document: 'tk-2025', page: 5, quote: 'tỷ lệ hộ nghèo dưới 1%' },
          spec: {
            kind: 'threshold',
            direction: 'lower_better',
            term: { firstYear: 2021, lastYear: 2025 },
            op: '<',
            value: '1',
            year: 2025,
          },
          notes: [{ kind: 'context', text: 'Theo chuẩn nghèo đa chiều', source: { document: 'tk-2025', page: 5 } }],
        },
      ],
    });
    const t = await tenantId('tinh-thu');
    const shown = await importDataset({ ctx: ctx(), input });
    expect(shown.plans[0]?.differences?.map((d) => `${d.change} ${d.indicator}[${d.index}]`)).toEqual([
      'removed X[0]',
      'added Y[0]',
    ]);
    expect(shown.plans[0]?.applied).toBe(false);
    const counted = (rows: { indicator: { code: string }; notCounted?: unknown }[]) =>
      rows.filter((r) => r.notCounted === undefined).map((r) => r.indicator.code);
    expect(counted((await evaluatePlan({ ctx: ctx(t), input: { planCode: 'thu-2021-2025' } })).rows)).toEqual(['X']);
    const applied = await importDataset({ ctx: ctx(), input, apply: true });
    expect(applied.plans[0]?.applied).toBe(true);
    const view = await evaluatePlan({ ctx: ctx(t), input: { planCode: 'thu-2021-2025' } });
    expect(counted(view.rows)).toEqual(['Y']);
    expect(view.counts.targets).toBe(1);
    // The retired target stays in X's history, superseded from the day of the re-import.
    const history = await listTargetHistory({ ctx: ctx(t), input: { planCode: 'thu-2021-2025', indicatorCode: 'X' } });
    expect(history.items.filter((i) => i.stage === 'in_force')).toEqual([]);
    expect(history.items.find((i) => i.text === 'đạt 96%')).toMatchObject({
      stage: 'superseded',
      supersededOn: '2026-11-25',
    });
    const y = await listTargetHistory({ ctx: ctx(t), input: { planCode: 'thu-2021-2025', indicatorCode: 'Y' } });
    expect(y.items).toEqual([
      expect.objectContaining({
        stage: 'in_force',
        text: 'dưới 1%',
        document: expect.objectContaining({ code: 'tk-2025' }),
        citation: expect.objectContaining({ document: 'tk-2025', page: 5 }),
      }),
    ]);
    const audit = await db.query<{ entity: string; action: string; reason: string }>(
      "SELECT entity, action, reason FROM audit_log WHERE tenant_id = $1 AND action IN ('retire', 'create') AND reason LIKE 'dataset re-import%' ORDER BY entity, action",
      [t],
    );
    expect(audit).toEqual([
      { entity: 'indicator', action: 'create', reason: 'dataset re-import (thu-2021-2025)' },
      { entity: 'target', action: 'create', reason: 'dataset re-import (thu-2021-2025)' },
      { entity: 'target', action: 'retire', reason: 'dataset re-import (thu-2021-2025)' },
    ]);
    expect((await importDataset({ ctx: ctx(), input })).plans[0]?.differences).toEqual([]);
  });

  it('refuses a citation of a document the plan does not list, naming the field, and writes nothing', async () => {
    const input = fixture('tinh-sai');
    const target = input.plans[0]?.indicators?.[0]?.targets?.[0];
    if (target?.source) target.source.document = 'khong-co';
    await expect(importDataset({ ctx: ctx(), input })).rejects.toMatchObject({
      issues: expect.arrayContaining([
        expect.objectContaining({ path: expect.stringContaining('targets[0].source.document') }),
      ]),
    });
    expect(await db.query("SELECT 1 FROM tenants WHERE code = 'tinh-sai'")).toEqual([]);
  });
});
