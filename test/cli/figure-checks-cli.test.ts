// The real `chitieu` process on both databases: the bad-figure corpus in one `add-vintage --file` run (refused, field
// named, nothing written), figures as the source writes them, a bad dataset folder, and `import-dataset` killed
// with SIGKILL midway (nothing half-imported; the next run completes). Few spawns: each costs seconds.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openPglite, openPostgres, type Db } from '../../src/storage/db.ts';
import { BIN, freshPostgresUrl, runCli, tempDir, type RunResult } from '../helpers/processes.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const CORPUS = JSON.parse(fs.readFileSync(path.join(ROOT, 'test/fixtures/bad-figures/figures.json'), 'utf8')) as {
  plan: string;
  publishedOn: string;
  source: string;
  figures: {
    indicator: string;
    period: string;
    value: string;
    field: string;
    why: string;
    publishedOn?: string;
    confirmImplausible?: boolean;
    reason?: string;
  }[];
};
const pgUrl = process.env.TEST_DATABASE_URL;
const targets = [{ name: 'pglite' as const }, ...(pgUrl ? [{ name: 'postgres' as const }] : [])];

interface Target {
  env: Record<string, string>;
  open(): Promise<Db>;
}
async function target(name: 'pglite' | 'postgres'): Promise<Target> {
  if (name === 'postgres' && pgUrl) {
    const url = await freshPostgresUrl(pgUrl);
    return { env: { DATABASE_URL: url }, open: () => openPostgres(url) };
  }
  const dir = tempDir();
  return { env: { DATA_DIR: dir }, open: () => openPglite(dir) };
}

const TABLES = ['tenants', 'plans', 'indicators', 'targets', 'observations', 'observation_versions', 'audit_log'];
async function fingerprint(t: Target): Promise<string> {
  const db = await t.open();
  try {
    const parts: string[] = [];
    for (const table of [...TABLES, 'evaluations', 'evaluation_changes'])
      parts.push(
        `${table}=${String((await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`))[0]?.n)}`,
      );
    const v = await db.query<{ h: string | null }>(
      `SELECT md5(string_agg(id::text || coalesce(value::text, ''), ',' ORDER BY id)) AS h FROM observation_versions`,
    );
    return `${parts.join(' ')} ${v[0]?.h ?? '-'}`;
  } finally {
    await db.close();
  }
}

function writeJson(data: unknown): string {
  const file = path.join(tempDir('chitieu-figures-'), 'figures.json');
  fs.writeFileSync(file, JSON.stringify(data));
  return file;
}

/** After a SIGKILL the embedded database's folder lock goes stale only after a while: retry a bounded number of times. */
async function runAfterCrash(args: string[], env: Record<string, string>): Promise<RunResult> {
  let res: RunResult = { code: null, stdout: '', stderr: '' };
  for (let i = 0; i < 10; i++) {
    res = await runCli(args, env, 300_000);
    if (res.code === 0 || !/database_locked|đang được|in use|locked/i.test(res.stderr)) return res;
    await new Promise((r) => setTimeout(r, 3_000));
  }
  return res;
}

/** The same bound on tries for the test's own look at the database after the crash. */
async function openAfterCrash(t: Target): Promise<Db> {
  for (let i = 0; ; i++) {
    try {
      return await t.open();
    } catch (e) {
      if (i >= 10 || (e as { code?: string }).code !== 'database_locked') throw e;
      await new Promise((r) => setTimeout(r, 3_000));
    }
  }
}

describe.each(targets)('the chitieu command checks figures and datasets on $name', ({ name }) => {
  it('refuses the whole bad-figure corpus in one add-vintage --file run, naming each field, and writes nothing; then records a range, a bound and a count of its total', async () => {
    const t = await target(name);
    const seeded = await runCli(['plans', '--json'], t.env, 300_000);
    expect(seeded.code, seeded.stderr).toBe(0);
    const before = await fingerprint(t);
    const bad = CORPUS.figures.map((f) => ({
      plan: CORPUS.plan,
      indicator: f.indicator,
      period: f.period,
      value: f.value,
      source: CORPUS.source,
      publishedOn: f.publishedOn ?? CORPUS.publishedOn,
      ...(f.confirmImplausible ? { confirmImplausible: true } : {}),
      ...(f.reason ? { reason: f.reason } : {}),
    }));
    const res = await runCli(['add-vintage', '--file', writeJson(bad), '--json'], { ...t.env, SEED: 'false' }, 300_000);
    expect(res.code, res.stderr).toBe(1);
    const outcomes = JSON.parse(res.stdout) as {
      index: number;
      ok: boolean;
      error?: { code: string; messages: { vi: string; en: string }; issues: { path: string }[] };
    }[];
    expect(outcomes).toHaveLength(CORPUS.figures.length);
    const wrong = outcomes
      .filter((o) => o.ok || !o.error?.issues.some((i) => i.path === CORPUS.figures[o.index]?.field))
      .map((o) => `${JSON.stringify(CORPUS.figures[o.index])} → ${JSON.stringify(o.error ?? 'accepted')}`);
    expect(wrong).toEqual([]);
    expect(res.stderr).not.toContain('    at ');
    expect(await fingerprint(t)).toBe(before);

    const good = [
      { indicator: '12.1', value: '55/67' },
      { indicator: '1', value: '8,3-8,5' },
      { indicator: '3', value: '<3,5' },
    ].map((g) => ({ ...g, plan: CORPUS.plan, period: '2026', source: CORPUS.source, publishedOn: CORPUS.publishedOn }));
    const ok = await runCli(['add-vintage', '--file', writeJson(good), '--json'], { ...t.env, SEED: 'false' }, 300_000);
    expect(ok.code, ok.stdout + ok.stderr).toBe(0);
    expect((JSON.parse(ok.stdout) as { ok: boolean }[]).map((o) => o.ok)).toEqual([true, true, true]);
    const db = await t.open();
    try {
      const stored = await db.query<{ value: string | null; value_text: string }>(
        `SELECT v.value::text AS value, v.value_text FROM observation_versions v JOIN observations o ON o.id = v.observation_id
          WHERE o.period = '2026' AND v.value_text IN ('55/67', '8,3–8,5', '< 3,5') ORDER BY v.value_text`,
      );
      expect(stored).toEqual([
        { value: '82.0895522388', value_text: '55/67' },
        { value: null, value_text: '8,3–8,5' },
        { value: null, value_text: '< 3,5' },
      ]);
    } finally {
      await db.close();
    }
  }, 900_000);

  it('refuses a bad dataset folder in both languages naming file, indicator and field; killed midway, an import leaves nothing and the next run completes', async () => {
    const t = await target(name);
    const env = { ...t.env, SEED: 'false' };
    const folder = tempDir('chitieu-bad-folder-');
    fs.mkdirSync(path.join(folder, 'tenants'));
    fs.mkdirSync(path.join(folder, 'plans'));
    fs.copyFileSync(path.join(ROOT, 'data/tenants/hai-phong.json'), path.join(folder, 'tenants/hai-phong.json'));
    const plan = JSON.parse(fs.readFileSync(path.join(ROOT, 'data/plans/hai-phong-2025-2030.json'), 'utf8')) as {
      indicators: { code: string; targets: { spec: Record<string, unknown> }[] }[];
    };
    const n33 = plan.indicators.find((i) => i.code === 'N33');
    if (!n33?.targets[0]) throw new Error('no N33');
    n33.targets[0].spec.tolerance = '5';
    fs.writeFileSync(path.join(folder, 'plans/hai-phong-2025-2030.json'), JSON.stringify(plan));
    const bad = await runCli(['import-dataset', folder], env, 300_000);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('Tệp hai-phong-2025-2030.json');
    expect(bad.stderr).toContain('chỉ tiêu N33');
    expect(bad.stderr).toContain('indicator N33');
    expect(bad.stderr).toContain('"tolerance"');
    expect(bad.stderr).not.toMatch(/\/indicators\/\d+/);

    // Kill the import once it has written a tenant and a plan inside its transaction.
    const child = spawn(process.execPath, [BIN, 'import-dataset', path.join(ROOT, 'data')], {
      env: { ...process.env, LOG_LEVEL: 'warn', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let err = '';
    const killed = await new Promise<boolean>((resolve) => {
      child.stderr.on('data', (d: Buffer) => {
        err += d.toString('utf8');
        if (/import 2\/\d+ /.test(err) && child.exitCode === null) {
          child.kill('SIGKILL');
          resolve(true);
        }
      });
      child.on('exit', () => resolve(false));
    });
    await new Promise((r) => (child.exitCode !== null || child.signalCode !== null ? r(null) : child.on('exit', r)));
    expect(killed, err).toBe(true);
    expect(child.signalCode).toBe('SIGKILL');
    const db = await openAfterCrash(t);
    try {
      // Only what the start itself commits may be there (the first admin's account, before the import began).
      const left = await db.query<{ n: number }>(
        `SELECT (SELECT count(*) FROM tenants WHERE code = 'hai-phong') + (SELECT count(*) FROM units) + (SELECT count(*) FROM plans)
              + (SELECT count(*) FROM indicators) + (SELECT count(*) FROM observation_versions) + (SELECT count(*) FROM evaluations)
              + (SELECT count(*) FROM audit_log WHERE entity IN ('tenant', 'plan')) AS n`,
      );
      expect(Number(left[0]?.n)).toBe(0);
    } finally {
      await db.close();
    }
    const again = await runAfterCrash(['import-dataset', path.join(ROOT, 'data'), '--json'], env);
    expect(again.code, again.stderr).toBe(0);
    const report = JSON.parse(again.stdout) as { plans: { created: boolean }[] };
    expect(report.plans.map((p) => p.created)).toEqual([true, true, true]);
  }, 900_000);
});
