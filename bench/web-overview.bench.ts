// Benchmark of the web app in Chromium: time from navigation to the overview table of the bundled 2025–2030 plan
// rendered (cold: a fresh browser context, then warm: the same context again), and the JavaScript shipped to the
// public portal's overview, gzip-compressed. Not a timed test: run `npx tsx bench/web-overview.bench.ts [--runs 5]`
// after `npm run build:web`.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { serve, tempDir } from '../test/helpers/processes.ts';

const arg = process.argv.indexOf('--runs');
const RUNS = arg > 0 ? Number(process.argv[arg + 1]) : 5;
const PLAN = 'hai-phong-2025-2030';
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const server = await serve({ DATA_DIR: tempDir() }, 290_000);
const browser = await chromium.launch({
  executablePath: CHROMIUM,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
});

async function timeOverview(): Promise<{ cold: number; warm: number }> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  const page = await context.newPage();
  const once = async () => {
    const t0 = Date.now();
    await page.goto(`${server.baseUrl}/plans/${PLAN}`, { waitUntil: 'commit' });
    await page.locator('[data-testid="targets"] tbody tr').first().waitFor();
    return Date.now() - t0;
  };
  const cold = await once();
  const warm = await once();
  await context.close();
  return { cold, warm };
}

// One warm-up run so the server's first evaluation of the plan is not counted.
await timeOverview();
const runs = [];
for (let i = 0; i < RUNS; i++) runs.push(await timeOverview());

const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
const page = await context.newPage();
const scripts = new Map<string, Buffer>();
page.on('response', async (r) => {
  if (r.request().resourceType() === 'script') scripts.set(r.url(), await r.body());
});
await page.goto(`${server.baseUrl}/portal/${PLAN}`);
await page.locator('[data-testid="targets"] tbody tr').first().waitFor();
await page.waitForLoadState('networkidle');
await context.close();
await browser.close();
await server.stop();

const raw = [...scripts.values()].reduce((n, b) => n + b.length, 0);
const gzip = [...scripts.values()].reduce((n, b) => n + gzipSync(b, { level: 9 }).length, 0);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
const result = {
  plan: PLAN,
  runs: RUNS,
  overviewTableMs: {
    coldMedian: median(runs.map((r) => r.cold)),
    coldMax: Math.max(...runs.map((r) => r.cold)),
    warmMedian: median(runs.map((r) => r.warm)),
  },
  portalJs: { files: scripts.size, rawBytes: raw, gzipBytes: gzip },
  measuredAt: new Date().toISOString(),
  node: process.version,
};
console.table({
  'overview table, cold (median ms)': result.overviewTableMs.coldMedian,
  'overview table, cold (max ms)': result.overviewTableMs.coldMax,
  'overview table, warm (median ms)': result.overviewTableMs.warmMedian,
  'portal JS files': result.portalJs.files,
  'portal JS gzip (kB)': Math.round(gzip / 102.4) / 10,
});
const out = join(dirname(fileURLToPath(import.meta.url)), 'results', 'web.json');
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, `${JSON.stringify(result, null, 2)}\n`);
