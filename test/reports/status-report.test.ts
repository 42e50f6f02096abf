// The plan status report (.docx and PDF) on the bundled dataset after an official figure flips a verdict: the summary
// sentence, the counts, every target not met with its owner, the changed verdict; opened by LibreOffice and poppler.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readDatasetFolder } from '../../src/imports/dataset-folder.ts';
import { writeStatusDocx } from '../../src/reports/status-docx.ts';
import { writeStatusPdf } from '../../src/reports/status-pdf.ts';
import { systemActor, type ServiceContext } from '../../src/services/context.ts';
import { importDataset } from '../../src/services/dataset/import-dataset.ts';
import { addVintage } from '../../src/services/observations/add-vintage.ts';
import { recordStory } from '../../src/services/stories/record-story.ts';
import { buildStatusReport } from '../../src/services/reports/build-status-report.ts';
import type { StatusReportModel } from '../../src/services/reports/status-report-model.ts';
import type { Db } from '../../src/storage/db.ts';
import { openMigrated, testDatabases } from '../helpers/databases.ts';
import { tempDir } from '../helpers/processes.ts';
import { officeToPdf, pdfFonts, pdfPageSizes, pdfText, readersAvailable } from '../helpers/readers.ts';

const DATA = path.resolve(import.meta.dirname, '../../data');
const PLAN = 'hai-phong-2020-2025';
const NOW = new Date('2026-11-29T09:00:00+07:00');

describe.each(testDatabases)('the plan status report on $name', (tdb) => {
  let db: Db;
  let model: StatusReportModel;
  const dir = tempDir('chitieu-status-');
  beforeAll(async () => {
    db = await openMigrated(tdb);
    const ctx: ServiceContext = { db, actor: systemActor('test'), now: () => NOW };
    await importDataset({ ctx, input: readDatasetFolder(DATA) });
    // An official 2021–2025 growth above the 14,5%/năm target: row 1 goes from "Ước không đạt" to "Vượt".
    await addVintage({
      ctx,
      input: {
        planCode: PLAN,
        indicatorCode: '1',
        period: '2021-2025',
        value: '14.6',
        status: 'official',
        source: 'Niên giám thống kê (số liệu của bài kiểm tra)',
        publishedOn: '2026-11-20',
      },
    });
    // The story of an off-track target, a task past its deadline and a project whose milestone slipped, as the
    // agencies record them (the bundled 2020–2025 plan lists neither tasks nor projects).
    const [plan] = await db.query<{ id: string; tenant_id: string }>(
      'SELECT id, tenant_id FROM plans WHERE code = $1',
      [PLAN],
    );
    if (!plan) throw new Error('no plan');
    const [target] = await db.query<{ id: string }>(
      `SELECT t.id FROM targets t JOIN indicators i ON i.id = t.indicator_id WHERE i.plan_id = $1 AND i.code = '4' AND t.stage = 'in_force'`,
      [plan.id],
    );
    await recordStory({
      ctx: { ...ctx, actor: systemActor('test', plan.tenant_id) },
      input: {
        targetId: target?.id ?? '',
        period: '2025',
        cause: 'Thu từ đất giảm mạnh do thị trường bất động sản trầm lắng',
        measures: 'Đẩy nhanh đấu giá quyền sử dụng đất',
        requests: 'Đề nghị Trung ương bổ sung có mục tiêu',
      },
    });
    await db.query(
      `INSERT INTO agencies (tenant_id, code, name) VALUES ($1, 'so-xay-dung-thu', 'Sở Xây dựng (thử)') ON CONFLICT DO NOTHING`,
      [plan.tenant_id],
    );
    await db.query(
      `INSERT INTO tasks (tenant_id, plan_id, code, title, deadline, status, owner_agency_id)
       VALUES ($1, $2, '9.1', 'Hoàn thành quy hoạch phân khu ven sông', '2026-06-30', 'in_progress',
               (SELECT id FROM agencies WHERE tenant_id = $1 AND code = 'so-xay-dung-thu'))`,
      [plan.tenant_id, plan.id],
    );
    const [project] = await db.query<{ id: string }>(
      `INSERT INTO projects (tenant_id, plan_id, code, title, status, period_end) VALUES ($1, $2, '1-9', 'Cầu vượt nút giao thử', 'implementation', '2027-12-31') RETURNING id`,
      [plan.tenant_id, plan.id],
    );
    await db.query(
      `INSERT INTO project_milestones (tenant_id, project_id, code, title, status, due_date) VALUES ($1, $2, 'thong-xe', 'Thông xe kỹ thuật', 'scheduled', '2026-09-30')`,
      [plan.tenant_id, project?.id],
    );
    model = await buildStatusReport({ ctx, input: { planCode: PLAN, asOf: '2026-11-29' } });
    fs.writeFileSync(path.join(dir, 'status.docx'), await writeStatusDocx(model));
    fs.writeFileSync(path.join(dir, 'status.pdf'), await writeStatusPdf(model, NOW));
  }, 180_000);
  afterAll(async () => db?.close());

  it('says the summary, counts every verdict, lists each target not met with its owner and the changed verdict', () => {
    // The honest summary also counts the targets that rest on no figure.
    expect(model.summary).toMatch(/^Kết quả: .*đạt và vượt \d+\/\d+ chỉ tiêu; \d+ chỉ tiêu chưa có số liệu\.$/);
    expect(model.counts.reduce((a, c) => a + c.count, 0)).toBeGreaterThan(30);
    expect(model.attention.map((a) => a.code)).toContain('4');
    expect(model.attention.map((a) => a.code)).not.toContain('1');
    expect(model.attention.find((a) => a.code === '4')).toMatchObject({
      verdict: 'Ước không đạt',
      owner: 'Chưa phân công',
    });
    expect(model.changes).toEqual([expect.objectContaining({ code: '1', before: 'Không đạt', after: 'Vượt' })]);
  });

  it('tells the story of each target missed (or that it has none), the overdue tasks and the projects behind schedule', () => {
    expect(model.attention.find((a) => a.code === '4')?.story).toEqual({
      period: '2025',
      cause: 'Thu từ đất giảm mạnh do thị trường bất động sản trầm lắng',
      measures: 'Đẩy nhanh đấu giá quyền sử dụng đất',
      requests: 'Đề nghị Trung ương bổ sung có mục tiêu',
    });
    expect(model.attention.filter((a) => a.story === null).length).toBeGreaterThan(0);
    expect(model.overdueTasks).toEqual([
      {
        code: '9.1',
        title: 'Hoàn thành quy hoạch phân khu ven sông',
        owner: 'Sở Xây dựng (thử)',
        deadline: '30/6/2026',
        progress: 'Chưa báo cáo',
      },
    ]);
    expect(model.lateProjects).toEqual([
      {
        code: '1-9',
        title: 'Cầu vượt nút giao thử',
        owner: 'Chưa phân công',
        reasons: 'Mốc "Thông xe kỹ thuật" đến hạn 30/9/2026 chưa đạt',
      },
    ]);
  });

  describe.runIf(readersAvailable)('opened by real readers', () => {
    it('the Word file and the PDF hold the sentences and tables in Vietnamese, on A4 portrait, fonts embedded', () => {
      const [fromWord] = officeToPdf([path.join(dir, 'status.docx')]);
      for (const pdf of [fromWord ?? '', path.join(dir, 'status.pdf')]) {
        const text = pdfText(pdf).replace(/\s+/g, ' ');
        expect(text).toContain('BÁO CÁO TÌNH HÌNH THỰC HIỆN CÁC CHỈ TIÊU');
        expect(text).toContain(model.summary);
        expect(text).toContain('Thu ngân sách nhà nước');
        expect(text).toContain('Chưa phân');
        expect(text).toContain('14,6, Niên giám thống');
        expect(text).toContain('Các đánh giá thay đổi so với số liệu ước tính');
        expect(text).toContain('Nguyên nhân: Thu từ đất giảm mạnh do thị trường bất động sản trầm lắng.');
        expect(text).toContain('Kiến nghị: Đề nghị Trung ương bổ sung có mục tiêu.');
        expect(text).toContain('chưa giải trình');
        expect(text).toContain('9.1. Hoàn thành quy hoạch');
        expect(text).toContain('30/6/2026');
        expect(text).toContain('Thông xe kỹ');
        for (const size of pdfPageSizes(pdf)) expect(size).toEqual([595, 842]);
        expect(pdfFonts(pdf).filter((f) => !f.embedded)).toEqual([]);
      }
    }, 200_000);
  });
});
