// `chitieu report` as a user runs it: a real process on a fresh database with the bundled dataset writes the results
// table file; a wrong format is one bilingual line and exit code 1.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { freshPostgresUrl, runCli, tempDir } from '../helpers/processes.ts';
import { pdfText, readersAvailable } from '../helpers/readers.ts';

const pgUrl = process.env.TEST_DATABASE_URL;
const databases: { name: string; env: () => Promise<Record<string, string>> }[] = [
  { name: 'pglite', env: async () => ({ DATA_DIR: tempDir() }) },
  ...(pgUrl ? [{ name: 'postgres', env: async () => ({ DATABASE_URL: await freshPostgresUrl(pgUrl) }) }] : []),
];

describe.each(databases)('chitieu report on $name', ({ env }) => {
  it('writes the Phụ lục 1 table of a plan as a PDF at a date, and as a workbook', async () => {
    const dir = tempDir();
    const vars = await env();
    const pdf = path.join(dir, 'phu-luc-1.pdf');
    const res = await runCli(
      ['report', 'hai-phong-2020-2025', '--format', 'pdf', '--as-of', '2026-11-29', '--out', pdf],
      vars,
      240_000,
    );
    expect(res.code, res.stderr).toBe(0);
    expect(fs.readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
    if (readersAvailable) {
      const text = pdfText(pdf);
      expect(text).toContain('Đánh giá đến ngày 29/11/2026');
      expect(text).toMatch(/14,5%\/năm\s+11,39\s+Ước không đạt/);
    }
    const xlsx = path.join(dir, 'phu-luc-1.xlsx');
    const again = await runCli(['report', 'hai-phong-2020-2025', '--format', 'xlsx', '--out', xlsx], vars, 240_000);
    expect(again.code, again.stderr).toBe(0);
    expect(fs.readFileSync(xlsx).subarray(0, 2).toString()).toBe('PK');
    const annex = await runCli(['discrepancies', 'hai-phong-2020-2025', '--json'], vars, 240_000);
    expect(annex.code, annex.stderr).toBe(0);
    const codes = (JSON.parse(annex.stdout) as { rows: { indicator: { code: string } }[] }).rows.map(
      (r) => r.indicator.code,
    );
    expect(codes).toEqual(expect.arrayContaining(['11', '17']));
  }, 400_000);

  it('refuses an unknown format with one line in both languages and exit code 1', async () => {
    const res = await runCli(['report', 'hai-phong-2020-2025', '--format', 'odt', '--out', '/tmp/x.odt'], await env());
    expect(res.code).toBe(1);
    expect(res.stderr).toContain('Định dạng "odt" không hỗ trợ');
    expect(res.stderr).toContain('Format "odt" is not supported');
    expect(res.stderr).not.toContain('    at ');
  });
});
