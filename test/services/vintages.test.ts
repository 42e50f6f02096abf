import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readDatasetFolder } from '../../src/imports/dataset-folder.ts';
import { systemActor, type ServiceContext } from '../../src/services/context.ts';
import { importDataset } from '../../src/services/dataset/import-dataset.ts';
import { evaluatePlan } from '../../src/services/evaluations/evaluate-plan.ts';
import { listEvaluationChanges } from '../../src/services/evaluations/list-evaluation-changes.ts';
import { addVintage } from '../../src/services/observations/add-vintage.ts';
import type { Db } from '../../src/storage/db.ts';
import { openMigrated, testDatabases, type TestDatabase } from '../helpers/databases.ts';

const DATA = path.resolve(import.meta.dirname, '../../data');

/** A database of this file's own with the bundled dataset loaded, as of the session's fixed date. */
async function openWithBundledDataset(tdb: TestDatabase): Promise<{ db: Db; ctx: ServiceContext }> {
  const db = await openMigrated(tdb);
  const ctx: ServiceContext = { db, actor: systemActor('test'), now: () => new Date('2026-11-25T00:00:00Z') };
  await importDataset({ ctx, input: readDatasetFolder(DATA) });
  return { db, ctx };
}

describe.each(testDatabases)('vintages on $name', (tdb) => {
  let db: Db;
  let ctx: ServiceContext;
  beforeAll(async () => {
    ({ db, ctx } = await openWithBundledDataset(tdb));
  });
  afterAll(async () => {
    await db.close();
  });

  const row = async (code: string, publishedOn?: string) => {
    const view = await evaluatePlan({
      ctx,
      input: { planCode: 'hai-phong-2020-2025', asOf: '2026-11-25', ...(publishedOn ? { publishedOn } : {}) },
    });
    const r = view.rows.find((x) => x.indicator.code === code);
    if (!r) throw new Error(`no row ${code}`);
    return r;
  };

  it('stores the "Ước 2025" figures of the source as estimates and says so in the verdict', async () => {
    const grdp = await row('1');
    expect(grdp.inputs.map((v) => v.status)).toEqual(['estimate']);
    expect(grdp.actual.estimate).toBe(true);
    expect(grdp.displayStatus?.vi).toBe('Ước không đạt');
    expect(grdp.actual.basis).toEqual({ code: 'comparable_2010', label: 'giá so sánh 2010' });
    expect(grdp.period?.cutoff).toEqual({ from: '2020-12-15', to: '2025-12-14' });
  });

  it('an official vintage that crosses the target flips the verdict, lists the change with both vintages, and the "as published on" evaluation keeps the old verdict', async () => {
    const result = await addVintage({
      ctx,
      input: {
        planCode: 'hai-phong-2020-2025',
        indicatorCode: '1',
        period: '2021-2025',
        value: '14.6',
        status: 'official',
        source: 'Số liệu thử của bài kiểm tra',
        publishedOn: '2026-11-20',
      },
    });
    expect(result.seq).toBe(2);
    expect(result.changes).toHaveLength(1);
    const change = result.changes[0];
    expect(change?.before).toMatchObject({ status: 'not_met', value: '11.39' });
    expect(change?.after).toMatchObject({ status: 'exceeded', value: '14.6', word: 'Vượt' });
    expect(change?.before?.vintages[0]).toContain('estimate');
    expect(change?.after.vintages[0]).toContain('official');

    const latest = await row('1');
    expect(latest.status).toBe('exceeded');
    expect(latest.inputs.map((v) => [v.status, v.value])).toEqual([['official', '14.6']]);

    const asPublished = await row('1', '2026-11-19');
    expect(asPublished.status).toBe('not_met');
    expect(asPublished.inputs.map((v) => [v.status, v.value])).toEqual([['estimate', '11.39']]);

    const listed = await listEvaluationChanges({ ctx, input: { planCode: 'hai-phong-2020-2025' } });
    expect(listed[0]).toMatchObject({
      indicator: { code: '1' },
      before: { status: 'not_met' },
      after: { status: 'exceeded' },
      cause: { status: 'official', value: '14.6', publishedOn: '2026-11-20' },
    });
  });

  it('keeps every version: the estimate is still stored after the official figure arrived', async () => {
    const versions = await db.query<{ seq: number; status: string; value: string }>(
      `SELECT v.seq, v.status, v.value FROM observation_versions v JOIN observations o ON o.id = v.observation_id
         JOIN indicators i ON i.id = o.indicator_id JOIN plans p ON p.id = i.plan_id
        WHERE p.code = 'hai-phong-2020-2025' AND i.code = '1' ORDER BY v.seq`,
    );
    expect(versions).toEqual([
      { seq: 1, status: 'estimate', value: '11.39' },
      { seq: 2, status: 'official', value: '14.6' },
    ]);
  });

  it('refuses a figure that is not a number, naming the field, and writes nothing', async () => {
    const before = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM observation_versions');
    await expect(
      addVintage({
        ctx,
        input: {
          planCode: 'hai-phong-2020-2025',
          indicatorCode: '1',
          period: '2021-2025',
          value: '14,6,1',
          status: 'official',
          source: 'x',
          publishedOn: '2026-11-20',
        },
      }),
    ).rejects.toMatchObject({ code: 'invalid_figure', messages: { vi: expect.stringContaining('value') } });
    const after = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM observation_versions');
    expect(after).toEqual(before);
  });

  it('requires a reason for a correction, and records it as a correction in the audit log', async () => {
    await expect(
      addVintage({
        ctx,
        input: {
          planCode: 'hai-phong-2020-2025',
          indicatorCode: '2',
          period: '2025',
          value: '9500',
          status: 'estimate',
          source: 'x',
          publishedOn: '2026-11-21',
          kind: 'correction',
        },
      }),
    ).rejects.toMatchObject({ code: 'validation_failed' });
    const ok = await addVintage({
      ctx,
      input: {
        planCode: 'hai-phong-2020-2025',
        indicatorCode: '2',
        period: '2025',
        value: '9487',
        status: 'estimate',
        source: 'Báo cáo bổ sung',
        publishedOn: '2026-11-21',
        kind: 'correction',
        reason: 'Sai số nhập liệu',
      },
    });
    const audit = await db.query<{ action: string; reason: string }>(
      `SELECT action, reason FROM audit_log WHERE entity = 'observation' AND entity_id = $1`,
      [ok.observationId],
    );
    expect(audit).toEqual([{ action: 'correct', reason: 'Sai số nhập liệu' }]);
  });
});

describe.each(testDatabases)('manual overrides on $name', (tdb) => {
  let db: Db;
  let ctx: ServiceContext;
  beforeAll(async () => {
    ({ db, ctx } = await openWithBundledDataset(tdb));
  });
  afterAll(async () => {
    await db.close();
  });

  it('shows a plan owner’s override as such, keeps the computed verdict beside it, and refuses one without a reason', async () => {
    const { recordOverride } = await import('../../src/services/evaluations/record-override.ts');
    await expect(
      recordOverride({
        ctx,
        input: { planCode: 'hai-phong-2020-2025', indicatorCode: '1', status: 'met', reason: ' ' },
      }),
    ).rejects.toMatchObject({ code: 'validation_failed' });
    await recordOverride({
      ctx,
      input: {
        planCode: 'hai-phong-2020-2025',
        indicatorCode: '1',
        status: 'met',
        reason: 'Theo kết luận của Ban Thường vụ',
      },
    });
    const view = await evaluatePlan({ ctx, input: { planCode: 'hai-phong-2020-2025', asOf: '2026-11-25' } });
    const r = view.rows.find((x) => x.indicator.code === '1');
    expect(r?.status).toBe('met');
    expect(r?.explanation.vi).toContain('Theo kết luận của Ban Thường vụ');
    expect(r?.override).toMatchObject({ status: 'met', original: 'not_met' });
    const audit = await db.query<{ action: string }>(`SELECT action FROM audit_log WHERE action = 'override'`);
    expect(audit).toHaveLength(1);
  });
});

describe.each(testDatabases)('reporting regime and wording as data on $name', (tdb) => {
  let db: Db;
  let ctx: ServiceContext;
  beforeAll(async () => {
    ({ db, ctx } = await openWithBundledDataset(tdb));
  });
  afterAll(async () => {
    await db.close();
  });

  const grdp = async () => {
    const view = await evaluatePlan({ ctx, input: { planCode: 'hai-phong-2020-2025', asOf: '2026-11-25' } });
    return view.rows.find((x) => x.indicator.code === '1');
  };

  it('stamps evaluations with the cut-off of NĐ 09/2019 by default, and with a tenant’s own regime once it records one', async () => {
    expect((await grdp())?.period).toMatchObject({
      cutoff: { from: '2020-12-15', to: '2025-12-14' },
      rulesId: 'nd-09-2019',
    });
    const basis = { kind: 'custom', note: { vi: 'Quyết định của UBND thành phố (thử)', en: 'City decision (test)' } };
    const regime = {
      id: 'hp-calendar-months',
      cutoffDay: { value: 'month_end', basis },
      deadline: { value: { kind: 'days_after_cutoff', days: 10, working: true }, basis },
    };
    await db.query(
      `UPDATE tenants SET settings = jsonb_set(settings, '{reportingRules}', $1::jsonb) WHERE code = 'hai-phong'`,
      [JSON.stringify(regime)],
    );
    expect((await grdp())?.period).toMatchObject({
      cutoff: { from: '2021-01-01', to: '2025-12-31' },
      rulesId: 'hp-calendar-months',
    });
  });

  it('prints the verdict in the vocabulary the plan chose', async () => {
    expect((await grdp())?.displayStatus?.vi).toBe('Ước không đạt');
    await db.query(
      `UPDATE plans SET settings = jsonb_set(settings, '{display,vocabulary}', '"vi-official-suffix"') WHERE code = 'hai-phong-2020-2025'`,
    );
    expect((await grdp())?.displayStatus?.vi).toBe('Không đạt (ước)');
  });
});

describe.each(testDatabases)('figures published only as a bound or a range on $name', (tdb) => {
  let db: Db;
  let ctx: ServiceContext;
  beforeAll(async () => {
    ({ db, ctx } = await openWithBundledDataset(tdb));
  });
  afterAll(async () => {
    await db.close();
  });

  it('judges "< 3,5" against "< 3,5" on every value the bound allows, and "87-88" inside the range 87–88, keeping the source’s wording', async () => {
    const view = await evaluatePlan({ ctx, input: { planCode: 'hai-phong-2020-2025', asOf: '2026-11-25' } });
    const unemployment = view.rows.find((x) => x.indicator.code === '11');
    expect(unemployment).toMatchObject({
      status: 'exceeded',
      actual: { value: null, text: '< 3,5 (ước)', method: 'published_interval' },
    });
    const trained = view.rows.find((x) => x.indicator.code === '13');
    expect(trained).toMatchObject({ status: 'met', actual: { text: '87-88 (ước)' } });
  });
});
