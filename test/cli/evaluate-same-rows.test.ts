// `chitieu evaluate <plan> --json` and GET /api/plans/{plan}/evaluations give the same plain rows: one service, one
// stored evaluation, one presenter, from a real CLI process and a real server, on both databases.
import { describe, expect, it } from 'vitest';
import { freshPostgresUrl, runCli, serve, tempDir } from '../helpers/processes.ts';

const PLAN = 'hai-phong-2020-2025';
const url = process.env.TEST_DATABASE_URL;

async function viaApi(env: Record<string, string>): Promise<unknown> {
  // The first start loads the bundled dataset: minutes on a busy machine.
  const server = await serve(env, 400_000);
  try {
    const res = await fetch(`${server.baseUrl}/api/plans/${PLAN}/evaluations`);
    expect(res.status).toBe(200);
    return await res.json();
  } finally {
    await server.stop();
  }
}

async function viaCli(env: Record<string, string>): Promise<unknown> {
  const res = await runCli(['evaluate', PLAN, '--json'], env, 300_000);
  expect(res.code, res.stderr).toBe(0);
  return JSON.parse(res.stdout);
}

describe('evaluate --json and the API', () => {
  it('give the same rows, summary and counts on the embedded database', async () => {
    const env = { DATA_DIR: tempDir() };
    // One process at a time holds the embedded database: the server first (it loads the dataset), then the CLI.
    const api = (await viaApi(env)) as { rows: unknown[]; summary: unknown; counts: unknown };
    const cli = (await viaCli(env)) as typeof api;
    expect(api.rows.length).toBeGreaterThan(30);
    expect(cli.rows).toEqual(api.rows);
    expect(cli.summary).toEqual(api.summary);
    expect(cli.counts).toEqual(api.counts);
  }, 800_000);

  it.skipIf(!url)(
    'give the same rows, summary and counts on PostgreSQL',
    async () => {
      const env = { DATABASE_URL: await freshPostgresUrl(url as string), DATA_DIR: tempDir() };
      const api = (await viaApi(env)) as { rows: unknown[]; summary: unknown; counts: unknown };
      const cli = (await viaCli(env)) as typeof api;
      expect(api.rows.length).toBeGreaterThan(30);
      expect(cli.rows).toEqual(api.rows);
      expect(cli.summary).toEqual(api.summary);
      expect(cli.counts).toEqual(api.counts);
    },
    400_000,
  );
});
