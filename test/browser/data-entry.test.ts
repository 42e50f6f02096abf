// The data-entry round trip in Chromium against the real server, as the people who do it: the admin changes the
// one-time password first; an agency editor sees only the agency's figures, enters an implausible one (flagged,
// confirmed with a reason; a reload mid-form keeps it) and submits; the approver sees the flag and returns it; the
// editor revises and resubmits; the approver approves and sees the verdicts that moved; the overview and the
// indicator page change; a figure that leaves its target short cannot go without its story; a red status without
// a story reads "chưa giải trình". Axe on every form, screenshots of each at three widths.
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/processes.ts';
import { apiAs, axeViolations, chromiumAvailable, datasetOf, openHarness, shots, type Harness } from './harness.ts';

const PLAN = 'hai-phong-2025-2030';
const ADMIN = 'admin@so-kh.test';
const NEW_ADMIN_PASSWORD = 'mật khẩu quản trị mới 2026';
const EDITOR = { email: 'bientap@so-tc.test', password: 'editor-password-123' };
const APPROVER = { email: 'pheduyet@so-tc.test', password: 'approver-password-123' };

describe.skipIf(!chromiumAvailable)('entering and approving figures in Chromium', () => {
  let h: Harness;
  const violations: string[] = [];

  beforeAll(async () => {
    // One plan is enough: a dataset folder with the tenant and the 2025–2030 plan only (it seeds in seconds). The
    // server makes the admin with a one-time password; `h.admin` signs in with the one the scenario changes it to.
    h = await openHarness([], {
      env: { DATA_DIR: tempDir(), DATASET_DIR: datasetOf(PLAN), ADMIN_EMAIL: ADMIN },
      admin: { email: ADMIN, password: NEW_ADMIN_PASSWORD },
      startTimeoutMs: 240_000,
    });
  }, 480_000);
  afterAll(async () => h?.close());

  async function open(): Promise<{ context: BrowserContext; page: Page }> {
    const page = await h.as(null);
    return { context: page.context(), page };
  }

  /** Axe on the page as it is, and its screenshot at the three widths. */
  async function inspect(page: Page, name: string): Promise<void> {
    await shots(page, `entry-${name}`, { fullPage: true });
    for (const v of await axeViolations(page)) violations.push(`${name}: ${v}`);
  }

  async function logIn(page: Page, email: string, password: string): Promise<void> {
    await page.goto(`${h.server.baseUrl}/login`);
    await page.getByTestId('login-email').fill(email);
    await page.getByTestId('login-password').fill(password);
    await page.getByTestId('login-submit').click();
  }

  /** The answer's JSON, once it says the call succeeded. */
  async function ok(answer: Promise<Response>): Promise<Record<string, unknown>> {
    const r = await answer;
    const text = await r.text();
    if (!r.ok) throw new Error(`${r.url}: ${r.status} ${text}`);
    return text ? (JSON.parse(text) as Record<string, unknown>) : {};
  }

  const entry = (page: Page, code: string) => page.locator(`[data-testid="entry"][data-indicator="${code}"]`);

  it('runs the whole round trip in the browser', async () => {
    // 1. The admin's one-time password (from the log) must be changed first.
    const oneTime = /one-time password (\S+)/.exec(h.server.output())?.[1];
    expect(oneTime).toBeDefined();
    const admin = await open();
    await logIn(admin.page, ADMIN, oneTime ?? '');
    await admin.page.getByTestId('must-change').waitFor();
    await inspect(admin.page, 'account');
    await admin.page.getByTestId('pw-current').fill(oneTime ?? '');
    await admin.page.getByTestId('pw-next').fill('ngắn');
    await admin.page.getByTestId('pw-again').fill('ngắn');
    await admin.page.getByTestId('pw-submit').click();
    expect(await admin.page.locator('#pw-next-error').textContent()).toContain('ít nhất 12 ký tự');
    await admin.page.getByTestId('pw-next').fill(NEW_ADMIN_PASSWORD);
    await admin.page.getByTestId('pw-again').fill(NEW_ADMIN_PASSWORD);
    await admin.page.getByTestId('pw-submit').click();
    await admin.page.getByTestId('login-notice').waitFor();
    await inspect(admin.page, 'login');
    await admin.context.close();

    // Setup through the API, as the admin: an agency owning indicators 1 and 1.1, its editor, an approver.
    const indicators = await h.get<{ items: { id: string; code: string }[] }>(`/api/indicators?plan=${PLAN}&limit=200`);
    const idOf = (code: string) => indicators.items.find((i) => i.code === code)?.id ?? '';
    const agency = (await ok(h.admin('/api/agencies', { code: 'so-tai-chinh', name: 'Sở Tài chính' }))).id as string;
    for (const code of ['1', '1.1'])
      await ok(h.admin(`/api/indicators/${idOf(code)}`, { ownerAgencyId: agency }, undefined, 'PATCH'));
    await ok(
      h.admin('/api/users', {
        ...EDITOR,
        displayName: 'Biên tập viên Sở Tài chính',
        roles: ['agency_editor'],
        agencyId: agency,
      }),
    );
    await ok(h.admin('/api/users', { ...APPROVER, displayName: 'Người phê duyệt', roles: ['approver'] }));

    // 2. The editor sees only the agency's two indicators, due 25/12/2026 under NĐ 09/2019.
    const ed = await open();
    await logIn(ed.page, EDITOR.email, EDITOR.password);
    await ed.page.getByTestId('nav-account').waitFor();
    await ed.page.goto(`${h.server.baseUrl}/plans/${PLAN}/inbox`);
    await ed.page.getByTestId('inbox').waitFor();
    const codes = await ed.page
      .locator('[data-testid="entry"]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-indicator')));
    expect(codes.sort()).toEqual(['1', '1.1']);
    expect(await entry(ed.page, '1').textContent()).toContain('Hạn nộp 25/12/2026');

    // An implausible growth: flagged as typed, confirmed with a reason; a reload keeps all of it.
    const one = entry(ed.page, '1');
    await one.getByTestId('value').fill('1234,5');
    await one.getByTestId('flags').waitFor();
    await one.getByTestId('confirm').check();
    await one.getByTestId('reason').fill('Số liệu sơ bộ của Cục Thống kê, đã kiểm tra');
    await one.getByTestId('source').fill('Báo cáo KT-XH năm 2026');
    await inspect(ed.page, 'inbox');
    await ed.page.reload();
    await entry(ed.page, '1').getByTestId('value').waitFor();
    expect(await entry(ed.page, '1').getByTestId('value').inputValue()).toBe('1234,5');
    expect(await entry(ed.page, '1').getByTestId('reason').inputValue()).toBe(
      'Số liệu sơ bộ của Cục Thống kê, đã kiểm tra',
    );
    // The session ends under the form: the save is refused, a login dialog opens over the page, nothing typed is lost.
    await ed.context.clearCookies();
    await entry(ed.page, '1').getByTestId('save-draft').click();
    await ed.page.getByTestId('relogin-form').waitFor();
    await ed.page.getByTestId('relogin-email').fill(EDITOR.email);
    await ed.page.getByTestId('relogin-password').fill(EDITOR.password);
    await ed.page.getByTestId('relogin-submit').click();
    await ed.page.getByTestId('relogin-form').waitFor({ state: 'detached' });
    expect(await entry(ed.page, '1').getByTestId('value').inputValue()).toBe('1234,5');
    await entry(ed.page, '1').getByTestId('submit').click();
    await expect.poll(() => entry(ed.page, '1').getAttribute('data-state'), { timeout: 15_000 }).toBe('submitted');

    // 3. The approver sees it with its flag and returns it with a reason; its own figures it could not approve.
    const ap = await open();
    await logIn(ap.page, APPROVER.email, APPROVER.password);
    await ap.page.getByTestId('nav-account').waitFor();
    await ap.page.goto(`${h.server.baseUrl}/plans/${PLAN}/worklist`);
    const item = ap.page.locator('[data-testid="work-item"][data-indicator="1"]');
    await item.waitFor();
    // The agency and period chosen are kept in the URL: a reload (or a link) shows the same selection.
    await ap.page.getByTestId('wl-agency').selectOption('so-tai-chinh');
    await ap.page.getByTestId('wl-period').selectOption('2026');
    await ap.page.waitForURL(/[?&]agency=so-tai-chinh/);
    await ap.page.waitForURL(/[?&]period=2026/);
    await ap.page.reload();
    await item.waitFor();
    expect(await ap.page.getByTestId('wl-agency').inputValue()).toBe('so-tai-chinh');
    expect(await ap.page.getByTestId('wl-period').inputValue()).toBe('2026');
    expect(await item.getByTestId('work-flags').textContent()).toContain('Số liệu sơ bộ của Cục Thống kê');
    expect(await item.getByTestId('submitted-value').textContent()).toContain('1234,5');
    await inspect(ap.page, 'worklist');
    await item.getByTestId('return').click();
    expect(
      await item.locator('#' + (await item.getByTestId('return-reason').getAttribute('id')) + '-error').textContent(),
    ).toContain('lý do');
    await item.getByTestId('return-reason').fill('Tốc độ tăng trưởng quá cao, kiểm tra lại đơn vị tính');
    await item.getByTestId('return').click();
    await ap.page.getByTestId('worklist-empty').waitFor();

    // 4. The editor is told under the bell, sees it returned with the reason, revises and resubmits.
    await ed.page.reload();
    await entry(ed.page, '1').getByTestId('returned-reason').waitFor();
    await ed.page.getByTestId('bell-count').waitFor();
    await ed.page.getByTestId('bell').click();
    expect(await ed.page.getByTestId('bell-list').textContent()).toContain(
      'Số liệu chỉ tiêu 1 kỳ 2026 bị trả lại: Tốc độ tăng trưởng quá cao',
    );
    await ed.page.keyboard.press('Escape');
    await ed.page.getByTestId('bell-list').waitFor({ state: 'hidden' });
    expect(await entry(ed.page, '1').getByTestId('returned-reason').textContent()).toContain(
      'kiểm tra lại đơn vị tính',
    );
    await entry(ed.page, '1').getByTestId('value').fill('14,8');
    await expect.poll(() => entry(ed.page, '1').getByTestId('check').textContent()).toContain('Sẽ ghi: 14,8');
    await entry(ed.page, '1').getByTestId('submit').click();
    await expect.poll(() => entry(ed.page, '1').getAttribute('data-state'), { timeout: 15_000 }).toBe('submitted');

    // 5. The approver approves; the verdicts that moved are listed.
    const before = await h.get<{ rows: { indicator: { code: string }; status: string }[] }>(
      `/api/plans/${PLAN}/evaluations`,
    );
    expect(before.rows.find((r) => r.indicator.code === '1')?.status).toBe('no_data');
    await ap.page.reload();
    await item.getByTestId('approve').click();
    await ap.page.getByTestId('moved').waitFor();

    // The overview and the indicator page change.
    const after = await h.get<typeof before>(`/api/plans/${PLAN}/evaluations`);
    const status1 = after.rows.find((r) => r.indicator.code === '1')?.status;
    expect(status1).not.toBe('no_data');
    await ed.page.goto(`${h.server.baseUrl}/plans/${PLAN}`);
    await ed.page.getByTestId('targets').waitFor();
    expect(
      await ed.page.locator('[data-testid="targets"] tbody tr[data-code="1"]').first().getAttribute('data-status'),
    ).toBe(status1);
    await ed.page.goto(`${h.server.baseUrl}/plans/${PLAN}/indicators/1`);
    await ed.page.locator('.verdict-card').first().waitFor();
    expect(await ed.page.locator('main').textContent()).toContain('14,8');

    // 6. A figure that leaves its target short cannot be submitted without its story; with it, it goes.
    await ed.page.goto(`${h.server.baseUrl}/plans/${PLAN}/inbox`);
    const sub = entry(ed.page, '1.1');
    await sub.getByTestId('value').fill('-5');
    await expect.poll(() => sub.getByTestId('check').textContent()).toContain('Sẽ ghi');
    await sub.getByTestId('submit').click();
    await sub.getByTestId('story').waitFor();
    expect(await sub.getByTestId('problem').textContent()).toContain('Chưa giải trình');
    // Refused, nothing typed is lost: the value stays in the form while the story is written.
    expect(await sub.getByTestId('value').inputValue()).toBe('-5');
    await sub.getByTestId('cause').fill('Sản xuất công nghiệp giảm do thiếu đơn hàng xuất khẩu');
    await sub.getByTestId('measures').fill('Hỗ trợ doanh nghiệp tìm thị trường mới');
    await sub.getByTestId('requests').fill('Đề nghị Trung ương hỗ trợ tín dụng');
    await inspect(ed.page, 'story');
    await sub.getByTestId('submit').click();
    await expect.poll(() => entry(ed.page, '1.1').getAttribute('data-state'), { timeout: 15_000 }).toBe('submitted');

    // 7. Approved, its story stands beside the status; a red status recorded without one reads "chưa giải trình".
    await ap.page.reload();
    await ap.page.locator('[data-testid="work-item"][data-indicator="1.1"]').getByTestId('approve').click();
    await ap.page.getByTestId('worklist-empty').waitFor();
    await ok(
      h.admin(`/api/plans/${PLAN}/vintages`, {
        indicatorCode: '1.2',
        period: '2026',
        value: '-3',
        status: 'official',
        source: 'Niên giám thống kê',
        publishedOn: '2026-11-20',
      }),
    );
    await ed.page.goto(`${h.server.baseUrl}/plans/${PLAN}`);
    await ed.page.getByTestId('targets').waitFor();
    const row11 = ed.page.locator('[data-testid="targets"] tbody tr[data-code="1.1"]').first();
    await expect.poll(() => row11.getByTestId('story-note').count()).toBe(1);
    expect(await row11.getByTestId('story-note').textContent()).toContain('thiếu đơn hàng');
    const row12 = ed.page.locator('[data-testid="targets"] tbody tr[data-code="1.2"]').first();
    expect(await row12.getByTestId('not-explained').textContent()).toBe('chưa giải trình');
    await inspect(ed.page, 'overview-stories');

    // Log out everywhere ends the editor's other session too.
    const elsewhere = await apiAs(h.server.baseUrl, EDITOR.email, EDITOR.password);
    const sessionThere = () => elsewhere('/api/auth/session').then((r) => r.status);
    expect(await sessionThere()).toBe(200);
    await ed.page.goto(`${h.server.baseUrl}/account`);
    await ed.page.getByTestId('logout-everywhere').click();
    await ed.page.getByTestId('login-form').waitFor();
    expect(await sessionThere()).toBe(401);
    await admin.context.close().catch(() => {});
    await ap.context.close();
    await ed.context.close();
    expect(violations).toEqual([]);
  }, 240_000);
});
