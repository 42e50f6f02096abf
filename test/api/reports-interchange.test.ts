// Issued reports and figure files over HTTP. Issued reports are frozen: the file downloaded after a later revision is byte for byte the one issued, while a
// fresh render shows the new figure; the listing names the verdicts that changed since issue. Over real HTTP routes
// (inject), on both databases.
import { createHash } from 'node:crypto';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../src/services/context.ts';
import { addVintage } from '../../src/services/observations/add-vintage.ts';
import { testDatabases } from '../helpers/databases.ts';
import { call, login, openApi, seedTenant, type Api, type Session, type Tenant } from './api-helpers.ts';

async function cellText(bytes: Buffer, address: string): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const ws = wb.worksheets[0];
  const out: string[] = [];
  ws?.eachRow((row) => row.eachCell((c) => out.push(c.text)));
  return address === '*' ? out.join('|') : (ws?.getCell(address).text ?? '');
}

describe.each(testDatabases)('issued reports on $name', (database) => {
  let api: Api;
  let t: Tenant;
  let owner: Session;
  let reader: Session;
  beforeAll(async () => {
    api = await openApi(database);
    t = await seedTenant(api.db, 'issued');
    owner = await login(api.app, t.users.plan_owner.email);
    reader = await login(api.app, t.users.reader.email);
  }, 60_000);
  afterAll(async () => api?.close());

  it("a signed-in user of another tenant does not get an issued report's file or listing by its id or plan code", async () => {
    // A tenant of its own issues the report, so the freeze test below still sees only its own issued report.
    const issuer = await seedTenant(api.db, 'issued-own');
    const issuerOwner = await login(api.app, issuer.users.plan_owner.email);
    const issued = await call(api.app, issuerOwner, {
      method: 'POST',
      url: `/api/plans/${issuer.planCode}/reports/issued`,
      payload: { kind: 'results', format: 'xlsx', asOf: '2026-11-29' },
    });
    expect(issued.statusCode, issued.body).toBe(201);
    const { id } = issued.json() as { id: string };
    const other = await seedTenant(api.db, 'issued-other');
    for (const role of ['admin', 'plan_owner', 'reader'] as const) {
      const outsider = await login(api.app, other.users[role].email);
      const file = await call(api.app, outsider, { method: 'GET', url: `/api/reports/issued/${id}/file` });
      expect(file.statusCode, `${role}: ${file.body}`).toBe(404);
      expect(file.headers['content-type']).toContain('application/problem+json');
      const list = await call(api.app, outsider, {
        method: 'GET',
        url: `/api/plans/${issuer.planCode}/reports/issued`,
      });
      expect(list.statusCode, `${role}: ${list.body}`).toBe(404);
    }
  });

  it('freezes the file: after a revision the download is identical, the listing names the changed verdict', async () => {
    const base = `/api/plans/${t.planCode}/reports`;
    const issued = await call(api.app, owner, {
      method: 'POST',
      url: `${base}/issued`,
      payload: { kind: 'results', format: 'xlsx', asOf: '2026-11-29', note: 'Gửi kỳ họp HĐND' },
    });
    expect(issued.statusCode, issued.body).toBe(201);
    const { id, sha256 } = issued.json() as { id: string; sha256: string };
    const first = await call(api.app, reader, { method: 'GET', url: `/api/reports/issued/${id}/file` });
    expect(first.statusCode).toBe(200);
    expect(first.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(createHash('sha256').update(first.rawPayload).digest('hex')).toBe(sha256);
    expect(await cellText(first.rawPayload, '*')).not.toContain('97');

    // A later official figure moves the verdict of I1.
    await addVintage({
      ctx: { db: api.db, actor: systemActor('test', t.id), now: () => new Date('2026-11-29T03:00:00Z') },
      input: {
        planCode: t.planCode,
        indicatorCode: 'I1',
        period: '2025',
        value: '97',
        status: 'official',
        source: 'Niên giám thống kê 2025',
        publishedOn: '2026-03-31',
      },
    });
    const fresh = await call(api.app, reader, { method: 'GET', url: `${base}/results.xlsx?asOf=2026-11-29` });
    expect(await cellText(fresh.rawPayload, '*')).toContain('97');

    const again = await call(api.app, reader, { method: 'GET', url: `/api/reports/issued/${id}/file` });
    expect(again.statusCode).toBe(200);
    expect(Buffer.compare(again.rawPayload, first.rawPayload)).toBe(0);
    expect(again.headers.etag).toBe(`"${sha256}"`);

    const list = await call(api.app, reader, { method: 'GET', url: `${base}/issued` });
    expect(list.statusCode).toBe(200);
    const items = (list.json() as { items: Array<Record<string, unknown>> }).items;
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ id, kind: 'results', format: 'xlsx', note: 'Gửi kỳ họp HĐND', sha256 });
    expect(items[0]?.changedSince).toEqual([
      expect.objectContaining({
        code: 'I1',
        before: { status: 'no_data', verdict: 'Chưa có số liệu', actual: null },
        after: { status: 'exceeded', verdict: 'Vượt', actual: '97 %' },
      }),
    ]);
    const audit = await api.db.query(`SELECT action FROM audit_log WHERE tenant_id = $1 AND entity = 'issued_report'`, [
      t.id,
    ]);
    expect(audit).toEqual([{ action: 'issue' }]);
  });

  it('lets only the plan owner issue, keeps issued files from the public, refuses a status report as xlsx', async () => {
    const url = `/api/plans/${t.planCode}/reports/issued`;
    const payload = { kind: 'results', format: 'pdf' };
    expect((await call(api.app, reader, { method: 'POST', url, payload })).statusCode).toBe(403);
    expect((await call(api.app, null, { method: 'GET', url })).statusCode).toBe(401);
    const bad = await call(api.app, owner, { method: 'POST', url, payload: { kind: 'status', format: 'xlsx' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ errors: [{ path: 'format' }] });
    const status = await call(api.app, owner, { method: 'POST', url, payload: { kind: 'status', format: 'docx' } });
    expect(status.statusCode).toBe(201);
    const missing = await call(api.app, reader, {
      method: 'GET',
      url: '/api/reports/issued/00000000-0000-4000-8000-000000000000/file',
    });
    expect(missing.statusCode).toBe(404);
  });

  it('serves an agency its template and imports an upload all or nothing, answering 422 with every refused cell', async () => {
    const editor = await login(api.app, t.users.agency_editor.email);
    const template = await call(api.app, editor, {
      method: 'GET',
      url: `/api/plans/${t.planCode}/templates/${t.agencies.own.code}.xlsx?asOf=2026-11-29`,
    });
    expect(template.statusCode).toBe(200);
    expect(template.headers['content-disposition']).toContain(encodeURIComponent('Mẫu số liệu'));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(template.rawPayload as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('Số liệu') as ExcelJS.Worksheet;
    // I1 is yearly and its 2025 figure is approved (first test): no row left due for it.
    expect(ws.rowCount).toBe(4);
    const other = await call(api.app, editor, {
      method: 'GET',
      url: `/api/plans/${t.planCode}/templates/${t.agencies.other.code}.xlsx`,
    });
    expect(other.statusCode).toBe(403);

    const count = async () =>
      (
        await api.db.query<{ n: number }>(
          'SELECT count(*)::integer AS n FROM observation_versions WHERE tenant_id = $1',
          [t.id],
        )
      )[0]?.n;
    const before = await count();
    const upload = (csv: string, query = '') =>
      call(api.app, editor, {
        method: 'POST',
        url: `/api/imports/figures?plan=${t.planCode}${query}`,
        headers: { 'content-type': 'text/csv' },
        payload: csv,
      });
    const bad = await upload('indicator;period;value;stage\nI1;2026;96,5;sơ bộ\nI1;2027;1.234;\n');
    expect(bad.statusCode).toBe(422);
    expect(bad.json()).toMatchObject({
      applied: false,
      rejected: [
        {
          sheet: 'CSV',
          row: 3,
          column: 'value',
          value: '1.234',
          reason: { vi: expect.stringContaining('không rõ nghĩa') },
        },
      ],
    });
    expect(await count()).toBe(before);
    const dry = await upload('indicator;period;value;stage\nI1;2026;96,5;sơ bộ\n', '&dryRun=true');
    expect(dry.json()).toMatchObject({ dryRun: true, applied: false, counts: { new: 1 } });
    expect(await count()).toBe(before);
    const good = await upload('indicator;period;value;stage\nI1;2026;96,5;sơ bộ\n');
    expect(good.statusCode).toBe(200);
    expect(good.json()).toMatchObject({ applied: true, counts: { new: 1, rejected: 0 } });
    expect(await count()).toBe((before ?? 0) + 1);
    const garbage = await call(api.app, editor, {
      method: 'POST',
      url: '/api/imports/figures',
      headers: { 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
      payload: 'not a workbook',
    });
    expect(garbage.statusCode).toBe(400);
    expect(garbage.json()).toMatchObject({ code: 'unreadable_file' });
  });
});
