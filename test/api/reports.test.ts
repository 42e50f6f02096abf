// The results table over HTTP on the bundled dataset: the file in each format with its media type and a
// Vietnamese-safe file name, the public limited to approved figures as on the evaluations route, bad input refused.
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readDatasetFolder } from '../../src/imports/dataset-folder.ts';
import { hashPassword } from '../../src/services/auth/secrets.ts';
import { systemActor } from '../../src/services/context.ts';
import { importDataset } from '../../src/services/dataset/import-dataset.ts';
import { testDatabases } from '../helpers/databases.ts';
import { PASSWORD, call, login, openApi, type Api, type Session } from './api-helpers.ts';

const DATA = path.resolve(import.meta.dirname, '../../data');
const PLAN = 'hai-phong-2020-2025';
const URL = `/api/plans/${PLAN}/reports/results`;

describe.each(testDatabases)('report files over HTTP on $name', (database) => {
  let api: Api;
  let owner: Session;
  beforeAll(async () => {
    api = await openApi(database);
    await importDataset({
      ctx: { db: api.db, actor: systemActor('test'), now: () => new Date('2026-11-25T00:00:00Z') },
      input: readDatasetFolder(DATA),
    });
    const tenant = (
      await api.db.query<{ tenant_id: string }>('SELECT tenant_id FROM plans WHERE code = $1', [PLAN])
    )[0];
    const user = (
      await api.db.query<{ id: string }>(
        `INSERT INTO users (tenant_id, email, display_name, password_hash) VALUES ($1, 'owner@reports.test', 'Chủ kế hoạch', $2) RETURNING id`,
        [tenant?.tenant_id, await hashPassword(PASSWORD)],
      )
    )[0];
    await api.db.query(`INSERT INTO user_roles (tenant_id, user_id, role) VALUES ($1, $2, 'plan_owner')`, [
      tenant?.tenant_id,
      user?.id,
    ]);
    owner = await login(api.app, 'owner@reports.test');
  }, 180_000);
  afterAll(async () => api?.close());

  it('serves the workbook to anyone with its media type and a file name in Vietnamese and in ASCII', async () => {
    const res = await call(api.app, null, { method: 'GET', url: `${URL}.xlsx?asOf=2026-11-29` });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="phu-luc-1-hai-phong-2020-2025-2026-11-29.xlsx"; filename*=UTF-8''${encodeURIComponent('Phụ lục 1 - hai-phong-2020-2025 - 2026-11-29.xlsx')}`,
    );
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('Phụ lục 1');
    expect(ws?.getCell('B9').text).toContain('Tốc độ tăng trưởng GRDP (giá so sánh 2010)');
    expect(ws?.getCell('G9').value).toBe(11.39);
  });

  it('serves the Word document and the PDF', async () => {
    const docx = await call(api.app, null, { method: 'GET', url: `${URL}.docx` });
    expect(docx.statusCode).toBe(200);
    expect(docx.headers['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    expect(docx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    const pdf = await call(api.app, null, { method: 'GET', url: `${URL}.pdf` });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('gives the public approved figures only, and a plan owner every figure when asked', async () => {
    const anonymous = await call(api.app, null, { method: 'GET', url: `${URL}.pdf?dataBasis=all` });
    expect(anonymous.statusCode).toBe(400);
    expect(anonymous.headers['content-type']).toContain('application/problem+json');
    expect(anonymous.json()).toMatchObject({ code: 'validation_failed', errors: [{ path: 'dataBasis' }] });
    const planOwner = await call(api.app, owner, { method: 'GET', url: `${URL}.pdf?dataBasis=all` });
    expect(planOwner.statusCode).toBe(200);
  });

  it('lists the discrepancy annex: the rows whose printed verdict differs from the computed one, with the reason', async () => {
    const res = await call(api.app, null, {
      method: 'GET',
      url: `/api/plans/${PLAN}/reports/discrepancies?asOf=2026-11-29`,
    });
    expect(res.statusCode).toBe(200);
    const annex = res.json() as {
      compared: number;
      rows: {
        indicator: { code: string };
        reported: { text: string; line: number };
        computed: { word: string };
        reason: { vi: string };
      }[];
    };
    const codes = annex.rows.map((r) => r.indicator.code);
    // Row 11: "< 3,5" against "< 3,5" is exceeded, printed "Đạt" (line 2979); row 17: a sub-row at 10 against "> 50",
    // printed "Đạt" (line 3056). Row 1 (11,39 against 14,5%/năm, "Không đạt") agrees and is not listed.
    expect(codes).toEqual(expect.arrayContaining(['11', '17']));
    expect(codes).not.toContain('1');
    expect(annex.rows.find((r) => r.indicator.code === '17')).toMatchObject({
      reported: { text: 'Đạt', line: 3056 },
      computed: { word: 'Ước không đạt' },
    });
    expect(annex.compared).toBeGreaterThan(annex.rows.length);
    for (const r of annex.rows) expect(r.reason.vi.length).toBeGreaterThan(0);
  });

  it('refuses an unknown format, a bad date and an unknown plan with a problem, never a 500', async () => {
    const csv = await call(api.app, null, { method: 'GET', url: `${URL}.csv` });
    expect(csv.statusCode).toBe(400);
    const date = await call(api.app, null, { method: 'GET', url: `${URL}.xlsx?asOf=2026-13-01` });
    expect(date.statusCode).toBe(400);
    const plan = await call(api.app, null, { method: 'GET', url: '/api/plans/khong-co/reports/results.xlsx' });
    expect(plan.statusCode).toBe(404);
    expect(plan.json()).toMatchObject({ code: 'not_found' });
  });
});
