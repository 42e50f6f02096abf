// Seeds the bundled dataset once for the browser tests that need all of it: each such file starts its own server on a
// copy of this folder (seededDataDir in ./seeded.ts) instead of seeding the whole dataset again at its own start.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { runCli } from '../helpers/processes.ts';
import { SEEDED_ADMIN } from './seeded.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    seededDataDir: string;
  }
}

export default async function setup(project: TestProject): Promise<() => void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'chitieu-browser-seed-'));
  const run = await runCli(
    ['import-dataset', path.resolve(import.meta.dirname, '../../data')],
    { DATA_DIR: dir, ADMIN_EMAIL: SEEDED_ADMIN.email, ADMIN_PASSWORD: SEEDED_ADMIN.password },
    290_000,
  );
  if (run.code !== 0) throw new Error(`seeding the browser tests' dataset failed:\n${run.stderr}\n${run.stdout}`);
  project.provide('seededDataDir', dir);
  return () => fs.rmSync(dir, { recursive: true, force: true });
}
