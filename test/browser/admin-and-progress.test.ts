// Staff work in Chromium against the real server (one server, a one-plan dataset): an admin creates an account,
// changes its role and deactivates it (its session ends), finds it in the audit log, creates an agency and gives
// it a project; a leader asks an agency to explain a project and the agency answers in place; a progress update with
// an evidence file goes through submit and approval; the bell shows the items; a saved view survives a new browser
// context; axe on every page; screenshots of every form at 3 widths.
import fs from 'node:fs';
import path from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serve, tempDir, type Served } from '../helpers/processes.ts';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const available = fs.existsSync(CHROMIUM);
if (!available) {
  if (process.env.CI) throw new Error(`CI requires Chromium at ${CHROMIUM} for the browser tests`);
  console.warn(`\n*** Chromium not found at ${CHROMIUM}: browser tests are SKIPPED (apt-get install chromium). ***\n`);
}

const ARTIFACTS = path.resolve(import.meta.dirname, 'artifacts');
const WIDTHS = [1366, 768, 360] as const;
const PLAN = 'hai-duong-2020-2025';
const ADMIN = { email: 'admin@example.vn', password: 'admin-password-123' };
const PW = 'mat-khau-du-dai-123';
const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

describe.skipIf(!available)('staff work in Chromium', () => {
  let server: Served;
  let browser: Browser;
  let project: { id: string; title: string };
  let agencyId: string;
  const contexts: BrowserContext[] = [];

  async function apiAs(email: string, password: string) {
    const res = await fetch(`${server.baseUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password }),
    });
    if (!res.ok) throw new Error(`login ${email}: ${res.status}`);
    const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] as string;
    const { csrfToken } = (await res.json()) as { csrfToken: string };
    return async (method: string, url: string, body?: unknown) => {
      const r = await fetch(`${server.baseUrl}/api${url}`, {
        method,
        headers: { cookie, 'x-csrf-token': csrfToken, ...(body ? { 'content-type': 'application/json' } : {}) },
        body: body ? JSON.stringify(body) : undefined,
      });
      return { status: r.status, json: (await r.json().catch(() => null)) as Record<string, unknown> };
    };
  }

  beforeAll(async () => {
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    // A dataset of one plan, so that the server starts in seconds.
    const dataset = tempDir();
    fs.mkdirSync(path.join(dataset, 'plans'));
    fs.cpSync(path.resolve('data/tenants'), path.join(dataset, 'tenants'), { recursive: true });
    fs.copyFileSync(path.resolve(`data/plans/${PLAN}.json`), path.join(dataset, 'plans', `${PLAN}.json`));
    server = await serve(
      { DATA_DIR: tempDir(), DATASET_DIR: dataset, ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password },
      200_000,
    );
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
    });
    // The setting the walkthrough makes with curl: an agency owning a project, its editor, an approver, a leader.
    const admin = await apiAs(ADMIN.email, ADMIN.password);
    agencyId = (await admin('POST', '/agencies', { code: 'so-xay-dung', name: 'Sở Xây dựng' })).json.id as string;
    const projects = (await (await fetch(`${server.baseUrl}/api/projects?plan=${PLAN}&limit=5`)).json()) as {
      items: { id: string; title: string }[];
    };
    project = projects.items[0] as { id: string; title: string };
    expect((await admin('PATCH', `/projects/${project.id}`, { ownerAgencyId: agencyId })).status).toBe(200);
    for (const [email, name, roles, agency] of [
      ['bientap@example.vn', 'Biên tập Sở Xây dựng', ['agency_editor'], agencyId],
      ['pheduyet@example.vn', 'Người phê duyệt', ['approver'], null],
      ['lanhdao@example.vn', 'Lãnh đạo UBND', ['plan_owner'], null],
    ] as const)
      expect(
        (await admin('POST', '/users', { email, displayName: name, password: PW, roles, agencyId: agency })).status,
      ).toBe(201);
  }, 240_000);
  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => {});
    await browser?.close();
    await server?.stop();
  });

  /** A browser context logged in through the API from the page itself (the cookie is the browser's). */
  async function as(email: string, password: string, width = 1366): Promise<Page> {
    const context = await browser.newContext({
      viewport: { width, height: width === 360 ? 740 : 900 },
      locale: 'vi-VN',
      timezoneId: 'Asia/Ho_Chi_Minh',
    });
    contexts.push(context);
    const page = await context.newPage();
    const res = await page.request.post(`${server.baseUrl}/api/auth/login`, { data: { email, password } });
    expect(res.status()).toBe(200);
    return page;
  }

  async function axe(page: Page, label: string) {
    const r = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    expect(r.violations.map((v) => `${label}: ${v.id} ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual(
      [],
    );
  }

  async function shots(page: Page, name: string) {
    for (const w of WIDTHS) {
      await page.setViewportSize({ width: w, height: w === 360 ? 740 : 900 });
      await page.screenshot({ path: path.join(ARTIFACTS, `${name}-${w}.png`), fullPage: true });
    }
    await page.setViewportSize({ width: 1366, height: 900 });
  }

  it('an admin creates an account, changes its role and deactivates it (its session ends), finds that in the audit log, and gives a new agency a project', async () => {
    const page = await as(ADMIN.email, ADMIN.password);
    await page.goto(`${server.baseUrl}/admin`);
    await page.getByTestId('user-form').waitFor();
    await page.getByTestId('user-email').fill('moi@example.vn');
    await page.getByTestId('user-name').fill('Nguyễn Văn Mới');
    await page.getByTestId('user-password').fill(PW);
    await page.getByTestId('user-role').selectOption('reader');
    await page.getByTestId('user-create').click();
    const row = page.locator('tr[data-user="moi@example.vn"]');
    await row.waitFor();
    await axe(page, 'admin users');
    await shots(page, 'admin-users');
    // The new person logs in elsewhere.
    const theirs = await as('moi@example.vn', PW);
    expect((await theirs.request.get(`${server.baseUrl}/api/auth/session`)).status()).toBe(200);
    // A role change (reader → approver) ends the session; they log in again; deactivation ends that one too.
    await row.locator('[data-role="reader"] input, input[data-role="reader"]').first().uncheck();
    await row.locator('[data-role="approver"] input, input[data-role="approver"]').first().check();
    await row.getByTestId('save-roles').click();
    await expect.poll(async () => (await theirs.request.get(`${server.baseUrl}/api/auth/session`)).status()).toBe(401);
    const again = await as('moi@example.vn', PW);
    await row.getByTestId('toggle-active').click();
    await expect.poll(() => row.getAttribute('data-active')).toBe('false');
    expect((await again.request.get(`${server.baseUrl}/api/auth/session`)).status()).toBe(401);
    const refused = await again.request.post(`${server.baseUrl}/api/auth/login`, {
      data: { email: 'moi@example.vn', password: PW },
    });
    expect(refused.status()).toBe(401);
    // The audit log tab, filtered by what: the deactivation alone, by the admin.
    await page.getByTestId('tab-audit').click();
    await page.getByTestId('audit-action').fill('deactivate');
    await page.getByTestId('audit-filter').click();
    const audited = page.locator('[data-testid="audit"] tbody tr');
    await expect
      .poll(() => audited.evaluateAll((rs) => rs.map((r) => r.getAttribute('data-action'))))
      .toEqual(['deactivate']);
    expect(await audited.first().textContent()).toContain(ADMIN.email);
    await axe(page, 'audit log');
    await shots(page, 'admin-audit');
    // An agency, and a project given to it, in the browser.
    await page.getByRole('tab', { name: 'Cơ quan và phân công' }).click();
    const agencyForm = page.getByTestId('agency-form');
    await agencyForm.getByLabel('Mã').fill('so-giao-thong');
    await agencyForm.getByLabel('Tên').fill('Sở Giao thông vận tải');
    await agencyForm.getByRole('button').click();
    await page.getByTestId('agencies').getByText('Sở Giao thông vận tải').waitFor();
    await page.getByTestId('owner-form').getByLabel('Loại').selectOption('project');
    await expect.poll(() => page.locator('[data-testid="owner-item"] option').count()).toBeGreaterThan(2);
    const given = (await page.locator('[data-testid="owner-item"] option').nth(2).getAttribute('value')) as string;
    await page.getByTestId('owner-item').selectOption(given);
    await page.getByTestId('owner-agency').selectOption({ label: 'Sở Giao thông vận tải' });
    await page.getByTestId('owner-assign').click();
    await page.getByTestId('owner-form').getByText('Đã lưu.').waitFor();
    const owned = (await (
      await page.request.get(`${server.baseUrl}/api/projects?plan=${PLAN}&agency=so-giao-thong`)
    ).json()) as { items: { id: string }[] };
    expect(owned.items.map((i) => i.id)).toEqual([given]);
    for (const tab of ['Cơ quan và phân công', 'Đơn vị hành chính']) {
      await page.getByRole('tab', { name: tab }).click();
      await page.locator('form.staff-form').first().waitFor();
      await axe(page, tab);
      await shots(page, `admin-${tab === 'Đơn vị hành chính' ? 'units' : 'agencies'}`);
    }
  }, 120_000);

  it('a leader asks the agency to explain a project; the agency sees it under the bell and answers in place', async () => {
    const leader = await as('lanhdao@example.vn', PW);
    await leader.goto(`${server.baseUrl}/requests?itemKind=project&itemId=${project.id}`);
    await leader.getByTestId('request-form').waitFor();
    // A past deadline is refused next to the field, in Vietnamese, and what was typed stays.
    await leader.getByTestId('request-question').fill('Vì sao giải ngân chậm so với kế hoạch?');
    await leader.getByTestId('request-deadline').fill('2020-01-01');
    await leader.getByTestId('request-send').click();
    await leader.getByText('hạn trả lời đã qua').first().waitFor();
    expect(await leader.getByTestId('request-question').inputValue()).toBe('Vì sao giải ngân chậm so với kế hoạch?');
    await leader.getByTestId('request-deadline').fill('2099-12-31');
    await leader.getByTestId('request-send').click();
    await leader.getByTestId('request').waitFor();
    await axe(leader, 'request form');
    await shots(leader, 'request-form');

    const editor = await as('bientap@example.vn', PW);
    await editor.goto(`${server.baseUrl}/requests`);
    await expect
      .poll(async () =>
        editor
          .getByTestId('bell-count')
          .textContent()
          .catch(() => null),
      )
      .toBe('1');
    await editor.getByTestId('bell').click();
    await editor.getByTestId('bell-list').waitFor();
    expect(await editor.getByTestId('bell-list').textContent()).toContain('Yêu cầu giải trình');
    await axe(editor, 'bell');
    await shots(editor, 'bell');
    await editor.keyboard.press('Escape');
    await editor.getByTestId('bell-list').waitFor({ state: 'hidden' });
    await editor.getByTestId('answer-text').fill('Do vướng giải phóng mặt bằng; dự kiến hoàn thành quý II/2027.');
    await editor.getByTestId('answer-send').click();
    await editor.getByTestId('answer').waitFor();
    await axe(editor, 'requests');
    await shots(editor, 'requests-answered');
    // The round trip, with its dates, on the leader's page.
    await leader.reload();
    await leader.getByTestId('answer').waitFor();
    const trip = await leader.getByTestId('request').textContent();
    expect(trip).toMatch(/hỏi ngày \d{2}\/\d{2}\/\d{4}/);
    expect(trip).toMatch(/trả lời ngày \d{2}\/\d{2}\/\d{4}/);
    expect(trip).toContain('31/12/2099');
  }, 120_000);

  it('a progress update with an evidence file goes through submit and approval; the bell tells each side', async () => {
    const editor = await as('bientap@example.vn', PW);
    await editor.goto(`${server.baseUrl}/progress/project/${project.id}`);
    await editor.getByTestId('progress-form').waitFor();
    await axe(editor, 'progress form');
    await shots(editor, 'progress-form');
    await editor.getByTestId('field-period').fill('2026-Q3');
    await editor.getByTestId('field-physicalActualPercent').fill('45,5');
    // A sum that is not a number is refused beside its field before anything is sent; what was typed stays.
    await editor.getByTestId('field-financialActual').fill('1,2,3');
    await editor.getByTestId('progress-save').click();
    await editor.getByText('không phải số hợp lệ').waitFor();
    expect(await editor.getByTestId('field-physicalActualPercent').inputValue()).toBe('45,5');
    // vi-VN grouping without decimals ("1.200.000.000") is read as the whole number.
    await editor.getByTestId('field-financialActual').fill('1.200.000.000');
    await editor.getByTestId('field-note').fill('Đang thi công phần thân');
    await editor.getByTestId('progress-save').click();
    const report = editor.locator('[data-testid="report"][data-period="2026-Q3"]');
    await report.waitFor();
    expect(await report.textContent()).toContain('45,5');
    expect(await report.textContent()).toContain('1.200.000.000');
    // A script named .pdf is refused by its content; the real PDF is kept.
    await report
      .getByTestId('evidence-file')
      .setInputFiles({ name: 'gia.pdf', mimeType: 'application/pdf', buffer: Buffer.from('<script>x</script>') });
    await report.getByTestId('evidence-upload').click();
    await report.getByTestId('evidence-error').waitFor();
    expect(await report.getByTestId('evidence-error').textContent()).toContain('theo nội dung');
    await report
      .getByTestId('evidence-file')
      .setInputFiles({ name: 'Biên bản nghiệm thu.pdf', mimeType: 'application/pdf', buffer: PDF });
    await report.getByTestId('evidence-upload').click();
    await report.getByTestId('evidence-link').waitFor();
    expect(await report.getByTestId('evidence-link').textContent()).toBe('Biên bản nghiệm thu.pdf');
    await shots(editor, 'progress-draft');
    await report.getByTestId('report-submit').click();
    await expect.poll(() => report.getAttribute('data-state'), { timeout: 15_000 }).toBe('submitted');

    const approver = await as('pheduyet@example.vn', PW);
    await approver.goto(`${server.baseUrl}/progress/project/${project.id}`);
    await approver.getByTestId('bell-count').waitFor();
    await approver.getByTestId('bell').click();
    expect(await approver.getByTestId('bell-list').textContent()).toContain(
      'Cập nhật tiến độ dự án kỳ 2026-Q3 chờ duyệt',
    );
    await approver.keyboard.press('Escape');
    await approver.getByTestId('bell-list').waitFor({ state: 'hidden' });
    const theirs = approver.locator('[data-testid="report"][data-period="2026-Q3"]');
    await theirs.getByTestId('report-approve').waitFor();
    await axe(approver, 'approver');
    await shots(approver, 'progress-review');
    // The evidence downloads as the same bytes.
    const href = (await theirs.getByTestId('evidence-link').getAttribute('href')) as string;
    const file = await approver.request.get(`${server.baseUrl}${href}`);
    expect(Buffer.compare(await file.body(), PDF)).toBe(0);
    await theirs.getByTestId('report-approve').click();
    await expect.poll(() => theirs.getAttribute('data-state'), { timeout: 15_000 }).toBe('approved');
    // The editor's bell tells them.
    await editor.reload();
    await editor.getByTestId('bell-count').waitFor();
    await editor.getByTestId('bell').click();
    expect(await editor.getByTestId('bell-list').textContent()).toContain(
      'Cập nhật tiến độ dự án kỳ 2026-Q3 đã được duyệt',
    );
  }, 120_000);

  it('a leader pins and orders a view that persists in a new browser context and opens by its link', async () => {
    const leader = await as('lanhdao@example.vn', PW);
    await leader.goto(`${server.baseUrl}/views`);
    await leader.getByTestId('view-form').waitFor();
    await leader.getByTestId('view-name').fill('Dự án trọng điểm cần theo dõi');
    await leader.getByTestId('pick-kind').selectOption('project');
    await expect.poll(() => leader.locator('[data-testid="pick-item"] option').count()).toBeGreaterThan(2);
    for (const i of [1, 2]) {
      await leader.getByTestId('pick-item').selectOption({ index: i });
      await leader.getByTestId('pick-add').click();
    }
    const draft = leader.locator('[data-testid="draft-items"] li');
    await expect.poll(() => draft.count()).toBe(2);
    const second = (await draft.nth(1).textContent()) as string;
    await draft.nth(1).getByTestId('move-up').click();
    expect(await draft.first().textContent()).toBe(second);
    await axe(leader, 'views');
    await shots(leader, 'views-form');
    await leader.getByTestId('view-save').click();
    await leader.getByTestId('saved-view').waitFor();

    const elsewhere = await as('lanhdao@example.vn', PW, 768);
    await elsewhere.goto(`${server.baseUrl}/views`);
    const saved = elsewhere.getByTestId('saved-view');
    await saved.waitFor();
    expect(await saved.getAttribute('data-name')).toBe('Dự án trọng điểm cần theo dõi');
    expect(await saved.locator('li').first().textContent()).toContain(second.replace(/^Dự án\s*/, '').slice(0, 20));
    const link = (await saved.getByTestId('share-link').getAttribute('href')) as string;
    // A colleague (the approver) opens the shared link.
    const colleague = await as('pheduyet@example.vn', PW, 360);
    await colleague.goto(`${server.baseUrl}${link}`);
    await colleague.getByTestId('shared-view').waitFor();
    expect(await colleague.locator('[data-testid="pinned"] li').count()).toBe(2);
    await axe(colleague, 'shared view');
    await shots(colleague, 'view-shared');
  }, 120_000);
});
