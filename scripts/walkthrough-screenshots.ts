// Takes the screenshots of the browser walkthrough (docs/walkthrough-browser.md): a clerk, an approver, a leader and
// an admin doing their work in Chromium against a real server holding one bundled plan. Run after `npm run build:web`:
//   npm run screenshots:walkthrough            (writes docs/walkthrough/*.png)
// The same steps are asserted by test/browser/data-entry.test.ts and admin-and-progress.test.ts; this script only
// pictures them, so it checks little beyond waiting for what each picture shows.
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { serve, tempDir } from '../test/helpers/processes.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const OUT = path.join(ROOT, 'docs/walkthrough');
const PLAN = 'hai-phong-2025-2030';
const ADMIN = { email: 'admin@example.vn', password: 'admin-password-123' };
const PW = 'mat-khau-du-dai-123';
const people = {
  clerk: { email: 'bientap@so-tc.example.vn', name: 'Biên tập viên Sở Tài chính', roles: ['agency_editor'] },
  approver: { email: 'pheduyet@example.vn', name: 'Người phê duyệt', roles: ['approver'] },
  leader: { email: 'lanhdao@example.vn', name: 'Lãnh đạo UBND thành phố', roles: ['plan_owner'] },
} as const;

async function main(): Promise<void> {
  fs.mkdirSync(OUT, { recursive: true });
  const dataset = tempDir('chitieu-walkthrough-');
  fs.mkdirSync(path.join(dataset, 'tenants'));
  fs.mkdirSync(path.join(dataset, 'plans'));
  fs.copyFileSync(path.join(ROOT, 'data/tenants/hai-phong.json'), path.join(dataset, 'tenants/hai-phong.json'));
  fs.copyFileSync(path.join(ROOT, `data/plans/${PLAN}.json`), path.join(dataset, `plans/${PLAN}.json`));
  const server = await serve(
    { DATA_DIR: tempDir(), DATASET_DIR: dataset, ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password },
    300_000,
  );
  const base = server.baseUrl;
  let browser: Browser | null = null;
  try {
    // The setting the admin makes (in the browser too, see the admin's pictures): an agency owning two
    // indicators and a project, its clerk, an approver and a leader.
    const admin = await apiSession(base, ADMIN.email, ADMIN.password);
    const indicators = (await (await fetch(`${base}/api/indicators?plan=${PLAN}&limit=200`)).json()) as {
      items: { id: string; code: string }[];
    };
    const idOf = (code: string) => indicators.items.find((i) => i.code === code)?.id ?? '';
    const agency = (await admin('POST', '/agencies', { code: 'so-tai-chinh', name: 'Sở Tài chính' })).id as string;
    for (const code of ['1', '1.1']) await admin('PATCH', `/indicators/${idOf(code)}`, { ownerAgencyId: agency });
    for (const p of Object.values(people))
      await admin('POST', '/users', {
        email: p.email,
        displayName: p.name,
        password: PW,
        roles: p.roles,
        agencyId: p === people.clerk ? agency : null,
      });

    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
    });
    const open = async (email: string, password: string): Promise<Page> => {
      const context = await (browser as Browser).newContext({
        viewport: { width: 1280, height: 800 },
        locale: 'vi-VN',
        timezoneId: 'Asia/Ho_Chi_Minh',
      });
      const page = await context.newPage();
      await page.goto(`${base}/login`);
      await page.getByTestId('login-email').fill(email);
      await page.getByTestId('login-password').fill(password);
      await page.getByTestId('login-submit').click();
      await page.getByTestId('nav-account').waitFor();
      return page;
    };
    // The top of the page, `height` pixels of it (the page scrolls while it is worked on).
    const shot = (page: Page, name: string, height = 800) =>
      page.screenshot({
        path: path.join(OUT, `${name}.png`),
        fullPage: true,
        clip: { x: 0, y: 0, width: 1280, height },
      });
    const checked = (page: Page, code: string) =>
      entry(page, code).getByTestId('check').filter({ hasText: 'Sẽ ghi' }).waitFor();
    const entry = (page: Page, code: string) => page.locator(`[data-testid="entry"][data-indicator="${code}"]`);

    // 1. The clerk enters an implausible growth; it is flagged as typed and confirmed with a reason.
    const clerk = await open(people.clerk.email, PW);
    await clerk.goto(`${base}/plans/${PLAN}/inbox`);
    const one = entry(clerk, '1');
    await one.getByTestId('value').fill('1234,5');
    await one.getByTestId('flags').waitFor();
    await one.getByTestId('confirm').check();
    await one.getByTestId('reason').fill('Số liệu sơ bộ của Cục Thống kê, đã kiểm tra');
    await one.getByTestId('source').fill('Báo cáo KT-XH năm 2026');
    await checked(clerk, '1');
    await shot(clerk, '01-clerk-inbox', 1060);
    await one.getByTestId('submit').click();
    await waitForAttribute(one, 'data-state', 'submitted');

    // 2. The approver sees the flag with the clerk's reason, and returns the figure with a reason.
    const approver = await open(people.approver.email, PW);
    await approver.goto(`${base}/plans/${PLAN}/worklist?agency=so-tai-chinh&period=2026`);
    const item = approver.locator('[data-testid="work-item"][data-indicator="1"]');
    await item.getByTestId('work-flags').waitFor();
    await item.getByTestId('return-reason').fill('Tốc độ tăng trưởng quá cao, kiểm tra lại đơn vị tính');
    await shot(approver, '02-approver-worklist');
    await item.getByTestId('return').click();
    await approver.getByTestId('worklist-empty').waitFor();

    // 3. The clerk is told under the bell, sees the reason, revises and resubmits.
    await clerk.reload();
    await entry(clerk, '1').getByTestId('returned-reason').waitFor();
    await clerk.getByTestId('bell-count').waitFor();
    await clerk.getByTestId('bell').click();
    await checked(clerk, '1');
    // The popover fades in: wait until it is drawn opaque.
    await clerk.waitForFunction(() => {
      const list = document.querySelector('[data-testid="bell-list"]');
      const box = list?.closest('.mantine-Popover-dropdown') ?? list;
      return !!box && getComputedStyle(box).opacity === '1';
    });
    await shot(clerk, '03-clerk-returned');
    await clerk.keyboard.press('Escape');
    await clerk.getByTestId('bell-list').waitFor({ state: 'hidden' });
    await entry(clerk, '1').getByTestId('value').fill('14,8');
    await entry(clerk, '1').getByTestId('submit').click();
    await waitForAttribute(entry(clerk, '1'), 'data-state', 'submitted');

    // 4. The approver approves; the verdicts that moved are listed.
    await approver.reload();
    await item.getByTestId('approve').click();
    await approver.getByTestId('moved').waitFor();
    await shot(approver, '04-approver-approved');

    // 5. The leader asks the agency to explain indicator 1.1's target; the clerk answers in place.
    const evaluations = (await (await fetch(`${base}/api/plans/${PLAN}/evaluations`)).json()) as {
      rows: { targetId: string; indicator: { code: string } }[];
    };
    const target = evaluations.rows.find((r) => r.indicator.code === '1.1')?.targetId ?? '';
    const leader = await open(people.leader.email, PW);
    await leader.goto(`${base}/requests?itemKind=target&itemId=${target}`);
    await leader.getByTestId('request-question').fill('Vì sao giá trị tăng thêm công nghiệp tăng chậm hơn kế hoạch?');
    await leader.getByTestId('request-deadline').fill('2026-12-31');
    await leader.getByTestId('request-send').click();
    await leader.getByTestId('request').waitFor();
    await clerk.goto(`${base}/requests`);
    await clerk
      .getByTestId('answer-text')
      .fill('Do thiếu đơn hàng xuất khẩu quý III; Sở đã đề xuất hỗ trợ doanh nghiệp tìm thị trường mới.');
    await clerk.getByTestId('answer-send').click();
    await clerk.getByTestId('answer').waitFor();
    await leader.reload();
    await leader.getByTestId('answer').waitFor();
    await shot(leader, '05-leader-request');

    // 6. The leader pins the targets and projects that matter, in order, and shares the view by its link.
    await leader.goto(`${base}/views`);
    await leader.getByTestId('view-name').fill('Theo dõi hằng tuần');
    for (const kind of ['target', 'project'] as const) {
      await leader.getByTestId('pick-kind').selectOption(kind);
      await waitForCount(leader.locator('[data-testid="pick-item"] option'), 3);
      for (const i of [1, 2]) {
        await leader.getByTestId('pick-item').selectOption({ index: i });
        await leader.getByTestId('pick-add').click();
      }
    }
    await leader.getByTestId('view-save').click();
    await leader.getByTestId('saved-view').waitFor();
    await shot(leader, '06-leader-view', 620);

    // 7–8. The admin creates an account, deactivates it, and finds the change in the audit log.
    const adminPage = await open(ADMIN.email, ADMIN.password);
    await adminPage.goto(`${base}/admin`);
    await adminPage.getByTestId('user-email').fill('tam.thoi@example.vn');
    await adminPage.getByTestId('user-name').fill('Nguyễn Văn Tạm');
    await adminPage.getByTestId('user-password').fill(PW);
    await adminPage.getByTestId('user-role').selectOption('reader');
    await adminPage.getByTestId('user-create').click();
    const row = adminPage.locator('tr[data-user="tam.thoi@example.vn"]');
    await row.getByTestId('toggle-active').click();
    await waitForAttribute(row, 'data-active', 'false');
    // The whole page: the form, and the table down to the account just deactivated.
    await adminPage.screenshot({ path: path.join(OUT, '07-admin-users.png'), fullPage: true });
    await adminPage.getByTestId('tab-audit').click();
    await adminPage.getByTestId('audit-action').fill('deactivate');
    await adminPage.getByTestId('audit-filter').click();
    await waitForCount(adminPage.locator('[data-testid="audit"] tbody tr[data-action="deactivate"]'), 1);
    await shot(adminPage, '08-admin-audit');
    console.log(`Screenshots written to ${path.relative(ROOT, OUT)}/`);
  } finally {
    await browser?.close();
    await server.stop();
  }
}

/** A logged-in API caller (the setting before the pictures). */
async function apiSession(base: string, email: string, password: string) {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (!res.ok) throw new Error(`login ${email}: ${res.status}`);
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return async (method: string, url: string, body: unknown): Promise<Record<string, unknown>> => {
    const r = await fetch(`${base}/api${url}`, {
      method,
      headers: { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (!r.ok) throw new Error(`${method} ${url}: ${r.status} ${await r.text()}`);
    return (await r.json()) as Record<string, unknown>;
  };
}

async function waitForAttribute(
  locator: ReturnType<Page['locator']>,
  name: string,
  value: string,
  timeoutMs = 30_000,
): Promise<void> {
  const until = Date.now() + timeoutMs;
  while ((await locator.getAttribute(name)) !== value) {
    if (Date.now() > until) throw new Error(`${name} never became ${value}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

async function waitForCount(locator: ReturnType<Page['locator']>, atLeast: number, timeoutMs = 30_000) {
  const until = Date.now() + timeoutMs;
  while ((await locator.count()) < atLeast) {
    if (Date.now() > until) throw new Error(`fewer than ${atLeast} elements`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

await main();
