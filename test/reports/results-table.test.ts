// The results table ("Phụ lục 1") of the three bundled plans as .xlsx, .docx and PDF, opened by real readers:
// LibreOffice prints the office files to PDF, poppler reads the text, page sizes and fonts of every PDF.
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readDatasetFolder } from '../../src/imports/dataset-folder.ts';
import {
  REPORT_FORMATS,
  renderResultsTable,
  reportFileNames,
  type ReportFormat,
} from '../../src/reports/render-results.ts';
import { systemActor, type ServiceContext } from '../../src/services/context.ts';
import { importDataset } from '../../src/services/dataset/import-dataset.ts';
import { buildResultsTable } from '../../src/services/reports/build-results-table.ts';
import type { IndicatorRow, ResultsTableModel } from '../../src/services/reports/results-table-model.ts';
import type { Db } from '../../src/storage/db.ts';
import { openMigrated, testDatabases } from '../helpers/databases.ts';
import { tempDir } from '../helpers/processes.ts';
import { officeToPdf, pdfFonts, pdfPageSizes, pdfText, readersAvailable, zipPart } from '../helpers/readers.ts';

const DATA = path.resolve(import.meta.dirname, '../../data');
const AS_OF = '2026-11-29';
const NOW = new Date(`${AS_OF}T09:00:00+07:00`);
const PLANS = ['hai-phong-2020-2025', 'hai-duong-2020-2025', 'hai-phong-2025-2030'] as const;
type Plan = (typeof PLANS)[number];

/** What a Vietnamese reader must find in each plan's table, whatever the format: rows, vi-VN numbers, verdicts. */
const EXPECTED: Record<Plan, { texts: string[]; lines: RegExp[] }> = {
  'hai-phong-2020-2025': {
    texts: [
      'KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU',
      'Nghị quyết Đại hội XVI Đảng bộ thành phố Hải Phòng, nhiệm kỳ 2020–2025',
      'Chỉ tiêu kinh tế',
      'Chỉ tiêu môi trường',
      'Tốc độ tăng trưởng GRDP (giá so sánh 2010)',
      'Số liệu ước tính, chưa phải số liệu chính thức',
      'ước đạt và vượt 16/35 chỉ tiêu',
    ],
    lines: [
      // Row 1: 14,5%/năm against an estimated average of 11,39: "Ước không đạt" (source line 2807).
      /14,5%\/năm\s+11,39\s+Ước không đạt/,
      // Row 4: state budget revenue 145.000 against 118.079,28 tỷ đồng.
      /145\.000\s+118\.079,28\s+Ước không đạt/,
      // Row 18: 40,77 inside 40–50.
      /40-50\s+40,77\s+Ước đạt/,
    ],
  },
  'hai-duong-2020-2025': {
    texts: ['đến 2030', 'Thu nhập bình quân đầu người', 'Chỉ số phát triển con người (HDI)', 'Ước 2025'],
    lines: [/85\s+140\s+85,2\s+Ước đạt/, /0,77\s+0,80\s+0,786\s+Ước đạt/, /8,0\s+6,67\s+Ước không đạt/],
  },
  'hai-phong-2025-2030': {
    texts: ['Nghị quyết Đại hội Đảng bộ thành phố Hải Phòng lần thứ I, nhiệm kỳ 2025–2030', 'Chỉ tiêu xây dựng Đảng'],
    lines: [/Chưa có số\s*(liệu)?/, /81 chỉ tiêu chưa có số liệu/],
  },
};

function expectReadable(text: string, plan: Plan): void {
  const flat = text.replace(/\s+/g, ' ');
  for (const t of EXPECTED[plan].texts) expect(flat, t).toContain(t);
  for (const re of EXPECTED[plan].lines)
    expect(
      text.split('\n').some((l) => re.test(l)),
      String(re),
    ).toBe(true);
  // No decomposed or replacement characters: every letter came through whole.
  expect(text).not.toContain('\uFFFD');
}

describe.each(testDatabases)('the results table on $name', (tdb) => {
  let db: Db;
  let ctx: ServiceContext;
  const models = new Map<Plan, ResultsTableModel>();
  const files = new Map<string, string>();
  const dir = tempDir('chitieu-reports-');

  beforeAll(async () => {
    db = await openMigrated(tdb);
    ctx = { db, actor: systemActor('test'), now: () => NOW };
    await importDataset({ ctx, input: readDatasetFolder(DATA) });
    for (const plan of PLANS) {
      const model = await buildResultsTable({ ctx, input: { planCode: plan, asOf: AS_OF } });
      models.set(plan, model);
      for (const format of REPORT_FORMATS) {
        const file = path.join(dir, reportFileNames(model, format).ascii);
        fs.writeFileSync(file, await renderResultsTable(model, format, NOW));
        files.set(`${plan}.${format}`, file);
      }
    }
  }, 300_000);
  afterAll(async () => {
    await db.close();
  });

  const row = (plan: Plan, code: string): IndicatorRow => {
    const r = models.get(plan)?.rows.find((x) => x.kind === 'indicator' && x.code === code);
    if (!r || r.kind !== 'indicator') throw new Error(`no row ${code} in ${plan}`);
    return r;
  };

  it('puts each figure in its column, sub-indicators under their parent, the verdict in the plan own words', () => {
    const model = models.get('hai-phong-2020-2025');
    expect(model?.columns).toMatchObject({
      targetGroup: 'Mục tiêu giai đoạn 2021–2025',
      targetEnd: 'Đến 2025',
      targetAverage: 'Bình quân 5 năm',
      targetLater: null,
    });
    expect(model?.rows.filter((r) => r.kind === 'group').map((r) => (r.kind === 'group' ? r.label : ''))).toEqual([
      'A',
      'B',
      'C',
      'D',
    ]);
    expect(row('hai-phong-2020-2025', '1')).toMatchObject({
      stt: '1',
      level: 0,
      targetAverage: { text: '14,5%/năm' },
      actualAverage: { text: '11,39', value: '11.39', decimals: 2 },
      actualEnd: null,
      verdict: 'Ước không đạt',
    });
    expect(row('hai-phong-2020-2025', '1.1')).toMatchObject({ stt: '', level: 1 });
    expect(row('hai-phong-2020-2025', '4')).toMatchObject({
      targetEnd: { text: '145.000' },
      actualEnd: { text: '118.079,28', value: '118079.28' },
    });
    // Row 11 was published only as "< 3,5": the bound is printed and a note gives the reasoning.
    const unemployment = row('hai-phong-2020-2025', '11');
    expect(unemployment.actualEnd?.text).toBe('< 3,5');
    expect(unemployment.notes.length).toBe(2);
  });

  it('puts a term average ("bình quân 5 năm … % GRDP") in the average columns, not the end year', async () => {
    const doc = {
      id: 'tb',
      kind: 'plan' as const,
      title: 'Kế hoạch thử',
      number: null,
      date: null,
      issuer: null,
      file: 'ke-hoach-thu.txt',
      default: true,
    };
    await importDataset({
      ctx,
      input: {
        tenants: [],
        plans: [
          {
            file: 'ke-hoach-thu.json',
            format: 'chitieu-plan/1',
            tenant: 'hai-phong',
            plan: {
              id: 'thu-binh-quan-2021-2025',
              name: 'Kế hoạch thử 2021–2025',
              unitCode: '31',
              term: { firstYear: 2021, lastYear: 2025 },
              document: { kind: 'plan', number: null, date: null, issuer: null },
              display: { exceededAs: 'exceeded' },
              source: { document: 'tb', line: 1 },
            },
            documents: [doc],
            indicators: [
              {
                code: '1',
                parent: null,
                name: 'Vốn đầu tư toàn xã hội so với GRDP',
                unit: '% GRDP',
                source: { document: 'tb', line: 1 },
                targets: [
                  {
                    text: 'bình quân 36% GRDP',
                    source: { document: 'tb', line: 1 },
                    spec: {
                      kind: 'term_average',
                      direction: 'higher_better',
                      term: { firstYear: 2021, lastYear: 2025 },
                      precision: 0,
                      min: '36',
                    },
                  },
                ],
                observations: [{ period: '2021-2025', value: '33.8', status: 'official', line: 1 }],
              },
            ],
            breakthroughs: [],
            tasks: [],
            projects: [],
          },
        ],
      },
    });
    const model = await buildResultsTable({ ctx, input: { planCode: 'thu-binh-quan-2021-2025', asOf: AS_OF } });
    const r = model.rows.find((x) => x.kind === 'indicator' && x.code === '1');
    if (!r || r.kind !== 'indicator') throw new Error('no row 1');
    expect(r.actualEnd).toBeNull();
    expect(r.actualAverage?.text).toBe('33,8');
  });

  it('numbers notes in order of first use, one note shared by every estimate', () => {
    const model = models.get('hai-phong-2020-2025');
    const estimate = model?.notes.find((n) => n.text.startsWith('Số liệu ước tính'));
    expect(estimate?.number).toBe(1);
    expect(row('hai-phong-2020-2025', '1').notes).toEqual([1]);
    expect(row('hai-phong-2020-2025', '4').notes).toEqual([1]);
    expect(model?.notes.map((n) => n.number)).toEqual(model?.notes.map((_, i) => i + 1));
  });

  it('gives a later horizon its own column (Hải Dương 2030) and spans a target written as a phrase', () => {
    expect(models.get('hai-duong-2020-2025')?.columns.targetLater).toBe('Mục tiêu đến 2030');
    expect(row('hai-duong-2020-2025', '2')).toMatchObject({
      targetEnd: { text: '85' },
      targetLater: { text: '140' },
      actualEnd: { text: '85,2' },
      verdict: 'Ước đạt',
    });
    expect(row('hai-phong-2025-2030', 'a2')).toMatchObject({
      targetSpan: true,
      targetEnd: { text: 'Thành lập 220 tổ chức đảng' },
      verdict: 'Chưa có số liệu',
    });
  });

  it('writes a workbook with a merged header, Vietnamese number formats, a frozen header and A4 landscape', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(files.get('hai-phong-2020-2025.xlsx') ?? '');
    const ws = wb.getWorksheet('Phụ lục 1');
    expect(ws).toBeDefined();
    if (!ws) return;
    expect(ws.model.merges).toEqual(expect.arrayContaining(['D6:E6', 'F6:G6', 'A6:A7', 'H6:H7']));
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 7 });
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToWidth: 1, fitToHeight: 0 });
    const grdp = ws.getRow(9);
    expect(grdp.getCell(2).text).toContain('Tốc độ tăng trưởng GRDP');
    expect(grdp.getCell(7).value).toBe(11.39);
    expect(grdp.getCell(7).numFmt).toBe('[$-42A]#,##0.00');
  });

  it('writes a Word table whose header rows repeat, in Times New Roman on A4 landscape, with page numbers and footnotes', () => {
    const file = files.get('hai-phong-2020-2025.docx') ?? '';
    const document = zipPart(file, 'word/document.xml');
    expect(document.match(/<w:tblHeader\/>/g)?.length).toBe(2);
    expect(document).toContain('w:orient="landscape"');
    expect(document).toMatch(/<w:pgSz w:w="16838" w:h="11906"/);
    expect(document).toMatch(/<w:pgMar w:top="1134" w:right="850" w:bottom="1134" w:left="1701"/);
    expect(document).toContain('<w:titlePg/>');
    expect(document).toContain('w:footnoteReference');
    expect(zipPart(file, 'word/styles.xml')).toContain('w:ascii="Times New Roman"');
    expect(zipPart(file, 'word/footnotes.xml')).toContain('Số liệu ước tính, chưa phải số liệu chính thức');
    const header = zipPart(file, 'word/header1.xml') + zipPart(file, 'word/header2.xml');
    expect(header).toContain('PAGE');
  });

  describe.runIf(readersAvailable)('opened by real readers', () => {
    const pdfs = new Map<string, string>();
    beforeAll(() => {
      for (const format of ['xlsx', 'docx'] as ReportFormat[]) {
        const sources = PLANS.map((p) => files.get(`${p}.${format}`) ?? '');
        officeToPdf(sources).forEach((pdf, i) => pdfs.set(`${PLANS[i]}.${format}`, pdf));
      }
      for (const plan of PLANS) pdfs.set(`${plan}.pdf`, files.get(`${plan}.pdf`) ?? '');
    }, 400_000);

    for (const plan of PLANS) {
      for (const format of REPORT_FORMATS) {
        it(`${plan}.${format}: Vietnamese rows, vi-VN numbers and verdicts, on A4 pages with embedded fonts`, () => {
          const pdf = pdfs.get(`${plan}.${format}`) ?? '';
          expectReadable(pdfText(pdf), plan);
          const sizes = pdfPageSizes(pdf);
          expect(sizes.length).toBeGreaterThan(0);
          for (const size of sizes) expect(size).toEqual([842, 595]);
          const fonts = pdfFonts(pdf);
          expect(fonts.length).toBeGreaterThan(0);
          expect(fonts.filter((f) => !f.embedded)).toEqual([]);
        });
      }
    }
  });
});
