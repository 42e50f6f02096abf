// kill -9 in the middle of a large figures import leaves nothing of it: the real `chitieu import` is killed while it
// writes (its --json progress says so), the database is opened again and holds none of the file's figures or audit
// entries, and running the same import again succeeds. On the embedded database (recovery after a hard kill) and on
// PostgreSQL when TEST_DATABASE_URL is set.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openPglite, openPostgres, type Db } from '../../src/storage/db.ts';
import { BIN, freshPostgresUrl, runCli, tempDir } from '../helpers/processes.ts';

const DATA = path.resolve(import.meta.dirname, '../../data');
const PLAN = 'hai-phong-2020-2025';

interface PlanFile {
  indicators: { code: string; measure?: string; observations?: { value: string | null }[] }[];
}

/** Every indicator of the plan for 12 months: figures near the indicator's own published ones, so all are accepted. */
function figuresCsv(): { text: string; rows: number } {
  const plan = JSON.parse(fs.readFileSync(path.join(DATA, 'plans', `${PLAN}.json`), 'utf8')) as PlanFile;
  const lines = ['indicator,unit,period,value,stage,source,published_on,note'];
  for (const year of [2024])
    for (let m = 1; m <= 12; m++)
      for (const i of plan.indicators) {
        const published = (i.observations ?? []).map((o) => o.value).filter((v): v is string => v !== null);
        const fallback =
          { growth_rate: '5.5', share: '50', count: '12', rank: '3', done: '1' }[i.measure ?? ''] ?? '120';
        const value = published.at(-1) ?? fallback;
        lines.push(
          `${i.code},31,${String(year)}-M${String(m).padStart(2, '0')},${value},estimate,Cục Thống kê,${String(year + 1)}-01-05,`,
        );
      }
  return { text: `${lines.join('\n')}\n`, rows: lines.length - 1 };
}

/** Starts the import and kills it with SIGKILL as soon as it reports figures written inside its transaction. */
function importKilledWhileWriting(
  file: string,
  env: Record<string, string>,
): Promise<{ signal: string | null; progress: string }> {
  return new Promise((resolve, reject) => {
    // Batches of 20 figures: the import writes (inside its one transaction) long before it has read the whole file.
    const child = spawn(process.execPath, [BIN, 'import', file, '--plan', PLAN, '--json', '--batch', '20'], {
      env: { ...process.env, LOG_LEVEL: 'warn', ...env },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let progress = '';
    child.stderr.on('data', (d: Buffer) => {
      progress += d.toString('utf8');
      if (/"phase":"writing"/.test(progress)) child.kill('SIGKILL');
    });
    child.on('error', reject);
    child.on('close', (_code, signal) => resolve({ signal, progress }));
  });
}

const submitted = async (db: Db): Promise<{ figures: number; audit: number }> => {
  const [f] = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM observation_versions WHERE workflow_state = 'submitted'`,
  );
  const [a] = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM audit_log WHERE action = 'import' AND entity = 'observation'`,
  );
  return { figures: f?.n ?? -1, audit: a?.n ?? -1 };
};

const backends: {
  name: string;
  env: () => Promise<Record<string, string>>;
  open: (env: Record<string, string>) => Promise<Db>;
}[] = [
  {
    name: 'the embedded database',
    env: () => Promise.resolve({ DATA_DIR: tempDir(), SEED: 'false' }),
    open: (env) => openPglite(env.DATA_DIR ?? ''),
  },
  ...(process.env.TEST_DATABASE_URL
    ? [
        {
          name: 'PostgreSQL',
          env: async () => ({
            DATA_DIR: tempDir(),
            SEED: 'false',
            DATABASE_URL: await freshPostgresUrl(process.env.TEST_DATABASE_URL ?? ''),
          }),
          open: (env: Record<string, string>) => openPostgres(env.DATABASE_URL ?? ''),
        },
      ]
    : []),
];

describe.each(backends)('an import killed with SIGKILL on $name', (backend) => {
  it('leaves no figure and no audit entry of the file, and the same import then succeeds', async () => {
    const env = await backend.env();
    const dataset = tempDir('chitieu-dataset-');
    fs.mkdirSync(path.join(dataset, 'tenants'));
    fs.mkdirSync(path.join(dataset, 'plans'));
    fs.copyFileSync(path.join(DATA, 'tenants', 'hai-phong.json'), path.join(dataset, 'tenants', 'hai-phong.json'));
    fs.copyFileSync(path.join(DATA, 'plans', `${PLAN}.json`), path.join(dataset, 'plans', `${PLAN}.json`));
    const loaded = await runCli(['import-dataset', dataset], env, 300_000);
    expect(loaded.code, loaded.stderr).toBe(0);
    const csv = figuresCsv();
    const file = path.join(tempDir('chitieu-figures-'), 'figures.csv');
    fs.writeFileSync(file, csv.text);

    const killed = await importKilledWhileWriting(file, env);
    expect(killed.signal).toBe('SIGKILL');
    // It was killed inside the write: some figures reported written, not all.
    const [first] = killed.progress.split('\n').filter((l) => l.includes('"phase"'));
    expect(JSON.parse(first ?? '{}')).toMatchObject({ phase: 'writing', done: 20 });
    expect(killed.progress).not.toContain(`"done":${String(csv.rows)}`);

    const db = await backend.open(env);
    try {
      expect(await submitted(db)).toEqual({ figures: 0, audit: 0 });
    } finally {
      await db.close();
    }

    const again = await runCli(['import', file, '--plan', PLAN, '--json'], env, 180_000);
    expect(again.code, again.stderr).toBe(0);
    expect((JSON.parse(again.stdout) as { counts: { new: number } }).counts.new).toBe(csv.rows);
    const after = await backend.open(env);
    try {
      // One audit entry for the import (the file's digest and counts); each version names its row in its provenance.
      expect(await submitted(after)).toEqual({ figures: csv.rows, audit: 1 });
    } finally {
      await after.close();
    }
  }, 400_000);
});
