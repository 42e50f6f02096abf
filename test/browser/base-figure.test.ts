// A plan owner enters a merged unit's missing base figure on the indicator page in Chromium against the real server on
// the bundled dataset. Indicator 2 of the 2025–2030 plan (GRDP per head, a level in 2030) has no 2025 base: the former
// units' plans give neither its numerator nor its denominator. A reader and the public see the card's words and no
// button; the owner opens "Nhập số kỳ gốc": nothing is sent without a value, a source and a reason; a value that is
// not a number is refused under its field in Vietnamese and nothing is written; the right value is entered and sent
// for approval (no story asked: a year before the term is history), and once another person approves it the card
// says the base was entered for the unit and the public evaluation uses it, and the overview shows the pace the target
// now needs inside its column at 1366 px. axe on the dialog; saved at three widths.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PlanEvaluationView } from '../../src/services/evaluations/evaluate-plan.ts';
import { apiAs, axeViolations, chromiumAvailable, openHarness, shots, type Harness } from './harness.ts';

const PLAN = 'hai-phong-2025-2030';
const INDICATOR = '2';
const PASSWORD = 'mat-khau-kiem-thu-42';
const OWNER = 'chu-ke-hoach-goc@example.vn';
const READER = 'nguoi-xem-goc@example.vn';
const APPROVER = 'nguoi-duyet-goc@example.vn';
const WAIT = { timeout: 30_000 };

type Row = PlanEvaluationView['rows'][number];

describe.skipIf(!chromiumAvailable)('a plan owner enters a merged unit’s missing base figure in Chromium', () => {
  let h: Harness;
  const as = (email: string | null) => h.as(email, PASSWORD);
  const session = (email: string) => apiAs(h.server.baseUrl, email, PASSWORD);
  const baseRow = async (): Promise<Row> => {
    const row = (await h.get<PlanEvaluationView>(`/api/plans/${PLAN}/evaluations`)).rows.find(
      (r) => r.indicator.code === INDICATOR && !r.notCounted,
    );
    expect(row?.baseline).toBeDefined();
    return row as Row;
  };

  beforeAll(async () => {
    h = await openHarness([
      { email: OWNER, password: PASSWORD, roles: ['plan_owner'] },
      { email: READER, password: PASSWORD, roles: ['reader'] },
      { email: APPROVER, password: PASSWORD, roles: ['approver'] },
    ]);
  }, 300_000);
  afterAll(async () => h?.close());

  it('shows a reader and the public the missing base in words, with no button', async () => {
    expect((await baseRow()).baseline?.source).toBe('missing');
    for (const who of [READER, null]) {
      const page = await as(who);
      await page.goto(`${h.server.baseUrl}/plans/${PLAN}/indicators/${INDICATOR}`);
      const card = page.locator('[data-testid="merged-baseline"][data-source="missing"]');
      await card.waitFor(WAIT);
      expect(await card.textContent()).toContain('Chủ kế hoạch có thể nhập số kỳ gốc');
      expect(await page.getByTestId('base-figure').count()).toBe(0);
    }
  });

  it('the owner enters the base: an empty form and a wrong value are refused in the dialog, nothing written; the right one goes for approval, and once approved the card and the evaluation use it', async () => {
    const owner = await session(OWNER);
    const page = await as(OWNER);
    await page.goto(`${h.server.baseUrl}/plans/${PLAN}/indicators/${INDICATOR}`);
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
    expect(await axeViolations(page, '[role="dialog"]')).toEqual([]);
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
    const approver = await session(APPROVER);
    const approved = await approver(`/api/observations/${figure?.id}/approve`, {}, etag);
    expect(approved.status, await approved.text()).toBe(200);

    const row = await baseRow();
    expect(row.baseline?.source).toBe('entered');
    const reader = await as(READER);
    await reader.goto(`${h.server.baseUrl}/plans/${PLAN}/indicators/${INDICATOR}`);
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

    // The overview at 1366 px: the pace the target now needs ("… USD/người/năm", a unit without spaces) stays inside
    // its column instead of running into the next one.
    await reader.goto(`${h.server.baseUrl}/plans/${PLAN}`);
    const pace = reader
      .locator('tr', { has: reader.locator('.cell-indicator .code', { hasText: new RegExp(`^${INDICATOR}$`) }) })
      .locator('td[data-label="Nhịp cần đạt"]');
    await pace.waitFor(WAIT);
    expect(await pace.textContent()).toMatch(/USD\/người\/năm$/);
    const [scrollWidth, clientWidth] = await pace.evaluate((td) => [td.scrollWidth, td.clientWidth]);
    expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
  });
});
