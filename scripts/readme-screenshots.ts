// Retakes the README's two screenshots (the overview and an indicator page, Vietnamese, 1366 px) from the real
// server on the bundled dataset, so that they show the app as it is. Run `npx tsx scripts/readme-screenshots.ts`
// after `npm run build:web`; it writes docs/screenshot-overview.png and docs/screenshot-indicator.png.
import path from 'node:path';
import { chromium } from 'playwright-core';
import { serve, tempDir } from '../test/helpers/processes.ts';

const PLAN = 'hai-duong-2020-2025';
const INDICATOR = '1';
const DOCS = path.resolve(import.meta.dirname, '../docs');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const server = await serve({ DATA_DIR: tempDir() }, 290_000);
const browser = await chromium.launch({
  executablePath: CHROMIUM,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
});
try {
  const context = await browser.newContext({
    viewport: { width: 1366, height: 860 },
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
  });
  const page = await context.newPage();
  await page.goto(`${server.baseUrl}/plans/${PLAN}`);
  await page.locator('[data-testid="targets"] tbody tr').first().waitFor();
  await page.screenshot({ path: path.join(DOCS, 'screenshot-overview.png') });
  await page.setViewportSize({ width: 1366, height: 1000 });
  await page.goto(`${server.baseUrl}/plans/${PLAN}/indicators/${INDICATOR}`);
  await page.getByTestId('chart').locator('canvas').waitFor();
  // ECharts animates its first drawing: wait for the canvas to settle before the picture.
  await page.waitForTimeout(1500);
  await page.screenshot({ path: path.join(DOCS, 'screenshot-indicator.png') });
  await context.close();
} finally {
  await browser.close();
  await server.stop();
}
