// `chitieu evaluate <plan> --json` and GET /api/plans/{plan}/evaluations give the same plain rows: one service, one
// stored evaluation, one presenter, from a real CLI process and a real server, on both databases; and so do
// `evaluate --json --list` and GET /api/plans/{plan}/evaluations/list (the rows as the plan's lists show them).
import { describe, expect, it } from 'vitest';
import { freshPostgresUrl, runCli, serve, tempDir } from '../helpers/processes.ts';

const PLAN = 'hai-phong-2020-2025';
const url = process.env.TEST_DATABASE_URL;

interface Answer {
  rows: unknown[];
  summary: unknown;
  counts: unknown;
}

async function viaApi(env: Record<string, string>): Promise<{ full: Answer; list: Answer }> {
  // The first start loads the bundled dataset: minutes on a busy machine.
  const server = await serve(env, 400_000);
  try {
    const read = async (path: string) => {
      const res = await fetch(`${server.baseUrl}/api/plans/${PLAN}${path}`);
      expect(res.status).toBe(200);
      return (await res.json()) as Answer;
    };
    return { full: await read('/evaluations'), list: await read('/evaluations/list') };
  } finally {
    await server.stop();
  }
}

async function viaCli(env: Record<string, string>, list = false): Promise<Answer> {
  const res = await runCli(['evaluate', PLAN, '--json', ...(list ? ['--list'] : [])], env, 300_000);
  expect(res.code, res.stderr).toBe(0);
  return JSON.parse(res.stdout) as Answer;
}

async function sameRows(env: Record<string, string>): Promise<void> {
  // One process at a time holds the embedded database: the server first (it loads the dataset), then the CLI.
  const api = await viaApi(env);
  for (const [cli, answer] of [
    [await viaCli(env), api.full],
    [await viaCli(env, true), api.list],
  ] as const) {
    expect(answer.rows.length).toBeGreaterThan(30);
    expect(cli.rows).toEqual(answer.rows);
    expect(cli.summary).toEqual(answer.summary);
    expect(cli.counts).toEqual(answer.counts);
  }
  // The list is shorter than the full rows, never the same answer under another name.
  expect(JSON.stringify(api.list).length).toBeLessThan(JSON.stringify(api.full).length);
}

describe('evaluate --json and the API', () => {
  it('give the same rows, summary and counts on the embedded database, in full and as lists', async () => {
    await sameRows({ DATA_DIR: tempDir() });
  }, 800_000);

  it.skipIf(!url)(
    'give the same rows, summary and counts on PostgreSQL, in full and as lists',
    async () => {
      await sameRows({ DATABASE_URL: await freshPostgresUrl(url as string), DATA_DIR: tempDir() });
    },
    400_000,
  );
});
