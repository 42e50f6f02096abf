// The command line as a person and a shell pipeline meet it: short bilingual argument errors, a quiet end when the
// reader of a pipe stops early, Vietnamese words and numbers in the human format, and the first admin's tenant.
import { spawn } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import { openPglite, openPostgres, type Db } from '../../src/storage/db.ts';
import { BIN, freshPostgresUrl, runCli, tempDir } from '../helpers/processes.ts';

const pgUrl = process.env.TEST_DATABASE_URL;
const providers = [{ name: 'pglite' as const }, ...(pgUrl ? [{ name: 'postgres' as const }] : [])];
const ADMIN = { ADMIN_EMAIL: 'first-admin@example.vn', ADMIN_PASSWORD: 'first-admin-password-1' };
// Status codes that must not appear in the human format (they belong to --json).
const CODES = /\b(exceeded|met|not_met|on_track|at_risk|off_track|no_data|estimate|preliminary|official)\b/;

describe('argument errors', { timeout: 120_000 }, () => {
  it.each([
    [['evaluate'], 'thiếu tham số bắt buộc plan', 'missing required argument plan'],
    [['evaluate', 'x', '--bogus'], 'không có tuỳ chọn --bogus', 'unknown option --bogus'],
    [['evaluate', 'x', '--as-of'], 'cần một giá trị', 'needs a value'],
    [['changes', 'a', 'b'], 'thừa tham số', 'too many arguments'],
    [['no-such-command'], 'không có lệnh no-such-command', 'unknown command no-such-command'],
  ])('chitieu %j: exit 1, one line in Vietnamese and one in English, no help dump', async (args, vi, en) => {
    const res = await runCli(args, {});
    expect(res.code).toBe(1);
    const lines = res.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toContain(vi);
    expect(lines[1]).toContain(en);
    expect(res.stderr).toContain('--help');
    expect(res.stderr).not.toContain('Usage:');
    expect(res.stdout).toBe('');
  });
});

// Each command boots a process and opens the database: minutes on a loaded machine, so the timeouts are generous.
describe('on the bundled dataset', { timeout: 600_000 }, () => {
  const env = { DATA_DIR: tempDir(), SEED: 'false', ...ADMIN };
  beforeAll(async () => {
    const res = await runCli(['import-dataset', 'data'], env, 600_000);
    expect(res.code, res.stderr).toBe(0);
  }, 600_000);

  it('`evaluate … --json | head -c 200` ends quietly with exit 0 though the reader stops early', async () => {
    const full = await runCli(['evaluate', 'hai-phong-2025-2030', '--json'], env);
    // More than a pipe's buffer (64 KiB), so the writer really meets the closed pipe.
    expect(full.stdout.length).toBeGreaterThan(65_536);
    const piped = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
      const child = spawn(
        'bash',
        [
          '-c',
          `set -o pipefail; "${process.execPath}" "${BIN}" evaluate hai-phong-2025-2030 --json | head -c 200 > /dev/null`,
        ],
        {
          env: { ...process.env, ...env },
          stdio: ['ignore', 'ignore', 'pipe'],
        },
      );
      let stderr = '';
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
      child.on('close', (code) => resolve({ code, stderr }));
    });
    expect(piped.stderr).toBe('');
    expect(piped.code).toBe(0);
  });

  it('`changes` with nothing to report says so in words', async () => {
    const res = await runCli(['changes', 'hai-phong-2025-2030'], env);
    expect(res.code, res.stderr).toBe(0);
    expect(res.stdout).toBe(
      'Chưa có thay đổi nào: chưa có số liệu mới nào làm thay đổi kết luận hay giá trị của nghị quyết hai-phong-2025-2030.\n' +
        'No changes: no later figure has changed a verdict or a value of hai-phong-2025-2030.\n',
    );
  });

  it('`changes` and `evaluate` print verdict words and vi-VN numbers and dates, not codes; --json keeps the codes', async () => {
    const added = await runCli(
      [
        'add-vintage',
        'hai-phong-2020-2025',
        '1',
        '--period',
        '2021-2025',
        '--value',
        '11.8',
        '--status',
        'official',
        '--source',
        'Niên giám thống kê thành phố Hải Phòng 2025',
        '--published-on',
        '2026-11-20',
      ],
      env,
    );
    expect(added.code, added.stderr).toBe(0);
    const res = await runCli(['changes', 'hai-phong-2020-2025'], env);
    expect(res.code, res.stderr).toBe(0);
    expect(res.stdout).toMatch(/^1 thay đổi/);
    expect(res.stdout).toContain('(11,8)');
    expect(res.stdout).toContain('số liệu chính thức kỳ 2021-2025');
    expect(res.stdout).toContain('công bố 20/11/2026');
    expect(res.stdout).toMatch(/Không đạt|Đạt|Vượt/);
    expect(res.stdout).not.toMatch(CODES);
    const json = JSON.parse((await runCli(['changes', 'hai-phong-2020-2025', '--json'], env)).stdout) as {
      after: { status: string; value: string };
    }[];
    expect(json[0]?.after.value).toBe('11.8');
    expect(json[0]?.after.status).toMatch(/^[a-z_]+$/);

    const evaluation = await runCli(['evaluate', 'hai-phong-2020-2025'], env);
    expect(evaluation.stdout).not.toMatch(CODES);
    expect(evaluation.stdout).toMatch(/\d,\d/);
  });
});

describe.each(providers)('the first admin on $name', ({ name }) => {
  it(
    'import-dataset on an empty database puts ADMIN_EMAIL in the tenant that owns the bundled plans, and makes no "default" tenant',
    { timeout: 600_000 },
    async () => {
      const env: Record<string, string> = { DATA_DIR: tempDir(), SEED: 'false', ...ADMIN };
      if (name === 'postgres' && pgUrl) env.DATABASE_URL = await freshPostgresUrl(pgUrl);
      const res = await runCli(['import-dataset', 'data'], env, 600_000);
      expect(res.code, res.stderr).toBe(0);
      expect(res.stderr).toContain(`admin account created: ${ADMIN.ADMIN_EMAIL}`);
      const db: Db = env.DATABASE_URL ? await openPostgres(env.DATABASE_URL) : await openPglite(env.DATA_DIR ?? '');
      try {
        const admin = await db.query<{ code: string; plans: number }>(
          `SELECT t.code, (SELECT count(*)::int FROM plans p WHERE p.tenant_id = t.id) AS plans
           FROM users u JOIN tenants t ON t.id = u.tenant_id WHERE u.email = $1`,
          [ADMIN.ADMIN_EMAIL],
        );
        expect(admin).toEqual([{ code: 'hai-phong', plans: 3 }]);
        expect(await db.query(`SELECT 1 FROM tenants WHERE code = 'default'`)).toEqual([]);
      } finally {
        await db.close();
      }
    },
  );
});
