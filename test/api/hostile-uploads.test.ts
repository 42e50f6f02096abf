// Figures files that are not what they claim: a CSV in another code page, in UTF-16, with a NUL, or with a quote
// never closed is refused naming its line, in Vietnamese and English, and nothing is written; a CSV with a
// byte-order mark, CRLF, a quoted line break and decomposed letters is read as it is meant.
import { createDeflateRaw } from 'node:zlib';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../helpers/databases.ts';
import { call, fingerprint, login, openApi, seedTenant, type Api, type Session, type Tenant } from './api-helpers.ts';

const HEAD = 'indicator,unit,period,value,stage,source\r\n';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** `text` repeated until `bytes`, deflated as a stream (the deflated form is small; the text is never held whole). */
function deflatedRepeat(text: string, bytes: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const z = createDeflateRaw({ level: 9 });
    const out: Buffer[] = [];
    z.on('data', (c: Buffer) => out.push(c));
    z.on('end', () => resolve(Buffer.concat(out)));
    z.on('error', reject);
    const chunk = Buffer.from(text.repeat(Math.ceil(65_536 / text.length)));
    let written = 0;
    const pump = () => {
      while (written < bytes) {
        written += chunk.length;
        if (!z.write(chunk)) return void z.once('drain', pump);
      }
      z.end();
    };
    pump();
  });
}

/** A zip of deflated entries (sizes as declared, CRC left 0: what is weighed here is what the entries inflate to). */
function zipOf(entries: { name: string; deflated: Buffer; size: number }[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(e.deflated.length, 18);
    local.writeUInt32LE(e.size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(e.deflated.length, 20);
    central.writeUInt32LE(e.size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, e.deflated);
    centrals.push(central, name);
    offset += 30 + name.length + e.deflated.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

async function bomb(name: string, bytes: number): Promise<Buffer> {
  const types = '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>';
  return zipOf([
    { name: '[Content_Types].xml', deflated: await deflatedRepeat(types, types.length), size: types.length },
    { name, deflated: await deflatedRepeat('<si><t>a</t></si>', bytes), size: bytes },
  ]);
}

describe.each(testDatabases)('hostile figures files on $name', (database) => {
  let api: Api;
  let t: Tenant;
  let owner: Session;
  beforeAll(async () => {
    api = await openApi(database);
    t = await seedTenant(api.db, 'upload');
    owner = await login(api.app, t.users.plan_owner.email);
  }, 120_000);
  afterAll(async () => api?.close());

  const upload = (body: Buffer) =>
    call(api.app, owner, {
      method: 'POST',
      url: `/api/imports/figures?plan=${t.planCode}`,
      payload: body,
      headers: { 'content-type': 'text/csv' },
    });

  async function refusedAt(body: Buffer, line: number, en: string) {
    const before = await fingerprint(api.db);
    const res = await upload(body);
    expect(res.statusCode, res.body).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json()).toMatchObject({
      code: 'unreadable_file',
      errors: [{ path: `line ${line}`, reason: { en: expect.stringContaining(en), vi: expect.any(String) } }],
    });
    expect(await fingerprint(api.db)).toBe(before);
  }

  it('a CSV saved in Windows-1258 is refused at its first line that is not UTF-8, not stored with U+FFFD', async () => {
    // "Niên giám" with ê and á as single Windows-1258 / Latin-1 bytes, on the third line.
    const body = Buffer.concat([
      Buffer.from(`${HEAD}I1,31,2026,96,official,Cục Thống kê\r\nI1,31,2027,97,official,Ni`),
      Buffer.from([0xea]),
      Buffer.from('n gi'),
      Buffer.from([0xe1]),
      Buffer.from('m\r\n'),
    ]);
    await refusedAt(body, 3, 'not UTF-8');
  });

  it('a UTF-16 CSV and a CSV with a NUL are refused, naming the line', async () => {
    await refusedAt(Buffer.from(`\uFEFF${HEAD}`, 'utf16le'), 1, 'UTF-16');
    await refusedAt(Buffer.from(`${HEAD}I1,31,2026,96,official,Nguồn\u0000x\r\n`), 2, 'NUL');
  });

  it('a quote never closed is refused at the line it opens, not read as one field swallowing the rows after it', async () => {
    const body = Buffer.from(`${HEAD}I1,31,2026,96,official,"Báo cáo\r\nI1,31,2027,97,official,Niên giám\r\n`);
    await refusedAt(body, 2, 'never closed');
  });

  it('a byte-order mark, CRLF, a quoted line break and decomposed letters are read as meant', async () => {
    const source = 'Niên giám thống kê\r\ntập 2';
    const body = Buffer.from(`\uFEFF${HEAD}I1,31,2026,96,official,"${source.normalize('NFD')}"\r\n`);
    const res = await upload(body);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ counts: { new: 1, rejected: 0 } });
    const [stored] = await api.db.query<{ source_text: string }>(
      `SELECT v.source_text FROM observation_versions v JOIN observations o ON o.id = v.observation_id
        WHERE o.tenant_id = $1 AND o.period = '2026'`,
      [t.id],
    );
    expect(stored?.source_text).toBe(source.normalize('NFC'));
  });

  it('an .xlsx whose shared strings inflate past 512 MB (a zip bomb of 1 MB) is refused before it is read', async () => {
    const file = await bomb('xl/sharedStrings.xml', 520 * 1024 * 1024);
    expect(file.length).toBeLessThan(2 * 1024 * 1024);
    const before = await fingerprint(api.db);
    const res = await call(api.app, owner, {
      method: 'POST',
      url: `/api/imports/figures?plan=${t.planCode}`,
      payload: file,
      headers: { 'content-type': XLSX },
    });
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json()).toMatchObject({
      code: 'file_too_large',
      errors: [{ path: 'file', reason: { en: expect.stringContaining('more than 512 MB') } }],
    });
    expect(await fingerprint(api.db)).toBe(before);
  }, 120_000);

  it('a .docx to draft a plan from that inflates past 100 MB is refused before it is read', async () => {
    const file = await bomb('word/document.xml', 110 * 1024 * 1024);
    const res = await call(api.app, owner, {
      method: 'POST',
      url: '/api/drafts',
      payload: { file: { name: 'nghi-quyet.docx', contentBase64: file.toString('base64') } },
    });
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json()).toMatchObject({ code: 'file_too_large', messages: { vi: expect.stringContaining('.docx') } });
  }, 120_000);

  it('a real workbook is weighed and read as before', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Số liệu');
    ws.addRow(['indicator', 'unit', 'period', 'value', 'stage', 'source']);
    ws.addRow(['I1', '31', '2027', '97', 'official', 'Niên giám thống kê']);
    const res = await call(api.app, owner, {
      method: 'POST',
      url: `/api/imports/figures?plan=${t.planCode}&dryRun=true`,
      payload: Buffer.from(await wb.xlsx.writeBuffer()),
      headers: { 'content-type': XLSX },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ counts: { new: 1, rejected: 0 } });
  });
});
