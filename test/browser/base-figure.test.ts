// A plan owner enters a merged unit's missing base figure on the indicator page in Chromium against the real server on
// the bundled dataset. Indicator 2 of the 2025–2030 plan (GRDP per head, a level in 2030) has no 2025 base: the former
// units' plans give neither its numerator nor its denominator. A reader and the public see the card's words and no
// button; the owner opens "Nhập số kỳ gốc": nothing is sent without a value, a source and a reason; a value that is
// not a number is refused under its field in Vietnamese and nothing is written; the right value is entered and sent
// for approval (no story asked: a year before the term is history), and once another person approves it the card
// says the base was entered for the unit and the public evaluation uses it. axe on the dialog; saved at three widths.
import fs from 'node:fs';
import path from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PlanEvaluationView } from '../../src/services/evaluations/evaluate-plan.ts';
import { serve, type Served } from '../helpers/processes.ts';
import { SEEDED_ADMIN, seededDataDir } from './seeded.ts';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const available = fs.existsSync(CHROMIUM);
if (!available) {
  if (process.env.CI) throw new Error(`CI requires Chromium at ${CHROMIUM} for the browser tests`);
  console.warn(`\n*** Chromium not found at ${CHROMIUM}: browser tests are SKIPPED (apt-get install chromium). ***\n`);
}

const ARTIFACTS = path.resolve(import.meta.dirname, 'artifacts');
const PLAN = 'hai-phong-2025-2030';
const INDICATOR = '2';
const WIDTHS = [1366, 768, 360] as const;
const PASSWORD = 'mat-khau-kiem-thu-42';
const OWNER = 'chu-ke-hoach-goc@example.vn';
const READER = 'nguoi-xem-goc@example.vn';
const APPROVER = 'nguoi-duyet-goc@example.vn';
const WAIT = { timeout: 30_000 };

type Row = PlanEvaluationView['rows'][number];

describe.skipIf(!available)('a plan owner enters a merged unit’s missing base figure in Chromium', () => {
  let server: Served;
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  /** Calls the API as `email` (session cookie and CSRF token). */
  async function session(email: string, password: string) {
    const res = await fetch(`${server.baseUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password }),
    });
    expect(res.status, await res.clone().text()).toBe(200);
    const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const { csrfToken } = (await res.json()) as { csrfToken: string };
    return (url: string, body?: unknown, etag?: number) =>
      fetch(`${server.baseUrl}${url}`, {
        method: body === undefined ? 'GET' : 'POST',
        headers: {
          cookie,
          ...(body === undefined ? {} : { 'content-type': 'application/json', 'x-csrf-token': csrfToken }),
          ...(etag === undefined ? {} : { 'if-match': `"${etag}"` }),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
  }
  const baseRow = async (): Promise<Row> => {
    const res = await fetch(`${server.baseUrl}/api/plans/${PLAN}/evaluations`);
    expect(res.status).toBe(200);
    const row = ((await res.json()) as PlanEvaluationView).rows.find(
      (r) => r.indicator.code === INDICATOR && !r.notCounted,
    );
    expect(row?.baseline).toBeDefined();
    return row as Row;
  };

  beforeAll(async () => {
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    server = await serve({ DATA_DIR: seededDataDir() }, 120_000);
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
    });
    const admin = await session(SEEDED_ADMIN.email, SEEDED_ADMIN.password);
    for (const [email, roles] of [
      [OWNER, ['plan_owner']],
      [READER, ['reader']],
      [APPROVER, ['approver']],
    ] as const) {
      const res = await admin('/api/users', { email, displayName: email, password: PASSWORD, roles });
      expect(res.status, await res.text()).toBe(201);
    }
  }, 300_000);
  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => {});
    await browser?.close();
    await server?.stop();
  });

  async function as(email: string | null): Promise<Page> {
    const context = await browser.newContext({
      viewport: { width: 1366, height: 900 },
      locale: 'vi-VN',
      timezoneId: 'Asia/Ho_Chi_Minh',
    });
    contexts.push(context);
    const page = await context.newPage();
    if (email) {
      const res = await page.request.post(`${server.baseUrl}/api/auth/login`, { data: { email, password: PASSWORD } });
      expect(res.status()).toBe(200);
    }
    return page;
  }

  async function shots(page: Page, name: string) {
    for (const w of WIDTHS) {
      await page.setViewportSize({ width: w, height: w === 360 ? 740 : 900 });
      await page.screenshot({ path: path.join(ARTIFACTS, `${name}-${w}.png`) });
    }
    await page.setViewportSize({ width: 1366, height: 900 });
  }

  it('shows a reader and the public the missing base in words, with no button', async () => {
    expect((await baseRow()).baseline?.source).toBe('missing');
    for (const who of [READER, null]) {
      const page = await as(who);
      await page.goto(`${server.baseUrl}/plans/${PLAN}/indicators/${INDICATOR}`);
      const card = page.locator('[data-testid="merged-baseline"][data-source="missing"]');
      await card.waitFor(WAIT);
      expect(await card.textContent()).toContain('Chủ kế hoạch có thể nhập số kỳ gốc');
      expect(await page.getByTestId('base-figure').count()).toBe(0);
    }
  });

  it('the owner enters the base: an empty form and a wrong value are refused in the dialog, nothing written; the right one goes for approval, and once approved the card and the evaluation use it', async () => {
    const owner = await session(OWNER, PASSWORD);
    const page = await as(OWNER);
    await page.goto(`${server.baseUrl}/plans/${PLAN}/indicators/${INDICATOR}`);
    const card = page.locator('[data-testid="merged-baseline"][data-source="missing"]');
    await card.waitFor(WAIT);
    await page.getByTestId('base-figure').click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain('Số kỳ gốc 2025 của Thành phố Hải Phòng');
    // Nothing is sent without a value, a source and a reason.
    await page.getByTestId('base-figure-save').click();
    expect(await page.getByTestId('base-figure-value').getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByTestId('base-figure-sourceText').getAttribute('aria-invalid')).toBe('true');
    expect(await dialog.textContent()).toContain('Cần nêu lý do');

    await page.getByTestId('base-figure-value').fill('khoảng tám nghìn');
    await page.getByTestId('base-figure-sourceText').fill('Niên giám thống kê thành phố Hải Phòng 2025 (kiểm thử)');
    await page.getByTestId('base-figure-reason').fill('Số kỳ gốc của thành phố sau hợp nhất');
    await page.getByTestId('base-figure-save').click();
    const refused = page.locator('.mantine-TextInput-error, [data-testid="base-figure-problem"]').first();
    await refused.waitFor(WAIT);
    expect(await dialog.isVisible()).toBe(true);
    const listed = await owner(`/api/observations?plan=${PLAN}&period=2025&status=draft`);
    expect(listed.status).toBe(200);
    const draftsOf2 = ((await listed.json()) as { items: { indicator: { code: string } }[] }).items.filter(
      (o) => o.indicator.code === INDICATOR,
    );
    expect(draftsOf2).toHaveLength(0);
    const axe = await new AxeBuilder({ page })
      .include('[role="dialog"]')
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
      .analyze();
    expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    await shots(page, 'base-figure-dialog');

    await page.getByTestId('base-figure-value').fill('8152,6');
    await page.getByTestId('base-figure-save').click();
    const saved = page.getByTestId('base-figure-saved');
    await saved.waitFor(WAIT);
    expect(await saved.textContent()).toContain('Đã gửi số kỳ gốc 2025 để duyệt');

    // Submitted, not approved: the public evaluation still lacks the base.
    expect((await baseRow()).baseline?.source).toBe('missing');
    const submitted = await owner(`/api/observations?plan=${PLAN}&period=2025&status=submitted`);
    const figure = ((await submitted.json()) as { items: { id: string; indicator: { code: string } }[] }).items.find(
      (o) => o.indicator.code === INDICATOR,
    );
    expect(figure).toBeDefined();
    const detail = await owner(`/api/observations/${figure?.id}`);
    const etag = Number((detail.headers.get('etag') ?? '').replace(/\D/g, ''));
    const approver = await session(APPROVER, PASSWORD);
    const approved = await approver(`/api/observations/${figure?.id}/approve`, {}, etag);
    expect(approved.status, await approved.text()).toBe(200);

    const row = await baseRow();
    expect(row.baseline?.source).toBe('entered');
    const reader = await as(READER);
    await reader.goto(`${server.baseUrl}/plans/${PLAN}/indicators/${INDICATOR}`);
    const entered = reader.locator('[data-testid="merged-baseline"][data-source="entered"]');
    await entered.waitFor(WAIT);
    expect(await entered.textContent()).toContain('8.152,6');
    expect(await entered.textContent()).toContain('Nguồn: Niên giám thống kê thành phố Hải Phòng 2025 (kiểm thử)');
    // The verdict now rests on the base alone, a year before the term: no story is owed, none is asked for.
    expect(row.status).toBe('at_risk');
    expect(row.actual.period).toBe('2025');
    await reader.getByTestId('explanation').waitFor(WAIT);
    expect(await reader.getByTestId('not-explained').count()).toBe(0);
    await shots(reader, 'base-figure-entered');
  });
});
