// Drafting a plan in Chromium against the real server: a planning office uploads a resolution (.docx), reviews the
// draft (each target's statement in place, kind, figure, confidence), rejects one item, edits another, keeps the
// review across a reload, and saves the rest as a plan that the overview then shows; axe on every state; screenshots
// at three widths for a person to look at.
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTIFACTS, axeViolations, chromiumAvailable, openHarness, shots, type Harness } from './harness.ts';
import { SEEDED_ADMIN } from './seeded.ts';

const DOCX = path.resolve(import.meta.dirname, '../fixtures/draft-plan-resolution.docx');
const ADMIN = SEEDED_ADMIN;

describe.skipIf(!chromiumAvailable)('drafting a plan from a document in Chromium', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await openHarness();
  }, 300_000);
  afterAll(async () => h?.close());

  /** Signed in as the admin; the session's CSRF token is put where the page keeps it, as a page signed in would. */
  async function signedIn(width: number): Promise<Page> {
    const page = await h.as(ADMIN.email, ADMIN.password, width);
    page.setDefaultTimeout(30_000);
    const session = await page.request.get(`${h.server.baseUrl}/api/auth/session`);
    expect(session.status()).toBe(200);
    const { csrfToken } = (await session.json()) as { csrfToken: string };
    await page.goto(`${h.server.baseUrl}/drafts`);
    await page.evaluate((token) => sessionStorage.setItem('chitieu.csrf', token), csrfToken);
    return page;
  }

  it('uploads a .docx, reviews, rejects and edits items, survives a reload, and saves a plan that evaluates', async () => {
    const page = await signedIn(1366);
    await page.locator('h1').waitFor();
    expect(await page.locator('h1').textContent()).toBe('Lập dự thảo kế hoạch từ văn bản');
    expect(await axeViolations(page)).toEqual([]);
    await page.locator('input[type="file"]').setInputFiles(DOCX);
    await page.getByRole('button', { name: 'Đọc dự thảo' }).click();
    await page.getByTestId('draft-items').waitFor();
    const items = page.getByTestId('draft-item');
    expect(await items.count()).toBe(2);
    expect(await items.nth(0).locator('blockquote').textContent()).toBe('Tỷ lệ đô thị hóa đạt trên 75%');
    expect(await items.nth(0).textContent()).toContain('Ngưỡng');
    expect(await items.nth(0).textContent()).toContain('dòng 3');
    expect(await items.nth(1).textContent()).toContain('2,5 triệu tỷ đồng');
    expect(await axeViolations(page)).toEqual([]);
    // Reject the budget item; edit the urbanisation threshold's name.
    await items.nth(1).getByLabel('Bỏ').check();
    await items.nth(0).getByLabel('Tên chỉ tiêu').fill('Tỷ lệ đô thị hóa toàn tỉnh');
    await page.getByLabel('Mã kế hoạch (chữ thường, số, gạch nối)').fill('du-thao-trinh-duyet');
    await page.getByLabel('Tên kế hoạch').fill('Nghị quyết thử nghiệm 2026–2030');
    // A reload mid-review keeps every decision.
    await page.reload();
    await page.getByTestId('draft-items').waitFor();
    expect(await page.getByTestId('draft-item').nth(0).getByLabel('Tên chỉ tiêu').inputValue()).toBe(
      'Tỷ lệ đô thị hóa toàn tỉnh',
    );
    expect(await page.getByTestId('draft-item').nth(1).getByLabel('Bỏ').isChecked()).toBe(true);
    expect(await page.getByText('Đã chấp nhận 1/2 mục').count()).toBe(1);
    await shots(page, 'drafting-review', { fullPage: true });
    await page.getByRole('button', { name: 'Lưu thành kế hoạch' }).click();
    await page.waitForURL(/\/plans\/du-thao-trinh-duyet$/);
    await page.getByTestId('targets').waitFor();
    expect(await page.locator('[data-testid="targets"] tbody tr').count()).toBe(1);
    expect(await page.getByTestId('targets').textContent()).toContain('Tỷ lệ đô thị hóa toàn tỉnh');
    const evaluations = (await (
      await page.request.get(`${h.server.baseUrl}/api/plans/du-thao-trinh-duyet/evaluations`)
    ).json()) as { rows: { indicator: { name: string }; status: string }[] };
    expect(evaluations.rows.map((r) => [r.indicator.name, r.status])).toEqual([
      ['Tỷ lệ đô thị hóa toàn tỉnh', 'no_data'],
    ]);
    await page.context().close();
  }, 180_000);

  it('shows the reason next to the item when the plan cannot be saved, in the language chosen', async () => {
    const page = await signedIn(768);
    await page
      .getByLabel('Hoặc dán văn bản')
      .fill(
        'Mục tiêu, chỉ tiêu chủ yếu: đến năm 2030 tỷ lệ đô thị hóa đạt trên 75%; thu ngân sách đạt 30 nghìn tỷ đồng.',
      );
    await page.getByLabel('Nhiệm kỳ (nếu văn bản không ghi), ví dụ 2026-2030').fill('2026-2030');
    await page.getByRole('button', { name: 'Đọc dự thảo' }).click();
    await page.getByTestId('draft-items').waitFor();
    const first = page.getByTestId('draft-item').nth(0);
    await first.getByLabel('Nội dung chỉ tiêu (JSON, sửa nếu cần)').fill('{"kind": "threshold"}');
    await page.getByLabel('Mã kế hoạch (chữ thường, số, gạch nối)').fill('du-thao-loi');
    await page.getByLabel('Tên kế hoạch').fill('Dự thảo có lỗi');
    await page.getByRole('button', { name: 'Lưu thành kế hoạch' }).click();
    await page.getByTestId('draft-problem').waitFor();
    expect(await page.getByTestId('draft-problem').textContent()).toContain('Chưa lưu được kế hoạch');
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(ARTIFACTS, 'drafting-error-768.png'), fullPage: true });
    const plans = (await (await page.request.get(`${h.server.baseUrl}/api/plans`)).json()) as {
      items: { code: string }[];
    };
    expect(plans.items.map((p) => p.code)).not.toContain('du-thao-loi');
    await page.context().close();
  }, 180_000);
});
