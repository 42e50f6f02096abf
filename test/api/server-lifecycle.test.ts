import { describe, expect, it } from 'vitest';
import { freshPostgresUrl, runCli, serve, tempDir } from '../helpers/processes.ts';

const pgUrl = process.env.TEST_DATABASE_URL;
const providers = [{ name: 'pglite' }, ...(pgUrl ? [{ name: 'postgres' }] : [])];

describe.each(providers)('the server on $name', ({ name }) => {
  it('starts on a random port, loads the bundled dataset, answers /api/health and the web app, and stops cleanly on SIGTERM', async () => {
    const env: Record<string, string> = { DATA_DIR: tempDir() };
    if (name === 'postgres' && pgUrl) env.DATABASE_URL = await freshPostgresUrl(pgUrl);
    const server = await serve(env);
    try {
      const health = await fetch(`${server.baseUrl}/api/health`);
      expect(health.status).toBe(200);
      const body = (await health.json()) as { status: string; database: string; version: string };
      expect(body).toMatchObject({ status: 'ok', database: name });
      expect(body.version).toMatch(/^\d+\.\d+\.\d+/);

      const plans = (await (await fetch(`${server.baseUrl}/api/plans`)).json()) as { items: { code: string }[] };
      expect(plans.items.map((p) => p.code).sort()).toEqual([
        'hai-duong-2020-2025',
        'hai-phong-2020-2025',
        'hai-phong-2025-2030',
      ]);

      const page = await fetch(`${server.baseUrl}/`);
      expect(page.status).toBe(200);
      expect(page.headers.get('content-type')).toContain('text/html');
      expect(page.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");

      const missing = await fetch(`${server.baseUrl}/api/does-not-exist`);
      expect(missing.status).toBe(404);
      expect(missing.headers.get('content-type')).toContain('application/problem+json');
      expect(await missing.json()).toMatchObject({ status: 404, code: 'not_found' });
    } finally {
      expect(await server.stop('SIGTERM')).toBe(0);
    }
    expect(server.output()).toContain('shutting down');
  });
});

describe('the embedded database folder', () => {
  it('refuses a second process on the same data folder with a clear message and exit code 1', async () => {
    const dataDir = tempDir();
    const server = await serve({ DATA_DIR: dataDir, SEED: 'false' });
    try {
      const second = await runCli(['plans', '--json'], { DATA_DIR: dataDir });
      expect(second.code).toBe(1);
      expect(second.stderr).toContain('đang được một tiến trình chitieu khác sử dụng');
      expect(second.stderr).toContain('in use by another chitieu process');
    } finally {
      await server.stop();
    }
    // Once the server is gone, the folder opens again with everything intact.
    const after = await runCli(['plans', '--json'], { DATA_DIR: dataDir, SEED: 'false' });
    expect(after.code).toBe(0);
  });
});
