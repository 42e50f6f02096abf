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
    for (const cmd of [
      'serve',
      'migrate',
      'plans',
      'import-dataset',
      'evaluate',
      'add-vintage',
      'changes',
      'override',
      'draft-plan',
      'report',
      'discrepancies',
    ]) {
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

describe('chitieu evaluate and add-vintage', () => {
  interface Row {
    indicator: { code: string; name: string; unit: string };
    target: { kind: string; text: string };
    actual: { value: string | null; text: string | null; period: string | null; basis: { code: string } | null };
    inputs: { status: string; value: string | null }[];
    status: string | null;
    displayStatus: { vi: string; en: string } | null;
    required: unknown;
    projection: unknown;
    explanation: { vi: string; en: string };
    period: { period: string; cutoffLabel: string } | null;
    composite?: boolean;
  }

  it('prints every target of a plan with its indicator, target, actual, vintages, printed verdict and period with cut-off; an official vintage flips a verdict and the old one stays reproducible', async () => {
    const env = { DATA_DIR: tempDir() };
    const first = await runCli(['evaluate', 'hai-phong-2020-2025', '--json', '--as-of', '2026-11-25'], env);
    expect(first.code, first.stderr).toBe(0);
    const view = JSON.parse(first.stdout) as { rows: Row[]; summary: { vi: string } };
    // 33 targets, plus rows 17 and 20, judged from their sub-indicators (no target of their own).
    expect(view.rows.filter((r) => !r.composite).length).toBe(33);
    expect(view.rows.filter((r) => r.composite).map((r) => r.indicator.code)).toEqual(['17', '20']);
    for (const r of view.rows) {
      expect(Object.keys(r)).toEqual(
        expect.arrayContaining([
          'indicator',
          'target',
          'actual',
          'status',
          'displayStatus',
          'required',
          'projection',
          'explanation',
        ]),
      );
      expect(r.explanation.vi.length).toBeGreaterThan(0);
      expect(r.explanation.en.length).toBeGreaterThan(0);
    }
    const grdp = view.rows.find((r) => r.indicator.code === '1');
    expect(grdp).toMatchObject({
      target: { kind: 'growth_average', text: '14,5%/năm' },
      actual: { value: '11.39', basis: { code: 'comparable_2010' } },
      status: 'not_met',
      displayStatus: { vi: 'Ước không đạt' },
      inputs: [{ status: 'estimate', value: '11.39' }],
      period: { period: '2021-2025', cutoffLabel: 'số liệu từ 15/12/2020 đến 14/12/2025' },
    });
    expect(view.summary.vi).toMatch(/đạt và vượt \d+\/\d+ chỉ tiêu/);

    const add = await runCli(
      [
        'add-vintage',
        'hai-phong-2020-2025',
        '1',
        '--period',
        '2021-2025',
        '--value',
        '14.6',
        '--status',
        'official',
        '--source',
        'Số liệu thử',
        '--published-on',
        '2026-11-20',
      ],
      env,
    );
    expect(add.code, add.stderr).toBe(0);
    expect(add.stdout).toContain('Ước không đạt (11.39) → Vượt (14.6)');

    const after = JSON.parse(
      (await runCli(['evaluate', 'hai-phong-2020-2025', '--json', '--as-of', '2026-11-25'], env)).stdout,
    ) as { rows: Row[] };
    expect(after.rows.find((r) => r.indicator.code === '1')).toMatchObject({
      status: 'exceeded',
      displayStatus: { vi: 'Vượt' },
      inputs: [{ status: 'official' }],
    });
    const before = JSON.parse(
      (
        await runCli(
          ['evaluate', 'hai-phong-2020-2025', '--json', '--as-of', '2026-11-25', '--published-on', '2026-11-19'],
          env,
        )
      ).stdout,
    ) as { rows: Row[] };
    expect(before.rows.find((r) => r.indicator.code === '1')).toMatchObject({
      status: 'not_met',
      inputs: [{ status: 'estimate' }],
    });

    const changes = await runCli(['changes', 'hai-phong-2020-2025', '--json'], env);
    expect(JSON.parse(changes.stdout)).toMatchObject([
      { indicator: { code: '1' }, before: { status: 'not_met' }, after: { status: 'exceeded' } },
    ]);
  }, 300_000);

  it('as of a past date reads no figure of a later period, for the verdict or the forecast', async () => {
    // The bundled plan's figures are all for 2025 or spans ending in 2024–2025 (row 1 rests on its 2021–2025
    // estimate as of today, the test above): none of them existed in mid-2023.
    const res = await runCli(
      ['evaluate', 'hai-phong-2020-2025', '--json', '--as-of', '2023-06-30'],
      { DATA_DIR: tempDir() },
      280_000,
    );
    expect(res.code, res.stderr).toBe(0);
    const view = JSON.parse(res.stdout) as { rows: (Row & { forecast: { pMet?: number } | null })[] };
    expect(view.rows.length).toBeGreaterThan(30);
    for (const r of view.rows) {
      expect(r.inputs).toEqual([]);
      expect(r.forecast?.pMet).toBeUndefined();
    }
  }, 300_000);

  it('reports an unknown plan as a user error', async () => {
    const res = await runCli(['evaluate', 'no-such-plan'], { DATA_DIR: tempDir() });
    expect(res.code).toBe(1);
    expect(res.stderr).toContain('Không tìm thấy');
  });
});
