// Staff work in Chromium against the real server (one server, a one-plan dataset): an admin creates an account,
// changes its role and deactivates it (its session ends), finds it in the audit log, creates an agency and gives
// it a project; a leader asks an agency to explain a project and the agency answers in place; a progress update with
// an evidence file goes through submit and approval; the bell shows the items; a saved view survives a new browser
// context; axe on every page; screenshots of every form at 3 widths.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/processes.ts';
import { axeViolations, chromiumAvailable, datasetOf, openHarness, shots, type Harness } from './harness.ts';

const PLAN = 'hai-duong-2020-2025';
const ADMIN = { email: 'admin@example.vn', password: 'admin-password-123' };
const PW = 'mat-khau-du-dai-123';
const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

describe.skipIf(!chromiumAvailable)('staff work in Chromium', () => {
  let h: Harness;
  let project: { id: string; title: string };
  let agencyId: string;
  const as = (email: string, password: string, width?: number) => h.as(email, password, width);

  beforeAll(async () => {
    // A dataset of one plan, so that the server starts in seconds.
    h = await openHarness([], {
      env: {
        DATA_DIR: tempDir(),
        DATASET_DIR: datasetOf(PLAN),
        ADMIN_EMAIL: ADMIN.email,
        ADMIN_PASSWORD: ADMIN.password,
      },
      admin: ADMIN,
      startTimeoutMs: 200_000,
    });
    // The setting the walkthrough makes with curl: an agency owning a project, its editor, an approver, a leader.
    const made = await h.admin('/api/agencies', { code: 'so-xay-dung', name: 'Sở Xây dựng' });
    agencyId = ((await made.json()) as { id: string }).id;
    const projects = await h.get<{ items: { id: string; title: string }[] }>(`/api/projects?plan=${PLAN}&limit=5`);
    project = projects.items[0] as { id: string; title: string };
    const owned = await h.admin(`/api/projects/${project.id}`, { ownerAgencyId: agencyId }, undefined, 'PATCH');
    expect(owned.status).toBe(200);
    for (const [email, name, roles, agency] of [
      ['bientap@example.vn', 'Biên tập Sở Xây dựng', ['agency_editor'], agencyId],
      ['pheduyet@example.vn', 'Người phê duyệt', ['approver'], null],
      ['lanhdao@example.vn', 'Lãnh đạo UBND', ['plan_owner'], null],
    ] as const)
      expect(
        (await h.admin('/api/users', { email, displayName: name, password: PW, roles, agencyId: agency })).status,
      ).toBe(201);
  }, 240_000);
  afterAll(async () => h?.close());

  it('an admin creates an account, changes its role and deactivates it (its session ends), finds that in the audit log, and gives a new agency a project', async () => {
    const page = await as(ADMIN.email, ADMIN.password);
    await page.goto(`${h.server.baseUrl}/admin`);
    await page.getByTestId('user-form').waitFor();
    await page.getByTestId('user-email').fill('moi@example.vn');
    await page.getByTestId('user-name').fill('Nguyễn Văn Mới');
    await page.getByTestId('user-password').fill(PW);
    await page.getByTestId('user-role').selectOption('reader');
    await page.getByTestId('user-create').click();
    const row = page.locator('tr[data-user="moi@example.vn"]');
    await row.waitFor();
    expect(await axeViolations(page), 'admin users').toEqual([]);
    await shots(page, 'admin-users', { fullPage: true });
    // The new person logs in elsewhere.
    const theirs = await as('moi@example.vn', PW);
    expect((await theirs.request.get(`${h.server.baseUrl}/api/auth/session`)).status()).toBe(200);
    // A role change (reader → approver) ends the session; they log in again; deactivation ends that one too.
    await row.locator('[data-role="reader"] input, input[data-role="reader"]').first().uncheck();
    await row.locator('[data-role="approver"] input, input[data-role="approver"]').first().check();
    await row.getByTestId('save-roles').click();
    await expect
      .poll(async () => (await theirs.request.get(`${h.server.baseUrl}/api/auth/session`)).status())
      .toBe(401);
    const again = await as('moi@example.vn', PW);
    await row.getByTestId('toggle-active').click();
    await expect.poll(() => row.getAttribute('data-active')).toBe('false');
    expect((await again.request.get(`${h.server.baseUrl}/api/auth/session`)).status()).toBe(401);
    const refused = await again.request.post(`${h.server.baseUrl}/api/auth/login`, {
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
    expect(await axeViolations(page), 'audit log').toEqual([]);
    await shots(page, 'admin-audit', { fullPage: true });
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
      await page.request.get(`${h.server.baseUrl}/api/projects?plan=${PLAN}&agency=so-giao-thong`)
    ).json()) as { items: { id: string }[] };
    expect(owned.items.map((i) => i.id)).toEqual([given]);
    for (const tab of ['Cơ quan và phân công', 'Đơn vị hành chính']) {
      await page.getByRole('tab', { name: tab }).click();
      await page.locator('form.staff-form').first().waitFor();
      expect(await axeViolations(page), tab).toEqual([]);
      await shots(page, `admin-${tab === 'Đơn vị hành chính' ? 'units' : 'agencies'}`, { fullPage: true });
    }
  }, 120_000);

  it('a leader asks the agency to explain a project; the agency sees it under the bell and answers in place', async () => {
    const leader = await as('lanhdao@example.vn', PW);
    await leader.goto(`${h.server.baseUrl}/requests?itemKind=project&itemId=${project.id}`);
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
    expect(await axeViolations(leader), 'request form').toEqual([]);
    await shots(leader, 'request-form', { fullPage: true });

    const editor = await as('bientap@example.vn', PW);
    await editor.goto(`${h.server.baseUrl}/requests`);
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
    expect(await axeViolations(editor), 'bell').toEqual([]);
    await shots(editor, 'bell', { fullPage: true });
    await editor.keyboard.press('Escape');
    await editor.getByTestId('bell-list').waitFor({ state: 'hidden' });
    await editor.getByTestId('answer-text').fill('Do vướng giải phóng mặt bằng; dự kiến hoàn thành quý II/2027.');
    await editor.getByTestId('answer-send').click();
    await editor.getByTestId('answer').waitFor();
    expect(await axeViolations(editor), 'requests').toEqual([]);
    await shots(editor, 'requests-answered', { fullPage: true });
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
    await editor.goto(`${h.server.baseUrl}/progress/project/${project.id}`);
    await editor.getByTestId('progress-form').waitFor();
    expect(await axeViolations(editor), 'progress form').toEqual([]);
    await shots(editor, 'progress-form', { fullPage: true });
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
    await shots(editor, 'progress-draft', { fullPage: true });
    await report.getByTestId('report-submit').click();
    await expect.poll(() => report.getAttribute('data-state'), { timeout: 15_000 }).toBe('submitted');

    const approver = await as('pheduyet@example.vn', PW);
    await approver.goto(`${h.server.baseUrl}/progress/project/${project.id}`);
    await approver.getByTestId('bell-count').waitFor();
    await approver.getByTestId('bell').click();
    expect(await approver.getByTestId('bell-list').textContent()).toContain(
      'Cập nhật tiến độ dự án kỳ 2026-Q3 chờ duyệt',
    );
    await approver.keyboard.press('Escape');
    await approver.getByTestId('bell-list').waitFor({ state: 'hidden' });
    const theirs = approver.locator('[data-testid="report"][data-period="2026-Q3"]');
    await theirs.getByTestId('report-approve').waitFor();
    expect(await axeViolations(approver), 'approver').toEqual([]);
    await shots(approver, 'progress-review', { fullPage: true });
    // The evidence downloads as the same bytes.
    const href = (await theirs.getByTestId('evidence-link').getAttribute('href')) as string;
    const file = await approver.request.get(`${h.server.baseUrl}${href}`);
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
    await leader.goto(`${h.server.baseUrl}/views`);
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
    expect(await axeViolations(leader), 'views').toEqual([]);
    await shots(leader, 'views-form', { fullPage: true });
    await leader.getByTestId('view-save').click();
    await leader.getByTestId('saved-view').waitFor();

    const elsewhere = await as('lanhdao@example.vn', PW, 768);
    await elsewhere.goto(`${h.server.baseUrl}/views`);
    const saved = elsewhere.getByTestId('saved-view');
    await saved.waitFor();
    expect(await saved.getAttribute('data-name')).toBe('Dự án trọng điểm cần theo dõi');
    expect(await saved.locator('li').first().textContent()).toContain(second.replace(/^Dự án\s*/, '').slice(0, 20));
    const link = (await saved.getByTestId('share-link').getAttribute('href')) as string;
    // A colleague (the approver) opens the shared link.
    const colleague = await as('pheduyet@example.vn', PW, 360);
    await colleague.goto(`${h.server.baseUrl}${link}`);
    await colleague.getByTestId('shared-view').waitFor();
    expect(await colleague.locator('[data-testid="pinned"] li').count()).toBe(2);
    expect(await axeViolations(colleague), 'shared view').toEqual([]);
    await shots(colleague, 'view-shared', { fullPage: true });
  }, 120_000);
});
