// Text typed decomposed (NFD, as a macOS terminal passes it) reaches the database composed (NFC) through the real
// `chitieu` command, on both databases: an override's reason in the stored override, the evaluation and the audit
// log. A file name is left as typed: a backup written to a decomposed name is found under that name, not another.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openPglite, openPostgres, type Db } from '../../src/storage/db.ts';
import { freshPostgresUrl, runCli, tempDir } from '../helpers/processes.ts';

const PLAN = 'hai-phong-2020-2025';
const REASON = 'Kết luận của Ban Thường vụ Thành ủy';
const url = process.env.TEST_DATABASE_URL;

const cases: { name: string; env: () => Promise<{ env: Record<string, string>; open: () => Promise<Db> }> }[] = [
  {
    name: 'the embedded database',
    env: async () => {
      const dir = tempDir();
      return { env: { DATA_DIR: dir }, open: () => openPglite(dir) };
    },
  },
  ...(url
    ? [
        {
          name: 'PostgreSQL',
          env: async () => {
            const db = await freshPostgresUrl(url);
            return { env: { DATABASE_URL: db }, open: () => openPostgres(db) };
          },
        },
      ]
    : []),
];

describe.each(cases)('command-line text on $name', ({ env: prepare }) => {
  it('an override reason typed decomposed is stored, evaluated and audited composed', async () => {
    const { env, open } = await prepare();
    const nfd = REASON.normalize('NFD');
    expect(nfd).not.toBe(REASON);
    // The first command loads the bundled dataset: minutes on a busy machine.
    const done = await runCli(['override', PLAN, '1', '--status', 'met', '--reason', nfd], env, 800_000);
    expect(done.code, done.stderr).toBe(0);

    const evaluated = await runCli(['evaluate', PLAN, '--json'], env, 300_000);
    expect(evaluated.code, evaluated.stderr).toBe(0);
    const rows = (JSON.parse(evaluated.stdout) as { rows: { indicator: { code: string }; override?: unknown }[] }).rows;
    const overridden = JSON.stringify(rows.find((r) => r.indicator.code === '1')?.override);
    expect(overridden).toContain(REASON);

    const db = await open();
    try {
      const stored = await db.query<{ reason: string }>(
        'SELECT reason FROM evaluation_overrides WHERE revoked_at IS NULL',
      );
      expect(stored.map((r) => r.reason)).toEqual([REASON]);
      const audited = await db.query<{ reason: string }>("SELECT reason FROM audit_log WHERE action = 'override'");
      expect(audited.map((r) => r.reason)).toEqual([REASON]);
    } finally {
      await db.close();
    }
  }, 1_500_000);

  it('a file name typed decomposed is written under that name, as typed', async () => {
    const { env } = await prepare();
    const dir = tempDir('chitieu-nfd-');
    const name = 'Sao lưu Hải Phòng.json'.normalize('NFD');
    const res = await runCli(['backup', path.join(dir, name), '--tenant', 'hai-phong'], env, 400_000);
    expect(res.code, res.stderr).toBe(0);
    expect(fs.readdirSync(dir)).toEqual([name]);
  }, 1_500_000);
});
