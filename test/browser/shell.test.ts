import fs from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serve, tempDir, type Served } from '../helpers/processes.ts';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const available = fs.existsSync(CHROMIUM);
if (!available) {
  if (process.env.CI) throw new Error(`CI requires Chromium at ${CHROMIUM} for the browser tests`);
  console.warn(`\n*** Chromium not found at ${CHROMIUM}: browser tests are SKIPPED (apt-get install chromium). ***\n`);
}

describe.skipIf(!available)('the web app in Chromium', () => {
  let server: Served;
  let browser: Browser;
  beforeAll(async () => {
    server = await serve({ DATA_DIR: tempDir() });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('lists the plans in Vietnamese first, switches to English, and remembers the choice', async () => {
    const page = await browser.newPage({ viewport: { width: 1200, height: 800 } });
    await page.goto(server.baseUrl);
    await page.getByTestId('plans').waitFor();
    expect(await page.locator('h1').textContent()).toBe('Nghị quyết, kế hoạch');
    const items = page.locator('[data-plan]');
    expect(await items.count()).toBe(3);
    expect(await page.locator('[data-plan="hai-phong-2025-2030"]').textContent()).toContain('chỉ tiêu');
    if (process.env.SCREENSHOT) await page.screenshot({ path: process.env.SCREENSHOT });

    await page.getByTestId('language-switch').click();
    expect(await page.locator('h1').textContent()).toBe('Plans');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await page.reload();
    await page.getByTestId('plans').waitFor();
    expect(await page.locator('h1').textContent()).toBe('Plans');
    await page.close();
  });
});
