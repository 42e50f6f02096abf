// Figures files that are not what they claim: a CSV in another code page, in UTF-16, with a NUL, or with a quote
// never closed is refused naming its line, in Vietnamese and English, and nothing is written; a CSV with a
// byte-order mark, CRLF, a quoted line break and decomposed letters is read as it is meant.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../helpers/databases.ts';
import { call, fingerprint, login, openApi, seedTenant, type Api, type Session, type Tenant } from './api-helpers.ts';

const HEAD = 'indicator,unit,period,value,stage,source\r\n';

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
});
