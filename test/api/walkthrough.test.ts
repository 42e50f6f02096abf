// The README's API walkthrough, run as written: its shell block, with bash, curl and jq, against a real server
// started the way the README says. If a command in the README stops working, this fails.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { freshPostgresUrl, serve, tempDir } from '../helpers/processes.ts';

const README = path.resolve(import.meta.dirname, '../../README.md');
const pgUrl = process.env.TEST_DATABASE_URL;
const providers = [{ name: 'pglite' }, ...(pgUrl ? [{ name: 'postgres' }] : [])];

/** The shell blocks of the "API walkthrough" section: the first starts the server, the second is the round trip. */
function walkthroughBlocks(): string[] {
  const text = fs.readFileSync(README, 'utf8');
  const start = text.indexOf('## API walkthrough');
  if (start < 0) throw new Error('README has no "API walkthrough" section');
  const next = text.indexOf('\n## ', start + 1);
  const section = text.slice(start, next < 0 ? undefined : next);
  return [...section.matchAll(/```sh\n([\s\S]*?)\n```/g)].map((m) => m[1] ?? '');
}

function bash(
  script: string,
  cwd: string,
  env: Record<string, string>,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn('bash', ['-euo', 'pipefail', '-c', script], {
      cwd,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe.each(providers)('the README API walkthrough on $name', ({ name }) => {
  it('runs as written: the editor enters, the approver approves, and the evaluation moves from no data to on track', async () => {
    const [startBlock, roundTrip] = walkthroughBlocks();
    if (!startBlock || !roundTrip)
      throw new Error('the walkthrough needs a block that starts the server and one with the round trip');
    // The server is started with the variables the README's first block sets (our own port and data folder).
    const vars = Object.fromEntries(
      [...startBlock.matchAll(/(ADMIN_EMAIL|ADMIN_PASSWORD)='?([^'\s]+)'?/g)].map((m) => [
        m[1] as string,
        m[2] as string,
      ]),
    );
    expect(Object.keys(vars).sort()).toEqual(['ADMIN_EMAIL', 'ADMIN_PASSWORD']);
    const env: Record<string, string> = { DATA_DIR: tempDir(), ...vars };
    if (name === 'postgres' && pgUrl) env.DATABASE_URL = await freshPostgresUrl(pgUrl);
    const server = await serve(env);
    try {
      const run = await bash(roundTrip, tempDir('chitieu-walkthrough-'), { B: `${server.baseUrl}/api`, ...vars });
      expect(run.code, `${run.stdout}\n${run.stderr}`).toBe(0);
      expect(run.stdout).toContain('before: no_data');
      expect(run.stdout).toMatch(/after: on_track/);
      expect(run.stdout).toContain('["create","submit","approve"]');
      expect(run.stdout).toMatch(/approver@example\.vn\s+approve/);
    } finally {
      await server.stop();
    }
  }, 180_000);
});
