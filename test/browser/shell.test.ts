// The web app in Chromium against the real server on the bundled dataset: the overview, its filters and search,
// an indicator, an explanation whose numbers match the API, the language switch, the public portal, a keyboard-only
// walk, axe on every page type, and screenshots of every page at three widths for a person to look at.
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatNumber } from '../../src/core/format/number.ts';
import { isYearKey } from '../../web/src/i18n/intermediate-labels.ts';
import { ARTIFACTS, WIDTHS, axeViolations, chromiumAvailable, openHarness, type Harness } from './harness.ts';

const PLAN = 'hai-duong-2020-2025';

interface Row {
  targetId: string;
  indicator: { code: string; name: string };
  status: string;
  target: { kind: string };
  actual: { value: string | null };
  achievement: string | null;
  intermediates: Record<string, string>;
  inputs: { value: string | null; workflowState: string }[];
}

describe.skipIf(!chromiumAvailable)('the web app in Chromium', () => {
  let h: Harness;
  let rows: Row[];
  beforeAll(async () => {
    h = await openHarness([], {
      chromiumArgs: ['--disable-quic', '--disable-component-update', '--disable-sync'],
    });
    rows = (await h.get<{ rows: Row[] }>(`/api/plans/${PLAN}/evaluations`)).rows;
  }, 300_000);
  afterAll(async () => h?.close());

  /** A page not signed in, in its own context, opened at `url`. */
  async function open(url: string, width = 1366): Promise<{ context: BrowserContext; page: Page }> {
    const page = await h.as(null, undefined, width);
    await page.goto(`${h.server.baseUrl}${url}`);
    return { context: page.context(), page };
  }

  const rowCount = (page: Page) => page.locator('[data-testid="targets"] tbody tr').count();

  it('lists the plans in Vietnamese first, switches to English, and remembers the choice', async () => {
    const { context, page } = await open('/');
    await page.getByTestId('plans').waitFor();
    expect(await page.locator('h1').textContent()).toBe('Nghị quyết, kế hoạch');
    expect(await page.locator('[data-plan]').count()).toBe(3);
    expect(await page.locator('[data-plan="hai-phong-2025-2030"]').textContent()).toContain('chỉ tiêu');
    await page.getByTestId('language-switch').click();
    expect(await page.locator('h1').textContent()).toBe('Plans');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await page.reload();
    await page.getByTestId('plans').waitFor();
    expect(await page.locator('h1').textContent()).toBe('Plans');
    await context.close();
  });

  it('opens the overview worst first, with every target, counts by status and "chưa có số liệu" for gaps', async () => {
    const { context, page } = await open(`/plans/${PLAN}`);
    await page.getByTestId('targets').waitFor();
    expect(await rowCount(page)).toBe(rows.length);
    const first = await page.locator('[data-testid="targets"] tbody tr').first().getAttribute('data-status');
    expect(first).toBe('not_met');
    const noData = rows.filter((r) => r.status === 'no_data').length;
    expect(await page.getByTestId('count-no_data').textContent()).toContain(String(noData));
    // Every target without a figure reads "chưa có số liệu" in its latest-value cell, never 0.
    const missing = rows.filter((r) => r.actual.value === null).length;
    expect(await page.locator('[data-testid="targets"] tbody td:nth-child(3) .missing').count()).toBe(missing);
    expect(await page.locator('[data-testid="targets"]').textContent()).toContain('chưa có số liệu');
    await context.close();
  });

  it('filters by a status count, by the status and agency selects, and keeps the selection in the URL', async () => {
    const { context, page } = await open(`/plans/${PLAN}`);
    await page.getByTestId('targets').waitFor();
    const atRisk = rows.filter((r) => r.status === 'at_risk').length;
    await page.getByTestId('count-at_risk').click();
    await expect.poll(() => rowCount(page)).toBe(atRisk);
    expect(page.url()).toContain('status=at_risk');
    const statuses = await page
      .locator('[data-testid="targets"] tbody tr')
      .evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-status')));
    expect(new Set(statuses)).toEqual(new Set(['at_risk']));
    await page.getByTestId('filter-status').selectOption('exceeded');
    await expect.poll(() => rowCount(page)).toBe(rows.filter((r) => r.status === 'exceeded').length);
    // The bundled dataset assigns no agency yet: "not assigned" holds every exceeded target, and the link reopens it.
    await page.getByTestId('filter-agency').selectOption({ index: 1 });
    expect(page.url()).toContain('status=exceeded');
    await page.reload();
    await page.getByTestId('targets').waitFor();
    await expect.poll(() => rowCount(page)).toBe(rows.filter((r) => r.status === 'exceeded').length);
    await context.close();
  });

  it('finds "tăng trưởng" and "đầu tư" when typed without diacritics', async () => {
    const { context, page } = await open(`/plans/${PLAN}`);
    await page.getByTestId('targets').waitFor();
    await page.getByTestId('search').fill('tang');
    const expected = rows.filter((r) => /tăng/i.test(r.indicator.name)).length;
    await expect.poll(() => rowCount(page)).toBeGreaterThanOrEqual(expected);
    const names = await page.locator('[data-testid="targets"] tbody tr .cell-indicator').allTextContents();
    expect(names.length).toBeGreaterThan(0);
    expect(names.some((n) => n.includes('tăng'))).toBe(true);
    await page.getByTestId('search').fill('dau tu');
    await expect.poll(() => rowCount(page)).toBe(rows.filter((r) => /đầu tư/i.test(r.indicator.name)).length);
    await context.close();
  });

  it('opens an indicator and shows its chart, the chart as a table, and the figures table', async () => {
    const { context, page } = await open(`/plans/${PLAN}`);
    await page.getByTestId('targets').waitFor();
    await page.locator('[data-testid="targets"] tbody tr[data-code="1"] .cell-indicator a').click();
    await page.getByTestId('indicator').waitFor();
    await page.getByTestId('chart').locator('canvas').waitFor();
    await page.getByTestId('data-table').waitFor();
    expect(await page.getByTestId('data-table').textContent()).toContain('9,8');
    await page.getByTestId('toggle-view').click();
    await page.getByTestId('chart-table').waitFor();
    expect(page.url()).toContain('view=table');
    expect(await page.getByTestId('chart-table').textContent()).toContain('9,8');
    await context.close();
  });

  it('shows words, not an empty frame and its buttons, where an indicator has nothing to chart', async () => {
    const later = (await h.get<{ rows: Row[] }>('/api/plans/hai-phong-2025-2030/evaluations')).rows;
    const bare = later.find((r) => r.status === 'no_data' && r.target.kind === 'growth_average');
    expect(bare).toBeDefined();
    const { context, page } = await open(`/plans/hai-phong-2025-2030/indicators/${bare?.indicator.code}`);
    await page.getByTestId('indicator').waitFor();
    expect(await page.getByTestId('chart-empty').textContent()).toBe('Chưa có số liệu để vẽ diễn biến.');
    for (const id of ['chart', 'toggle-view', 'download-png', 'download-csv'])
      expect(await page.getByTestId(id).count(), id).toBe(0);
    await context.close();
  });

  it('shows the year of the latest figure as a year, not as a number with a thousands separator', async () => {
    const row = rows.find((r) => r.intermediates.latestYear);
    expect(row).toBeDefined();
    if (!row) return;
    const { context, page } = await open(`/plans/${PLAN}/targets/${row.targetId}/explanation`);
    await page.getByTestId('explanation').waitFor();
    const cell = page.locator('[data-testid="intermediates"] tr[data-key="latestYear"] td');
    expect(await cell.textContent()).toBe(row.intermediates.latestYear);
    await context.close();
  });

  it('explains a verdict with the same numbers as the API', async () => {
    const row = rows.find((r) => r.intermediates.averageExact && r.achievement);
    expect(row).toBeDefined();
    if (!row) return;
    const { context, page } = await open(`/plans/${PLAN}/targets/${row.targetId}/explanation`);
    await page.getByTestId('explanation').waitFor();
    for (const [key, value] of Object.entries(row.intermediates)) {
      const cell = page.locator(`[data-testid="intermediates"] tr[data-key="${key}"] td`);
      // A year is shown as written (2025), any other figure in vi-VN (2.025 would read as two thousand and twenty-five).
      const shown = !isYearKey(key) && /^-?\d+(\.\d+)?$/.test(value) ? formatNumber(value, { locale: 'vi' }) : value;
      expect(await cell.textContent()).toBe(shown);
    }
    // Each figure is named in words, not by the engine's name for it.
    expect(await page.locator('[data-testid="intermediates"] tr[data-key="averageExact"] th').textContent()).toBe(
      'Tốc độ tăng bình quân (%/năm)',
    );
    expect(await page.locator('[data-testid="intermediates"] tr[data-key="achievement"] td').textContent()).toBe(
      formatNumber(row.achievement ?? '', { locale: 'vi' }),
    );
    const inputs = await page
      .locator('[data-testid="inputs"] tbody tr')
      .evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-value')));
    expect(inputs).toEqual(row.inputs.map((i) => i.value ?? ''));
    expect(await page.getByTestId('formula').textContent()).toContain(
      formatNumber(row.intermediates.averageExact ?? '', { locale: 'vi' }),
    );
    await context.close();
  });

  it('walks from the overview to an explanation with the keyboard only', async () => {
    const { context, page } = await open(`/plans/${PLAN}`);
    await page.getByTestId('targets').waitFor();
    let reached = false;
    for (let i = 0; i < 80 && !reached; i++) {
      await page.keyboard.press('Tab');
      reached = await page.evaluate(() => document.activeElement?.getAttribute('data-testid') === 'explain-link');
    }
    expect(reached).toBe(true);
    await page.keyboard.press('Enter');
    await page.getByTestId('explanation').waitFor();
    expect(page.url()).toContain('/explanation');
    await context.close();
  });

  it('opens the public portal without login and shows no unapproved figure', async () => {
    const { context, page } = await open(`/portal/${PLAN}`);
    await page.getByTestId('targets').waitFor();
    expect(await page.locator('.language-switch').count()).toBe(1);
    expect(await page.locator('.plan-switcher').count()).toBe(0);
    const all = await h.get<{ rows: Row[] }>(`/api/plans/${PLAN}/evaluations`);
    for (const r of all.rows) for (const i of r.inputs) expect(i.workflowState).toBe('approved');
    const text = (await page.locator('main').textContent()) ?? '';
    expect(text).not.toMatch(/chờ duyệt|nháp/);
    expect(await rowCount(page)).toBe(all.rows.length);
    await context.close();
  });

  const explainedRow = () => rows.find((r) => r.achievement) ?? rows[0];
  const pageTypes = (): [string, string, string][] => [
    ['home', '/', 'plans'],
    ['overview', `/plans/${PLAN}`, 'targets'],
    ['indicator', `/plans/${PLAN}/indicators/1`, 'data-table'],
    ['explanation', `/plans/${PLAN}/targets/${explainedRow()?.targetId}/explanation`, 'explanation'],
    ['changes', `/plans/${PLAN}/changes`, 'no-changes'],
    ['portal', '/portal', 'plans'],
    ['portal-overview', `/portal/${PLAN}`, 'targets'],
    ['portal-indicator', `/portal/${PLAN}/indicators/1`, 'data-table'],
  ];

  for (const width of WIDTHS) {
    it(`has no axe violations (WCAG 2.1 AA) on any page type at ${width} px, and saves their screenshots`, async () => {
      const { context, page } = await open('/', width);
      const violations: string[] = [];
      for (const [name, url, ready] of pageTypes()) {
        await page.goto(`${h.server.baseUrl}${url}`);
        await page.getByTestId(ready).first().waitFor();
        if (name.includes('indicator')) await page.getByTestId('chart').locator('canvas').waitFor();
        await page.screenshot({ path: path.join(ARTIFACTS, `${name}-${width}.png`), fullPage: true });
        for (const v of await axeViolations(page)) violations.push(`${name}@${width}: ${v}`);
      }
      await context.close();
      expect(violations).toEqual([]);
    }, 420_000);
  }
});
