// The agency's template and the figures import, on both databases: the template holds exactly the agency's
// indicators and periods due with locked descriptions, validated inputs and a hidden key; a template filled and saved
// by LibreOffice (a real client) imports as submitted figures; importing it again changes nothing; a file with any
// bad cell writes nothing and names every bad cell; an agency cannot import another agency's indicator.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFigureCsv, readFigureWorkbook } from '../../src/imports/figure-files.ts';
import { writeFigureTemplate } from '../../src/reports/figure-template-xlsx.ts';
import { systemActor, type ServiceContext } from '../../src/services/context.ts';
import { buildFigureTemplate } from '../../src/services/interchange/figure-template.ts';
import { exportPlanFigures } from '../../src/services/interchange/export-figures.ts';
import {
  ACCEPTED_IN_ANSWER,
  importFigures,
  listImportedFigures,
} from '../../src/services/interchange/import-figures.ts';
import type { Db } from '../../src/storage/db.ts';
import { seedTenant, type Tenant } from '../api/api-helpers.ts';
import { openMigrated, testDatabases } from '../helpers/databases.ts';
import { tempDir } from '../helpers/processes.ts';
import { readersAvailable } from '../helpers/readers.ts';

const NOW = new Date('2026-11-29T03:00:00Z');

/** LibreOffice opens the workbook and saves it as .xlsx again: the file the import reads is LibreOffice's own. */
function resaveWithLibreOffice(file: string): string {
  const out = tempDir('chitieu-lo-xlsx-');
  const profile = pathToFileURL(tempDir('chitieu-lo-profile-')).href;
  execFileSync(
    'soffice',
    [
      `-env:UserInstallation=${profile}`,
      '--headless',
      '--norestore',
      '--convert-to',
      'xlsx:Calc MS Excel 2007 XML',
      '--outdir',
      out,
      file,
    ],
    { stdio: 'pipe', timeout: 180_000 },
  );
  const saved = path.join(out, path.basename(file));
  if (!fs.existsSync(saved)) throw new Error('LibreOffice did not save the workbook');
  return saved;
}

async function importRecordCount(db: Db, tenantId: string): Promise<{ imports: number; chunks: number }> {
  const rows = await db.query<{ imports: number; chunks: number }>(
    `SELECT (SELECT count(*)::integer FROM figure_imports WHERE tenant_id = $1) AS imports,
            (SELECT count(*)::integer FROM figure_import_accepted WHERE tenant_id = $1) AS chunks`,
    [tenantId],
  );
  return rows[0] as { imports: number; chunks: number };
}

async function versionCount(db: Db, tenantId: string): Promise<number> {
  const rows = await db.query<{ n: number }>(
    'SELECT count(*)::integer AS n FROM observation_versions WHERE tenant_id = $1',
    [tenantId],
  );
  return rows[0]?.n ?? -1;
}

describe.runIf(readersAvailable).each(testDatabases)('figure template and import on $name', (database) => {
  let db: Db;
  let t: Tenant;
  let ctx: ServiceContext;
  beforeAll(async () => {
    db = await openMigrated(database);
    t = await seedTenant(db, 'imp');
    await db.query(`UPDATE indicators SET frequency = 'quarter' WHERE id = $1`, [t.indicators.own]);
    ctx = { db, actor: systemActor('test', t.id), now: () => NOW };
  }, 120_000);
  afterAll(async () => db?.close());

  it('builds the template: the agency’s indicators, periods due, locked descriptions, validated inputs, hidden key', async () => {
    const model = await buildFigureTemplate({ ctx, input: { planCode: t.planCode, agencyCode: 'so-tc' } });
    // Quarterly I1 from 2025: Q1 2025 … Q3 2026 are due by 29/11/2026; I2 belongs to the other agency.
    expect(model.rows.map((r) => `${r.indicatorCode} ${r.period}`)).toEqual([
      'I1 2025-Q1',
      'I1 2025-Q2',
      'I1 2025-Q3',
      'I1 2025-Q4',
      'I1 2026-Q1',
      'I1 2026-Q2',
      'I1 2026-Q3',
    ]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await writeFigureTemplate(model)) as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Số liệu', 'Hướng dẫn']);
    const ws = wb.getWorksheet('Số liệu') as ExcelJS.Worksheet;
    expect(ws.getCell('F5').text).toBe('Quý I/2025');
    // The sheet is protected; a cell is locked unless unlocked (ExcelJS reads the default as no protection entry).
    expect((ws as unknown as { sheetProtection?: { sheet?: boolean } }).sheetProtection?.sheet).toBe(true);
    expect(ws.getCell('A5').protection?.locked ?? true).toBe(true);
    expect(ws.getCell('G5').protection?.locked).toBe(false);
    expect(ws.getCell('G5').dataValidation).toMatchObject({ type: 'decimal' });
    expect(ws.getCell('H5').dataValidation).toMatchObject({ type: 'list', formulae: ['"ước tính,sơ bộ,chính thức"'] });
    expect(ws.getColumn(12).hidden).toBe(true);
    expect(ws.getCell('L5').text).toBe(`chitieu:1|${t.planCode}|I1|31|2025-Q1`);
    expect(wb.getWorksheet('Hướng dẫn')?.getCell('A5').text).toContain('1.234,5');
  });

  it('imports a template filled and saved by LibreOffice as submitted figures; importing it again changes nothing', async () => {
    const model = await buildFigureTemplate({ ctx, input: { planCode: t.planCode, agencyCode: 'so-tc' } });
    const dir = tempDir('chitieu-template-');
    const filled = path.join(dir, 'mau-so-tc.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await writeFigureTemplate(model)) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('Số liệu') as ExcelJS.Worksheet;
    ws.getCell('G5').value = '96,5'; // text in the Vietnamese way
    ws.getCell('H5').value = 'chính thức';
    ws.getCell('I5').value = 'Cục Thống kê thành phố';
    ws.getCell('J5').value = new Date('2026-04-15T00:00:00Z');
    ws.getCell('G6').value = 97.25; // a number the spreadsheet stores
    ws.getCell('K6').value = 'Số ước của Sở';
    await wb.xlsx.writeFile(filled);
    const saved = resaveWithLibreOffice(filled);
    const before = await versionCount(db, t.id);

    const first = await importFigures({ ctx, input: { rows: readFigureWorkbook(saved) } });
    expect(first.rejected).toEqual([]);
    expect(first.accepted).toEqual([
      expect.objectContaining({
        sheet: 'Số liệu',
        row: 5,
        indicator: 'I1',
        period: '2025-Q1',
        value: '96,5',
        stage: 'official',
        outcome: 'new',
      }),
      expect.objectContaining({
        sheet: 'Số liệu',
        row: 6,
        indicator: 'I1',
        period: '2025-Q2',
        value: '97,25',
        stage: 'estimate',
        outcome: 'new',
      }),
    ]);
    expect(first.applied).toBe(true);
    const stored = await db.query<{
      period: string;
      workflow_state: string;
      published_on: string | null;
      source_text: string | null;
    }>(
      `SELECT o.period, v.workflow_state, v.published_on, v.source_text FROM observation_versions v
         JOIN observations o ON o.id = v.observation_id WHERE v.tenant_id = $1 ORDER BY o.period`,
      [t.id],
    );
    expect(stored).toEqual([
      {
        period: '2025-Q1',
        workflow_state: 'submitted',
        published_on: '2026-04-15',
        source_text: 'Cục Thống kê thành phố',
      },
      { period: '2025-Q2', workflow_state: 'submitted', published_on: null, source_text: null },
    ]);
    // One audit entry for the import, with the file's digest and its counts.
    const audit = await db.query<{ after: Record<string, unknown> }>(
      `SELECT after FROM audit_log WHERE tenant_id = $1 AND action = 'import'`,
      [t.id],
    );
    expect(audit).toHaveLength(1);
    expect(audit[0]?.after).toMatchObject({ new: 2, revised: 0, stored: 2, workflowState: 'submitted' });

    const again = await importFigures({ ctx, input: { rows: readFigureWorkbook(saved) } });
    expect(again.counts).toEqual({ new: 0, revised: 0, unchanged: 2, rejected: 0 });
    expect(again.applied).toBe(false);
    expect(await versionCount(db, t.id)).toBe(before + 2);
    // LibreOffice starts a whole office suite: on a loaded shared machine that outlasts the default minute.
  }, 240_000);

  it('writes nothing from a file with any bad cell, and names each one (sheet, row, column, value, reason)', async () => {
    const before = await versionCount(db, t.id);
    const csv = [
      'indicator,unit,period,value,stage,source,published_on,note',
      'I1,31,2025-Q3,"98,5",sơ bộ,Sở Tài chính,01/10/2025,',
      'I1,31,2025-Q4,1.234,,,,',
      'I1,31,Quý V/2025,90,,,,',
      'X9,31,2025,90,,,,',
      'I1,31,2026-Q1,95,final,,31/02/2026,',
      'I1,31,2026-Q2,150,,,,',
    ].join('\r\n');
    const result = await importFigures({ ctx, input: { rows: readFigureCsv(csv, t.planCode) } });
    expect(result.applied).toBe(false);
    expect(await versionCount(db, t.id)).toBe(before);
    const cells = result.rejected.map((r) => `${r.row} ${r.column} ${r.value}`);
    expect(cells).toEqual([
      '3 value 1.234',
      '4 period Quý V/2025',
      '5 indicator X9',
      '6 stage final',
      '6 published_on 31/02/2026',
      '7 value 150',
    ]);
    expect(result.rejected[0]?.reason.vi).toContain('không rõ nghĩa');
    expect(result.rejected[0]?.reason.en).toContain('ambiguous');
    // The good row was checked and would have been accepted.
    expect(result.accepted.map((a) => a.row)).toEqual([2]);
  });

  it('refuses a source or a note holding a right-to-left override, naming the row and the column, and writes nothing', async () => {
    const before = await versionCount(db, t.id);
    const csv = [
      'indicator,unit,period,value,stage,source,published_on,note',
      'I1,31,2025-Q3,95,sơ bộ,Cục Thống kê \u202e%59\u202c,,',
      'I1,31,2025-Q4,95,sơ bộ,Cục Thống kê,,Ước \u2067đạt\u2069',
    ].join('\r\n');
    const result = await importFigures({ ctx, input: { rows: readFigureCsv(csv, t.planCode) } });
    expect(result.applied).toBe(false);
    expect(await versionCount(db, t.id)).toBe(before);
    expect(result.rejected.map((r) => `${r.row} ${r.column}`)).toEqual(['2 source', '3 note']);
    expect(result.rejected[0]?.reason.vi).toContain('điều khiển hướng chữ');
    expect(result.rejected[0]?.reason.en).toContain('bidirectional control');
  });

  it('refuses an agency editor’s figure of an indicator another agency owns', async () => {
    const editor: ServiceContext = {
      db,
      now: () => NOW,
      actor: {
        kind: 'user',
        userId: t.users.agency_editor.id,
        label: 'editor',
        tenantId: t.id,
        roles: ['agency_editor'],
        agencyId: t.agencies.own.id,
      },
    };
    const csv = 'indicator,period,value\nI2,2025,50\n';
    const result = await importFigures({ ctx: editor, input: { rows: readFigureCsv(csv, t.planCode) } });
    expect(result.rejected).toEqual([
      expect.objectContaining({
        row: 2,
        column: 'indicator',
        value: 'I2',
        reason: expect.objectContaining({ en: 'indicator "I2" is not owned by your agency' }),
      }),
    ]);
  });

  it('exports the figures as CSV that imports back unchanged and exports identically, and as SDMX-CSV', async () => {
    const csv = await exportPlanFigures({ ctx, input: { planCode: t.planCode, format: 'csv' } });
    expect(csv.text.split('\r\n').slice(0, 3)).toEqual([
      'indicator,unit,period,value,stage,source,published_on,note,workflow_state,version',
      'I1,31,2025-Q1,"96,5",official,Cục Thống kê thành phố,2026-04-15,,submitted,1',
      'I1,31,2025-Q2,"97,25",estimate,,,Số ước của Sở,submitted,1',
    ]);
    const before = await versionCount(db, t.id);
    const back = await importFigures({ ctx, input: { rows: readFigureCsv(csv.text, t.planCode) } });
    expect(back.counts).toEqual({ new: 0, revised: 0, unchanged: 2, rejected: 0 });
    expect(await versionCount(db, t.id)).toBe(before);
    expect((await exportPlanFigures({ ctx, input: { planCode: t.planCode, format: 'csv' } })).text).toBe(csv.text);
    const sdmx = await exportPlanFigures({ ctx, input: { planCode: t.planCode, format: 'sdmx-csv' } });
    expect(sdmx.text.split('\r\n')[1]).toBe(
      `CHITIEU:${t.planCode.toUpperCase().replace(/-/g, '_')}(1.0),I1,31,2025-Q1,96.5,A,%,`,
    );
    const targets = await exportPlanFigures({ ctx, input: { planCode: t.planCode, format: 'targets-csv' } });
    expect(targets.text).toContain('I1,31,threshold,trên 95%,2025,2030,');
  });
  it('writes nothing from a large workbook whose bad cells come after batches were written, and names every one', async () => {
    // 30 communes × 19 periods of 2025 = 570 rows, written 50 at a time: eleven batches are stored before the bad
    // cells near the end are met, and the import still leaves nothing and lists both.
    const units: string[] = [];
    for (let n = 1; n <= 30; n++) {
      const code = String(90_000 + n);
      units.push(code);
      await db.query(`INSERT INTO units (tenant_id, code, name, level) VALUES ($1, $2, $3, 'commune')`, [
        t.id,
        code,
        `Xã thử ${n}`,
      ]);
    }
    const periods = [
      ...Array.from({ length: 12 }, (_, m) => `2025-M${String(m + 1).padStart(2, '0')}`),
      ...['Q1', 'Q2', 'Q3', 'Q4', 'H1', 'H2'].map((q) => `2025-${q}`),
      '2025',
    ];
    const file = path.join(tempDir('chitieu-large-'), 'so-lieu.xlsx');
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true });
    const ws = wb.addWorksheet('Số liệu');
    ws.addRow(['indicator', 'unit', 'period', 'value', 'stage', 'source', 'published_on', 'note']).commit();
    let row = 1;
    for (const unit of units)
      for (const period of periods) {
        row += 1;
        const value = row === 540 ? 'chín mươi' : 96 + (row % 30) / 10;
        ws.addRow(['I1', unit, period, value, row === 571 ? 'final' : 'official', 'Cục Thống kê', '', '']).commit();
      }
    ws.commit();
    await wb.commit();
    const before = await versionCount(db, t.id);
    const recordsBefore = await importRecordCount(db, t.id);
    const written: number[] = [];
    const result = await importFigures({
      ctx,
      input: {
        rows: readFigureWorkbook(file, t.planCode),
        batchSize: 50,
        acceptedChunk: 40,
        onWrite: (done) => written.push(done),
      },
    });
    expect(written.length).toBeGreaterThanOrEqual(10);
    expect(result.applied).toBe(false);
    expect(result.rows).toBe(570);
    expect(result.rejected.map((r) => `${r.row} ${r.column} ${r.value}`)).toEqual(['540 D chín mươi', '571 E final']);
    expect(result.accepted).toHaveLength(568);
    expect(result.counts).toEqual({ new: 568, revised: 0, unchanged: 0, rejected: 2 });
    expect(result.importId).toBeNull();
    expect(await versionCount(db, t.id)).toBe(before);
    // Nor the import's record: it and its chunks of accepted rows (written beside the batches) are rolled back too.
    expect(await importRecordCount(db, t.id)).toEqual(recordsBefore);
    const slots = await db.query<{ n: number }>(
      `SELECT count(*)::integer AS n FROM observations o JOIN units u ON u.id = o.unit_id
        WHERE o.tenant_id = $1 AND u.code LIKE '900%'`,
      [t.id],
    );
    expect(slots[0]?.n).toBe(0);
  });

  it('answers a large import with its counts and first rows; the whole list of accepted rows is its stored record, paged', async () => {
    // 60 communes × 19 periods of 2025 = 1,140 rows: more than the answer lists (1,000), stored in chunks of 100.
    const periods = [
      ...Array.from({ length: 12 }, (_, m) => `2025-M${String(m + 1).padStart(2, '0')}`),
      ...['Q1', 'Q2', 'Q3', 'Q4', 'H1', 'H2'].map((q) => `2025-${q}`),
      '2025',
    ];
    const lines = ['indicator,unit,period,value,stage,source,published_on,note'];
    for (let n = 1; n <= 60; n++) {
      const code = String(91_000 + n);
      await db.query(`INSERT INTO units (tenant_id, code, name, level) VALUES ($1, $2, $3, 'commune')`, [
        t.id,
        code,
        `Xã trang ${n}`,
      ]);
      for (const period of periods) lines.push(`I1,${code},${period},${96 + (lines.length % 3)},,,,`);
    }
    const before = await importRecordCount(db, t.id);
    const dry = await importFigures({
      ctx,
      input: { rows: readFigureCsv(lines.join('\n'), t.planCode), dryRun: true, acceptedChunk: 100 },
    });
    expect(dry.importId).toBeNull();
    expect(dry.accepted).toHaveLength(ACCEPTED_IN_ANSWER);
    expect(await importRecordCount(db, t.id)).toEqual(before);

    const result = await importFigures({
      ctx,
      input: { rows: readFigureCsv(lines.join('\n'), t.planCode), acceptedChunk: 100, fileSha256: 'ab'.repeat(32) },
    });
    expect(result.applied).toBe(true);
    expect(result.counts).toEqual({ new: 1140, revised: 0, unchanged: 0, rejected: 0 });
    expect(result.accepted).toHaveLength(ACCEPTED_IN_ANSWER);
    expect(result.accepted.map((a) => a.row)).toEqual(Array.from({ length: ACCEPTED_IN_ANSWER }, (_, i) => i + 2));
    expect(result.importId).toMatch(/^[0-9a-f-]{36}$/);
    expect(await importRecordCount(db, t.id)).toEqual({ imports: before.imports + 1, chunks: before.chunks + 12 });

    // Pages of 300 across chunks of 100: every accepted row once, in the file's order, as the answer gives them.
    const seen: Awaited<ReturnType<typeof listImportedFigures>>['items'] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await listImportedFigures({
        ctx,
        input: { importId: result.importId as string, limit: 300, ...(cursor ? { cursor } : {}) },
      });
      expect(page.import).toMatchObject({ id: result.importId, rows: 1140, counts: result.counts });
      expect(page.import.fileSha256).toBe('ab'.repeat(32));
      seen.push(...page.items);
      cursor = page.nextCursor ?? undefined;
      pages += 1;
    } while (cursor);
    expect(pages).toBe(4);
    expect(seen).toHaveLength(1140);
    expect(seen.slice(0, ACCEPTED_IN_ANSWER)).toEqual(result.accepted);
    expect(seen.map((a) => a.row)).toEqual(Array.from({ length: 1140 }, (_, i) => i + 2));
    expect(seen.at(-1)).toEqual(
      expect.objectContaining({
        unit: '91060',
        period: '2025',
        outcome: 'new',
        stage: 'estimate',
        sheet: 'CSV',
        row: 1141,
      }),
    );
    // The audit entry names the record.
    const audit = await db.query<{ after: { importId: string } }>(
      `SELECT after FROM audit_log WHERE tenant_id = $1 AND action = 'import' ORDER BY id DESC LIMIT 1`,
      [t.id],
    );
    expect(audit[0]?.after.importId).toBe(result.importId);
    // Another tenant's actor does not find it.
    const other = { ...ctx, actor: systemActor('other', crypto.randomUUID()) };
    await expect(
      listImportedFigures({ ctx: other, input: { importId: result.importId as string } }),
    ).rejects.toMatchObject({ kind: 'not_found' });
  });
});
