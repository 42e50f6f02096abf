// A plan owner adds to a plan in place from the web app, in Chromium against the real server on the bundled dataset:
// a key project, a breakthrough, and an indicator with its first target citing the plan's own resolution (the
// overview shows it at once with its evaluation); a code the plan already uses is refused inside the dialog, named
// once under its field; a reader and the public see no "Thêm". Each dialog passes axe and is saved at three widths.
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTIFACTS, WIDTHS, axeViolations, chromiumAvailable, openHarness, type Harness } from './harness.ts';

const PLAN = 'hai-phong-2025-2030';
const PASSWORD = 'mat-khau-kiem-thu-22';
const OWNER = 'chu-ke-hoach@example.vn';
const READER = 'nguoi-xem@example.vn';
// The server answers in seconds on a loaded machine: polls wait for it.
const WAIT = { timeout: 20_000 };

describe.skipIf(!chromiumAvailable)('a plan owner adds items to a plan in Chromium', () => {
  let h: Harness;
  const get = <T>(url: string): Promise<T> => h.get<T>(url);
  const as = (email: string | null, width = 1366) => h.as(email, PASSWORD, width);

  beforeAll(async () => {
    h = await openHarness([
      { email: OWNER, password: PASSWORD, roles: ['plan_owner'] },
      { email: READER, password: PASSWORD, roles: ['reader'] },
    ]);
  }, 300_000);
  afterAll(async () => h?.close());

  /** axe (WCAG 2.1 AA) inside the open dialog. */
  async function axe(page: Page, label: string) {
    expect(await axeViolations(page, '[role="dialog"]'), label).toEqual([]);
  }

  it('adds a key project: a code in use is named once under the code field, the new project is listed at once', async () => {
    const used = (await get<{ items: { code: string }[] }>(`/api/projects?plan=${PLAN}&limit=1`)).items[0]?.code;
    expect(used).toBeDefined();
    const page = await as(OWNER);
    await page.goto(`${h.server.baseUrl}/plans/${PLAN}/projects`);
    await page.getByTestId('project-add').click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    expect(await page.getByTestId('project-add-save').textContent()).toBe('Thêm');
    expect(await dialog.textContent()).toContain('Lý do bổ sung');
    await page.getByTestId('project-add-code').fill(used ?? '');
    await page.getByTestId('project-add-title').fill('Cầu vượt nút giao phía Tây (kiểm thử)');
    await page.getByTestId('project-add-periodStart').fill('2026-01-01');
    await page.getByTestId('project-add-periodEnd').fill('2028-12-31');
    await page.getByTestId('project-add-reason').fill('Bổ sung theo danh mục dự án trọng điểm');
    await page.getByTestId('project-add-save').click();
    // The refusal reads as Vietnamese under the "Mã" field, once: no "(trường code)", no alert repeating it.
    const codeError = `Kế hoạch đã có mã "${used}": chọn mã khác`;
    await expect.poll(async () => (await dialog.textContent()) ?? '', WAIT).toContain(codeError);
    const text = (await dialog.textContent()) ?? '';
    expect(text.split(codeError)).toHaveLength(2);
    expect(text).not.toContain('trường code');
    expect(await page.getByTestId('project-add-problem').count()).toBe(0);
    await axe(page, 'project dialog');
    await page.getByTestId('project-add-code').fill('KT-DA-1');
    await page.getByTestId('project-add-save').click();
    await page.getByTestId('project-add-saved').waitFor();
    expect(await page.getByTestId('project-add-saved').textContent()).toContain('Đã thêm KT-DA-1.');
    const row = page.locator('tr[data-code="KT-DA-1"]');
    await expect.poll(() => row.count(), WAIT).toBe(1);
    expect(await row.textContent()).toContain('Cầu vượt nút giao phía Tây (kiểm thử)');
    expect(await row.textContent()).toContain('31/12/2028');
  }, 180_000);

  it('adds a breakthrough, listed with its roll-up at once', async () => {
    const page = await as(OWNER);
    await page.goto(`${h.server.baseUrl}/plans/${PLAN}/breakthroughs`);
    await page.getByTestId('breakthrough-add').click();
    await page.getByRole('dialog').waitFor();
    // Nothing is sent without a code, a title and a reason; each says so under its field.
    await page.getByTestId('breakthrough-add-save').click();
    const dialog = page.getByRole('dialog');
    expect(await dialog.textContent()).toContain('bắt buộc');
    expect(await dialog.textContent()).toContain('Cần nêu lý do');
    await axe(page, 'breakthrough dialog');
    await page.getByTestId('breakthrough-add-code').fill('KT-9');
    await page.getByTestId('breakthrough-add-title').fill('Đột phá về nguồn nhân lực số (kiểm thử)');
    await page.getByTestId('breakthrough-add-body').fill('Đào tạo nhân lực công nghệ số cho doanh nghiệp');
    await page.getByTestId('breakthrough-add-reason').fill('Bổ sung theo kết luận của Thường trực');
    await page.getByTestId('breakthrough-add-save').click();
    await page.getByTestId('breakthrough-add-saved').waitFor();
    const added = page.locator('.breakthrough[data-code="KT-9"]');
    await expect.poll(() => added.count(), WAIT).toBe(1);
    expect(await added.textContent()).toContain('Đột phá về nguồn nhân lực số (kiểm thử)');
    expect(await added.getAttribute('data-status')).toBeTruthy();
  }, 180_000);

  it('adds an indicator with its target citing the plan’s resolution: the overview evaluates it at once', async () => {
    const plan = await get<{ documents: { id: string; title: string; role: string }[] }>(`/api/plans/${PLAN}`);
    const own = plan.documents.find((d) => d.role === 'plan');
    expect(own).toBeDefined();
    const page = await as(OWNER);
    await page.goto(`${h.server.baseUrl}/plans/${PLAN}`);
    await page.getByTestId('targets').waitFor();
    const before = await page.locator('[data-testid="targets"] tbody tr').count();
    await page.getByTestId('indicator-add').click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    // The plan's own resolution is the document chosen first; the place in it is required.
    expect(await page.getByTestId('indicator-add-document').inputValue()).toBe(own?.id);
    await page.getByTestId('indicator-add-code').fill('1');
    await page.getByTestId('indicator-add-name').fill('Tỷ lệ hộ dân dùng nước sạch (kiểm thử)');
    await page.getByTestId('indicator-add-unitOfMeasure').fill('%');
    await page.getByTestId('indicator-add-kind').selectOption('threshold');
    await page.getByTestId('indicator-add-value').fill('98,5');
    await page.getByTestId('indicator-add-strict').check();
    await page.getByTestId('indicator-add-text').fill('Tỷ lệ hộ dân dùng nước sạch trên 98,5%');
    await page.getByTestId('indicator-add-reason').fill('Bổ sung chỉ tiêu theo nghị quyết');
    await page.getByTestId('indicator-add-save').click();
    expect(await dialog.textContent()).toContain('Cần trang, đoạn hoặc trích dẫn');
    await page.getByTestId('indicator-add-page').fill('12');
    await page.getByTestId('indicator-add-quote').fill('trên 98,5% hộ dân được dùng nước sạch');
    // Code "1" is the plan's first indicator: refused inside the dialog, under the code field.
    await page.getByTestId('indicator-add-save').click();
    await expect.poll(async () => (await dialog.textContent()) ?? '', WAIT).toContain('Kế hoạch đã có mã "1"');
    await axe(page, 'indicator dialog');
    await page.screenshot({ path: path.join(ARTIFACTS, 'plan-add-indicator-code-in-use-1366.png'), fullPage: false });
    await page.getByTestId('indicator-add-code').fill('KT-CT-1');
    await page.getByTestId('indicator-add-save').click();
    await page.getByTestId('indicator-add-saved').waitFor();
    const row = page.locator('tr[data-code="KT-CT-1"]');
    await expect.poll(() => row.count(), WAIT).toBe(1);
    expect(await page.locator('[data-testid="targets"] tbody tr').count()).toBe(before + 1);
    // No figure yet: evaluated as "no data", with the target's wording and its explanation.
    expect(await row.getAttribute('data-status')).toBe('no_data');
    const stored = (
      await get<{ rows: { indicator: { code: string }; status: string; explanation: { vi: string } }[] }>(
        `/api/plans/${PLAN}/evaluations`,
      )
    ).rows.find((r) => r.indicator.code === 'KT-CT-1');
    expect(stored?.status).toBe('no_data');
    expect(await row.textContent()).toContain('Tỷ lệ hộ dân dùng nước sạch trên 98,5%');
    expect(await row.textContent()).toContain(stored?.explanation.vi);
    // The target's history names the resolution it cites, at the page given.
    await page.goto(`${h.server.baseUrl}/plans/${PLAN}/indicators/KT-CT-1`);
    await page.getByTestId('target-history').waitFor();
    const history = (await page.getByTestId('target-history').textContent()) ?? '';
    expect(history).toContain(own?.title);
    expect(history).toContain('trang 12');
  }, 180_000);

  it('renames the plan in a dialog: the overview and the plan list show the new name at once', async () => {
    const page = await as(OWNER);
    await page.goto(`${h.server.baseUrl}/plans/${PLAN}`);
    const id = `oe-plan-${PLAN}`;
    await page.getByTestId(id).click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    await page.getByTestId(`${id}-name`).fill('Nghị quyết nhiệm kỳ 2025–2030 (tên đã đính chính)');
    await page.getByTestId(`${id}-reason`).fill('Đính chính theo văn bản gốc');
    await axe(page, 'plan dialog');
    await page.getByTestId(`${id}-save`).click();
    await page.getByTestId(`${id}-saved`).waitFor();
    await expect
      .poll(async () => (await page.locator('h1 .subtitle').textContent()) ?? '', WAIT)
      .toBe('Nghị quyết nhiệm kỳ 2025–2030 (tên đã đính chính)');
    const plans = await get<{ items: { code: string; name: string }[] }>('/api/plans');
    expect(plans.items.find((x) => x.code === PLAN)?.name).toBe('Nghị quyết nhiệm kỳ 2025–2030 (tên đã đính chính)');
    expect((await get<{ version: number }>(`/api/plans/${PLAN}`)).version).toBe(2);
  }, 180_000);

  it('shows no "Thêm" to a reader or to the public', async () => {
    for (const who of [READER, null]) {
      const page = await as(who);
      for (const [url, ready] of [
        [`/plans/${PLAN}`, 'targets'],
        [`/plans/${PLAN}/projects`, 'list-lead'],
        [`/plans/${PLAN}/breakthroughs`, 'breakthroughs'],
        [`/plans/${PLAN}/tasks`, 'tasks'],
      ] as const) {
        await page.goto(`${h.server.baseUrl}${url}`);
        await page.getByTestId(ready).first().waitFor();
        for (const add of ['indicator-add', 'project-add', 'breakthrough-add', 'task-add', `oe-plan-${PLAN}`])
          expect(await page.getByTestId(add).count(), `${who ?? 'public'} ${url} ${add}`).toBe(0);
        expect(await page.getByRole('button', { name: 'Thêm', exact: true }).count()).toBe(0);
      }
    }
  }, 180_000);

  for (const width of WIDTHS)
    it(`saves the three dialogs at ${width} px`, async () => {
      const page = await as(OWNER, width);
      for (const [name, url, button] of [
        ['indicator', `/plans/${PLAN}`, 'indicator-add'],
        ['project', `/plans/${PLAN}/projects`, 'project-add'],
        ['breakthrough', `/plans/${PLAN}/breakthroughs`, 'breakthrough-add'],
      ] as const) {
        await page.goto(`${h.server.baseUrl}${url}`);
        await page.getByTestId(button).click();
        await page.getByRole('dialog').waitFor();
        await page.getByTestId(`${button}-save`).click();
        await page.screenshot({ path: path.join(ARTIFACTS, `plan-add-${name}-${width}.png`), fullPage: false });
        await axe(page, `${name}@${width}`);
      }
    }, 180_000);
});
