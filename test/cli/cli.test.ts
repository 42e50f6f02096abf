import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../helpers/processes.ts';

describe('the chitieu command', () => {
  it('prints the plans as valid JSON with ids and counts, loading the bundled dataset into an empty folder', async () => {
    const res = await runCli(['plans', '--json'], { DATA_DIR: tempDir() });
    expect(res.code, res.stderr).toBe(0);
    const plans = JSON.parse(res.stdout) as { id: string; code: string; counts: { targets: number } }[];
    expect(plans.length).toBe(3);
    for (const p of plans) {
      expect(p.id).toMatch(/^[0-9a-f-]{36}$/);
      expect(p.counts.targets).toBeGreaterThan(0);
    }
  });

  it('shows help for every command', async () => {
    for (const cmd of ['serve', 'migrate', 'plans', 'import-dataset']) {
      const res = await runCli([cmd, '--help'], {});
      expect(res.code).toBe(0);
      expect(res.stdout).toContain(`Usage: chitieu ${cmd}`);
    }
  });

  it('exits with 1 and a bilingual one-line message on a user error', async () => {
    const res = await runCli(['import-dataset', '/nonexistent/folder'], { DATA_DIR: tempDir(), SEED: 'false' });
    expect(res.code).toBe(1);
    expect(res.stderr).toContain('Không tìm thấy thư mục dữ liệu');
    expect(res.stderr).toContain('not found');
    expect(res.stderr).not.toContain('    at ');
  });

  it('exits with 1 on an unknown command', async () => {
    const res = await runCli(['no-such-command'], {});
    expect(res.code).toBe(1);
  });

  it('imports a dataset folder idempotently: the second run keeps every plan as it is', async () => {
    const dataDir = tempDir();
    const first = await runCli(['import-dataset', 'data', '--json'], { DATA_DIR: dataDir, SEED: 'false' });
    expect(first.code, first.stderr).toBe(0);
    const a = JSON.parse(first.stdout) as { plans: { created: boolean }[] };
    expect(a.plans.every((p) => p.created)).toBe(true);
    const second = await runCli(['import-dataset', 'data', '--json'], { DATA_DIR: dataDir, SEED: 'false' });
    const b = JSON.parse(second.stdout) as { plans: { created: boolean }[] };
    expect(b.plans.every((p) => !p.created)).toBe(true);
  });

  it('migrates an empty database', async () => {
    const res = await runCli(['migrate'], { DATA_DIR: tempDir() });
    expect(res.code, res.stderr).toBe(0);
    expect(res.stderr).toContain('0001_domain');
  });
});
