// The report files of a merged unit's plan: the results table (.xlsx, .docx, PDF) and the status report (.docx, PDF)
// print each base-period figure consolidated from the former units with its calculation (inputs with their plan,
// indicator and source line), a baseline that cannot be consolidated with the inputs it misses, and a target counted
// over the 67 generated communes with the communes not yet meeting it and their editors. Opened by real readers.
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPORT_FORMATS, renderResultsTable, reportFileNames } from '../../src/reports/render-results.ts';
import { writeStatusDocx } from '../../src/reports/status-docx.ts';
import { writeStatusPdf } from '../../src/reports/status-pdf.ts';
import { systemActor, type ServiceContext } from '../../src/services/context.ts';
import { importUnits } from '../../src/services/reference/import-units.ts';
import { buildResultsTable } from '../../src/services/reports/build-results-table.ts';
import { buildStatusReport } from '../../src/services/reports/build-status-report.ts';
import type { ResultsTableModel } from '../../src/services/reports/results-table-model.ts';
import type { StatusReportModel } from '../../src/services/reports/status-report-model.ts';
import { createUser } from '../../src/services/users/create-user.ts';
import type { Db } from '../../src/storage/db.ts';
import { seedTenant } from '../api/api-helpers.ts';
import { generatedRegisterCsv } from '../fixtures/generated-communes.ts';
import { openMigrated, testDatabases } from '../helpers/databases.ts';
import { tempDir } from '../helpers/processes.ts';
import { officeToPdf, pdfText, readersAvailable, zipPart } from '../helpers/readers.ts';

const NOW = new Date('2026-11-29T09:00:00+07:00');
const AS_OF = '2026-11-29';

describe.each(testDatabases)('baselines and communes in the report files on $name', (tdb) => {
  let db: Db;
  let results: ResultsTableModel;
  let status: StatusReportModel;
  let planCode = '';
  const files = new Map<string, string>();
  const dir = tempDir('chitieu-consolidation-report-');

  beforeAll(async () => {
    db = await openMigrated(tdb);
    const tenant = await seedTenant(db, 'rp');
    const t = tenant.id;
    const owner: ServiceContext = { db, actor: systemActor('test', t), now: () => NOW };
    // The commune register first: importing it recomputes every plan, and the rows below are written in SQL.
    await importUnits({
      ctx: owner,
      input: {
        csv: generatedRegisterCsv('31'),
        document: { number: '9999/NQ-THỬ', date: '2025-06-16', issuer: 'Thử' },
      },
    });
    const q = async (sql: string, p: unknown[]): Promise<string> =>
      ((await db.query<{ id: string }>(`${sql} RETURNING id`, p))[0] as { id: string }).id;
    // A former province 29 merged into 31 on 1 July 2025; each kept a 2021–2025 plan with its 2025 figures.
    const former = await q(
      `INSERT INTO units (tenant_id, code, name, level, valid_to) VALUES ($1,'29','Tỉnh Thử Nghiệm Cũ','province','2025-06-30')`,
      [t],
    );
    await db.query(
      `INSERT INTO unit_lineage (tenant_id, from_unit_id, to_unit_id, event, effective_on) VALUES ($1,$2,$3,'merged_into','2025-07-01')`,
      [t, former, tenant.unitId],
    );
    const plan = (code: string, name: string, unit: string, first: number, last: number) =>
      q(`INSERT INTO plans (tenant_id, code, name, unit_id, first_year, last_year) VALUES ($1,$2,$3,$4,$5,$6)`, [
        t,
        `${tenant.code}-${code}`,
        name,
        unit,
        first,
        last,
      ]);
    const a = await plan('a', 'Kế hoạch thành phố cũ', tenant.unitId, 2021, 2025);
    const f = await plan('b', 'Kế hoạch tỉnh cũ', former, 2021, 2025);
    planCode = `${tenant.code}-m`;
    const m = await plan('m', 'Kế hoạch thành phố hợp nhất', tenant.unitId, 2026, 2030);
    const indicator = (planId: string, code: string, name: string, unit: string, extra: Record<string, unknown> = {}) =>
      q(
        `INSERT INTO indicators (tenant_id, plan_id, code, name, unit_of_measure, measure, aggregation_method, baseline_consolidation) VALUES ($1,$2,$3,$4,$5,$6,$7,$8)`,
        [
          t,
          planId,
          code,
          name,
          unit,
          extra.measure ?? 'level',
          extra.method ? JSON.stringify(extra.method) : null,
          extra.baseline ? JSON.stringify(extra.baseline) : null,
        ],
      );
    const figure = async (indicatorId: string, unit: string, period: string, value: string, line: number | null) => {
      const obs = await q(`INSERT INTO observations (tenant_id, indicator_id, unit_id, period) VALUES ($1,$2,$3,$4)`, [
        t,
        indicatorId,
        unit,
        period,
      ]);
      await db.query(
        `INSERT INTO observation_versions (tenant_id, observation_id, seq, value, status, price_basis, workflow_state, provenance) VALUES ($1,$2,1,$3,'official','current','approved',$4)`,
        [t, obs, value, JSON.stringify(line === null ? {} : { line })],
      );
    };
    await figure(await indicator(a, 'R', 'Thu ngân sách', 'tỷ đồng'), tenant.unitId, '2025', '100.5', 488);
    await figure(await indicator(f, 'thu', 'Thu ngân sách', 'tỷ đồng'), former, '2025', '20', 490);
    const target = async (indicatorId: string, kind: string, text: string, spec: Record<string, unknown>) =>
      db.query(
        `INSERT INTO targets (tenant_id, plan_id, indicator_id, unit_id, kind, spec, text, first_year, last_year) VALUES ($1,$2,$3,$4,$5,$6,$7,2026,2030)`,
        [
          t,
          m,
          indicatorId,
          tenant.unitId,
          kind,
          JSON.stringify({ kind, direction: 'higher_better', term: { firstYear: 2026, lastYear: 2030 }, ...spec }),
          text,
        ],
      );
    const from = (r: Record<string, string>, s: Record<string, string>) => [
      { unit: '31', plan: `${tenant.code}-a`, indicators: r },
      { unit: '29', plan: `${tenant.code}-b`, indicators: s },
    ];
    // Complete: 100,5 + 20 = 120,5, the source states 125 (flagged as different).
    const revenue = await indicator(m, '5', 'Thu ngân sách nhà nước trên địa bàn', 'tỷ đồng', {
      method: { kind: 'sum', indicator: 'rev', priceBasis: 'current' },
      baseline: {
        period: '2025',
        from: from({ rev: 'R' }, { rev: 'thu' }),
        stated: { value: '125', priceBasis: 'current', line: 1596 },
      },
    });
    await target(revenue, 'level_at_end', 'đạt 200 tỷ đồng', { value: '200', year: 2030, precision: 1 });
    await figure(revenue, tenant.unitId, '2026', '130', null);
    // Incomplete: the former province's plan gives no export figure.
    const exports = await indicator(m, '7', 'Kim ngạch xuất khẩu', 'tỷ USD', {
      method: { kind: 'sum', indicator: 'exp' },
      baseline: { period: '2025', from: from({ exp: 'R' }, {}) },
    });
    await target(exports, 'level_at_end', 'đạt 80 tỷ USD', { value: '80', year: 2030, precision: 1 });
    await figure(exports, tenant.unitId, '2026', '40', null);

    // The 67 generated communes and a target counted over them: 01–30 meet it, 31–60 do not, 61–67 have no figure.
    const rural = await indicator(m, '12.2', 'Tỷ lệ xã đạt chuẩn nông thôn mới kiểu mẫu', '%', { measure: 'share' });
    await target(rural, 'units_meeting_standard', '50% số xã (34/67 xã)', {
      share: '50',
      count: 34,
      ofCount: 67,
      standard: 'nông thôn mới kiểu mẫu',
      year: 2030,
    });
    await db.query(
      `WITH o AS (
         INSERT INTO observations (tenant_id, indicator_id, unit_id, period)
         SELECT $1, $2, id, '2026' FROM units WHERE tenant_id = $1 AND code BETWEEN '90001' AND '90060'
         RETURNING id, unit_id)
       INSERT INTO observation_versions (tenant_id, observation_id, seq, value, status, measure, workflow_state)
       SELECT $1, o.id, 1, CASE WHEN u.code <= '90030' THEN 1 ELSE 0 END, 'official', 'share', 'approved'
         FROM o JOIN units u ON u.id = o.unit_id`,
      [t, rural],
    );
    await createUser({
      ctx: owner,
      input: {
        email: 'xa31@rp.test',
        displayName: 'Cán bộ Xã Ba Mốt',
        password: 'mat-khau-thu-nghiem-31',
        roles: ['commune_editor'],
        unitCode: '90031',
      },
    });

    results = await buildResultsTable({ ctx: owner, input: { planCode, asOf: AS_OF } });
    for (const format of REPORT_FORMATS) {
      const file = path.join(dir, reportFileNames(results, format).ascii);
      fs.writeFileSync(file, await renderResultsTable(results, format, NOW));
      files.set(format, file);
    }
    status = await buildStatusReport({ ctx: owner, input: { planCode, asOf: AS_OF } });
    files.set('status.docx', path.join(dir, 'status.docx'));
    files.set('status.pdf', path.join(dir, 'status.pdf'));
    fs.writeFileSync(files.get('status.docx') ?? '', await writeStatusDocx(status));
    fs.writeFileSync(files.get('status.pdf') ?? '', await writeStatusPdf(status, NOW));
  }, 240_000);
  afterAll(async () => db?.close());

  const noteOf = (code: string): string[] => {
    const row = results.rows.find((r) => r.kind === 'indicator' && r.code === code);
    if (!row || row.kind !== 'indicator') throw new Error(`no row ${code}`);
    return row.notes.map((n) => results.notes.find((x) => x.number === n)?.text ?? '');
  };

  it('the results table notes each base-period figure: the calculation when complete, the missing inputs when not', () => {
    const revenue = noteOf('5').find((n) => n.startsWith('Số kỳ gốc'));
    expect(revenue).toContain('Số kỳ gốc 2025 hợp nhất từ Thành phố Hải Phòng + Tỉnh Thử Nghiệm Cũ');
    expect(revenue).toContain('120,5 tỷ đồng');
    expect(revenue).toContain('Lệch so với số hợp nhất nguồn ghi 125');
    expect(revenue).toContain('Y = Σ xᵢ');
    // Each series by its name, never its key ("rev").
    expect(revenue).toContain(
      'Thành phố Hải Phòng: giá trị (Thu ngân sách nhà nước trên địa bàn) kỳ 2025 = 100,5 (kế hoạch',
    );
    expect(revenue).not.toMatch(/\brev\b/);
    expect(revenue).toContain('chỉ tiêu R, Kế hoạch thành phố cũ, dòng 488');
    expect(revenue).toContain(
      'Tỉnh Thử Nghiệm Cũ: giá trị (Thu ngân sách nhà nước trên địa bàn) kỳ 2025 = 20 (kế hoạch',
    );
    expect(revenue).toContain('chỉ tiêu thu, Kế hoạch tỉnh cũ, dòng 490');
    const exports = noteOf('7').find((n) => n.startsWith('Số kỳ gốc'));
    expect(exports).toContain('Chưa đủ số liệu để tính số kỳ gốc 2025');
    // The missing input listed once, by the series' name, with where it was looked for.
    expect(exports).toContain(
      'Thiếu: Tỉnh Thử Nghiệm Cũ: không có chỉ tiêu nào của đơn vị cũ cho giá trị (Kim ngạch xuất khẩu) kỳ 2025.',
    );
    expect(exports?.split('Tỉnh Thử Nghiệm Cũ').length).toBe(2);
    expect(exports).not.toMatch(/\bexp\b/);
    expect(exports).toContain('Đã có: Thành phố Hải Phòng: giá trị (Kim ngạch xuất khẩu) kỳ 2025 = 100,5');
    expect(exports).toContain('Chủ kế hoạch có thể nhập số kỳ gốc 2025 như một số liệu có nguồn.');
  });

  it('the results table notes the communes not meeting the standard, with their editors for the tenant', () => {
    const communes = noteOf('12.2').find((n) => n.startsWith('Số đơn vị đạt chuẩn'));
    expect(communes).toContain('Năm 2026: 30/67 đơn vị đạt chuẩn');
    expect(communes).toContain('Chưa đạt (30): Xã Thử Nghiệm 31 (90031; Cán bộ Xã Ba Mốt)');
    expect(communes).toContain('Chưa có số liệu (7):');
    expect(communes).toContain('(90067)');
    expect(communes).not.toContain('(90030');
    // Both baselines, whatever their order: the fixture's indicators share a sort_order, and the plan's rows keep
    // tied indicators in the order the database scans them (0024's index on indicators changed that scan).
    expect(status.baselines.map((b) => b.code).sort()).toEqual(['5', '7']);
    expect(status.communes).toEqual([expect.objectContaining({ code: '12.2', target: '50% số xã (34/67 xã)' })]);
  });

  it('the workbook, the Word footnotes and the status report carry the same lines', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(files.get('xlsx') ?? '');
    const cells: string[] = [];
    wb.eachSheet((ws) => ws.eachRow((row) => row.eachCell((c) => cells.push(c.text))));
    const sheet = cells.join('\n');
    expect(sheet).toContain('chỉ tiêu thu, Kế hoạch tỉnh cũ, dòng 490');
    expect(sheet).toContain('Xã Thử Nghiệm 31 (90031; Cán bộ Xã Ba Mốt)');
    const footnotes = zipPart(files.get('docx') ?? '', 'word/footnotes.xml');
    expect(footnotes).toContain('Lệch so với số hợp nhất nguồn ghi 125');
    expect(footnotes).toContain('Thiếu: Tỉnh Thử Nghiệm Cũ: không có chỉ tiêu nào của đơn vị cũ cho giá trị');
    const word = zipPart(files.get('status.docx') ?? '', 'word/document.xml');
    expect(word).toContain('6. Số kỳ gốc của đơn vị hợp nhất');
    expect(word).toContain('7. Các chỉ tiêu tính theo số xã, phường đạt chuẩn');
  });

  describe.runIf(readersAvailable)('opened by real readers', () => {
    it('LibreOffice and poppler read the calculation and the communes in every file', () => {
      const [xlsx, docx, statusDocx] = officeToPdf([
        files.get('xlsx') ?? '',
        files.get('docx') ?? '',
        files.get('status.docx') ?? '',
      ]);
      const read = (pdf: string | undefined) => pdfText(pdf ?? '').replace(/\s+/g, ' ');
      for (const text of [read(xlsx), read(docx), read(files.get('pdf'))]) {
        expect(text).toContain('Y = Σ xᵢ');
        expect(text).toContain('dòng 490');
        expect(text).toContain('Thiếu: Tỉnh Thử Nghiệm Cũ: không có chỉ tiêu nào của đơn vị cũ');
        expect(text).toContain('30/67 đơn vị đạt chuẩn');
        expect(text).toContain('Xã Thử Nghiệm 31 (90031; Cán bộ Xã Ba Mốt)');
      }
      for (const text of [read(statusDocx), read(files.get('status.pdf'))]) {
        expect(text).toContain('Số kỳ gốc của đơn vị hợp nhất');
        expect(text).toContain('5. Thu ngân sách nhà nước trên địa bàn: Số kỳ gốc 2025 hợp nhất');
        expect(text).toContain('Lệch so với số hợp nhất nguồn ghi 125');
        expect(text).toContain('Chưa có số liệu (7):');
        expect(text).toContain('Cán bộ Xã Ba Mốt');
      }
    }, 300_000);
  });
});
