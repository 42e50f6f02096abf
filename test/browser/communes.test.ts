// A plan owner imports the commune register and splits a province-level target by commune in Chromium against the
// real server on the bundled dataset. The owner imports the generated 67-commune register under the plan's unit from
// the empty communes page ("Nhập danh mục xã, phường": a file with a wrong line is refused by line and column and
// nothing is written; then the right file with its legal document), and two communes' figures go through entry,
// submission and approval. The owner goes from the indicator
// page to the communes page, opens "Chia chỉ tiêu theo xã", sees the running exact sum, has a wrong sum refused inside
// the dialog in Vietnamese, gives a reason and saves: each commune's target and status show in the commune table, the
// plan's counted targets keep their evaluation, and the indicator page groups the 67 commune targets under the city
// target, collapsed. A reader and the public see the table and no split button. axe on the dialog; the page and the
// dialog are saved at three widths.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatNumber } from '../../src/core/format/number.ts';
import type { CommuneTable } from '../../src/services/consolidation/commune-table.ts';
import type { PlanEvaluationView } from '../../src/services/evaluations/evaluate-plan.ts';
import { generatedCommunes, generatedRegisterCsv } from '../fixtures/generated-communes.ts';
import { apiAs, axeViolations, chromiumAvailable, openHarness, shots, type Harness } from './harness.ts';

const PLAN = 'hai-phong-2025-2030';
// An indicator of the bundled plan declared as a sum over units, with one target in force for the plan's unit.
const INDICATOR = '5';
const PASSWORD = 'mat-khau-kiem-thu-31';
const OWNER = 'chu-ke-hoach-xa@example.vn';
const READER = 'nguoi-xem-xa@example.vn';
const APPROVER = 'nguoi-duyet-xa@example.vn';
const REASON = 'Giao chỉ tiêu cho từng xã, phường theo kế hoạch của thành phố';
const WAIT = { timeout: 30_000 };
const communes = generatedCommunes();
// Two communes report a figure for the first year of the term (approved): their targets get a verdict of their own.
const FIGURES = [
  { code: '90001', value: '2100' },
  { code: '90002', value: '5100' },
];

type Row = PlanEvaluationView['rows'][number];
/** The commune a row is the share of, for a commune target split from a city target; else undefined. */
const communeOf = (r: Row): string | undefined =>
  r.notCounted?.reason === 'other_scope' && r.notCounted.splitFrom !== undefined ? r.notCounted.scope.code : undefined;

describe.skipIf(!chromiumAvailable)(
  'a plan owner imports the commune register and splits a target by commune in Chromium',
  () => {
    let h: Harness;
    let cityValue = '';
    let before: PlanEvaluationView;

    const session = (email: string, password: string) => apiAs(h.server.baseUrl, email, password);
    const get = <T>(url: string): Promise<T> => h.get<T>(url);
    const as = (email: string | null) => h.as(email, PASSWORD);

    beforeAll(async () => {
      h = await openHarness([
        { email: OWNER, password: PASSWORD, roles: ['plan_owner'] },
        { email: READER, password: PASSWORD, roles: ['reader'] },
        { email: APPROVER, password: PASSWORD, roles: ['approver'] },
      ]);
    }, 300_000);
    afterAll(async () => h?.close());

    it('the owner imports the commune register in the browser: a wrong line refused by line and column with nothing written, then the register with its document', async () => {
      const plan = await get<{ unit: { code: string } | null }>(`/api/plans/${PLAN}`);
      expect(plan.unit).not.toBeNull();
      const csv = generatedRegisterCsv(plan.unit?.code ?? '');
      const lines = csv.split('\n');
      // Line 6 of the file (a commune) given a kind no register knows.
      const wrong = lines.map((l, i) => (i === 5 ? l.replace(',xã,', ',thôn,') : l)).join('\n');
      expect(wrong).not.toBe(csv);
      const page = await as(OWNER);
      await page.goto(`${h.server.baseUrl}/plans/${PLAN}/indicators/${INDICATOR}/communes`);
      await page.getByTestId('communes-empty').waitFor(WAIT);
      expect(await page.getByTestId('communes-totals').count()).toBe(0);
      await page.getByTestId('register-import').click();
      const dialog = page.getByRole('dialog');
      await dialog.waitFor();
      // Nothing is sent without a file, a document number and date, and a reason.
      await page.getByTestId('register-import-save').click();
      expect(await dialog.textContent()).toContain('Chọn tệp CSV');
      expect(await dialog.textContent()).toContain('Cần nêu lý do');
      const file = (text: string) => ({ name: 'danh-muc-xa.csv', mimeType: 'text/csv', buffer: Buffer.from(text) });
      await dialog.locator('input[type="file"]').setInputFiles(file(wrong));
      await page.getByTestId('register-import-number').fill('9999/NQ-THỬ');
      await page.getByTestId('register-import-date').fill('2025-06-16');
      await page.getByTestId('register-import-issuer').fill('Cơ quan thử nghiệm');
      await page.getByTestId('register-import-reason').fill('Danh mục đơn vị hành chính cấp xã từ ngày 01/7/2025');
      await page.getByTestId('register-import-save').click();
      const problem = page.getByTestId('register-import-problem');
      await problem.waitFor(WAIT);
      expect(await problem.textContent()).toContain('dòng 6, cột kind');
      expect(await dialog.isVisible()).toBe(true);
      expect((await get<CommuneTable>(`/api/plans/${PLAN}/indicators/${INDICATOR}/communes`)).rows).toHaveLength(0);
      expect(await axeViolations(page, '[role="dialog"]')).toEqual([]);
      await shots(page, 'communes-register-dialog');
      await dialog.locator('input[type="file"]').setInputFiles(file(csv));
      await page.getByTestId('register-import-save').click();
      await page.getByTestId('register-import-saved').waitFor(WAIT);
      expect(await page.getByTestId('register-import-saved').textContent()).toContain(
        'Đã nhập danh mục: 70 đơn vị mới, 0 đơn vị không đổi',
      );
      await expect.poll(() => page.locator('[data-testid="communes"] tbody tr').count(), WAIT).toBe(67);
      expect(await page.getByTestId('communes-totals').textContent()).toBe(
        '0/67 xã, phường có số liệu · 67 chưa có số liệu',
      );

      // Two communes report their 2026 figure, entered, submitted and approved through the API.
      const admin = h.admin;
      const indicators = await get<{ items: Array<{ id: string; code: string }> }>(
        `/api/indicators?plan=${PLAN}&limit=200`,
      );
      const indicatorId = indicators.items.find((i) => i.code === INDICATOR)?.id ?? '';
      const units = await get<{ items: Array<{ id: string; code: string }> }>('/api/units?limit=200');
      const approver = await session(APPROVER, PASSWORD);
      for (const f of FIGURES) {
        const unitId = units.items.find((u) => u.code === f.code)?.id ?? '';
        const entered = await admin('/api/observations', {
          indicatorId,
          unitId,
          period: '2026',
          value: f.value,
          status: 'official',
          sourceText: 'Báo cáo của xã (kiểm thử)',
        });
        expect(entered.status, await entered.clone().text()).toBe(201);
        const { id, version } = (await entered.json()) as { id: string; version: number };
        const submitted = await admin(`/api/observations/${id}/submit`, {}, version);
        expect(submitted.status, await submitted.clone().text()).toBe(200);
        const approved = await approver(
          `/api/observations/${id}/approve`,
          {},
          ((await submitted.json()) as { version: number }).version,
        );
        expect(approved.status, await approved.text()).toBe(200);
      }
      const table = await get<CommuneTable>(`/api/plans/${PLAN}/indicators/${INDICATOR}/communes`);
      expect(table.rows).toHaveLength(67);
      expect(table.cityTarget?.rule).toBe('sum');
      expect(table.cityTarget?.value).toMatch(/^\d+$/);
      expect(table.split).toBeNull();
      cityValue = table.cityTarget?.value ?? '';
      before = await get<PlanEvaluationView>(`/api/plans/${PLAN}/evaluations`);
    }, 240_000);

    it('the owner splits the city target: the exact running sum, a wrong sum refused in Vietnamese, the commune targets and their status in the table, the counted targets unchanged', async () => {
      // Each commune an equal whole share, the last one the rest: exactly the city target.
      const total = BigInt(cityValue);
      const base = total / BigInt(communes.length);
      const last = total - base * BigInt(communes.length - 1);
      const page = await as(OWNER);
      await page.goto(`${h.server.baseUrl}/plans/${PLAN}/indicators/${INDICATOR}`);
      await page.getByTestId('split-by-commune').click();
      await page.getByTestId('communes-page').waitFor();
      await expect.poll(() => page.locator('[data-testid="communes"] tbody tr').count(), WAIT).toBe(67);
      // A summed indicator counts the communes that reported, not communes "meeting a standard".
      expect(await page.getByTestId('communes-totals').textContent()).toBe(
        '2/67 xã, phường có số liệu · 65 chưa có số liệu',
      );
      await page.getByTestId('split-open').click();
      const dialog = page.getByRole('dialog');
      await dialog.waitFor();
      expect(await dialog.getByRole('heading').first().textContent()).toBe(
        'Chia chỉ tiêu cấp tỉnh theo xã, phường, đặc khu',
      );
      const inputs = page.locator('[data-testid="split-shares"] input');
      expect(await inputs.count()).toBe(67);
      for (const [i, c] of communes.entries())
        await page
          .locator(`[data-testid="split-shares"] input[data-code="${c.code}"]`)
          .fill(String(i === communes.length - 1 ? last - 1n : base));
      const sum = page.getByTestId('split-sum');
      // The running sum, exact, in Vietnamese number format, and whether it matches.
      expect(await sum.textContent()).toBe(
        `Tổng các phần: ${formatNumber(String(total - 1n))} / chỉ tiêu cấp tỉnh ${formatNumber(cityValue)} · chưa khớp`,
      );
      // Without a reason nothing is sent.
      await page.getByTestId('split-save').click();
      expect(await dialog.textContent()).toContain('Cần nêu lý do');
      await page.getByTestId('split-reason').fill(REASON);
      await page.getByTestId('split-save').click();
      const problem = page.getByTestId('split-problem');
      await problem.waitFor(WAIT);
      expect(await problem.textContent()).toContain('Không chia được chỉ tiêu theo xã');
      expect(await problem.textContent()).toContain(
        `tổng các phần ${formatNumber(String(total - 1n))} khác chỉ tiêu cấp tỉnh ${formatNumber(cityValue)} tỷ đồng (so ở 0 chữ số thập phân, chênh -1)`,
      );
      expect(await dialog.isVisible()).toBe(true);
      // Nothing was written.
      expect((await get<CommuneTable>(`/api/plans/${PLAN}/indicators/${INDICATOR}/communes`)).split).toBeNull();
      expect(await axeViolations(page, '[role="dialog"]')).toEqual([]);
      await shots(page, 'communes-split-dialog');

      await page.locator(`[data-testid="split-shares"] input[data-code="${communes.at(-1)?.code}"]`).fill(String(last));
      expect(await sum.textContent()).toBe(
        `Tổng các phần: ${formatNumber(cityValue)} / chỉ tiêu cấp tỉnh ${formatNumber(cityValue)} · khớp`,
      );
      await page.getByTestId('split-save').click();
      await page.getByTestId('split-saved').waitFor(WAIT);
      expect(await page.getByTestId('split-saved').textContent()).toContain('Đã chia cho 67 xã, phường');
      await expect.poll(() => dialog.count(), WAIT).toBe(0);

      // The commune table: each commune's target and its status as the plan's evaluation gives it.
      const after = await get<PlanEvaluationView>(`/api/plans/${PLAN}/evaluations`);
      const shares = after.rows.filter((r) => communeOf(r) !== undefined);
      expect(shares).toHaveLength(67);
      await expect.poll(() => page.getByTestId('commune-target').count(), WAIT).toBe(67);
      expect(await page.getByTestId('communes-split').textContent()).toContain('đã chia cho 67 xã, phường');
      for (const [code, value] of [
        ['90001', base],
        ['90002', base],
        [communes.at(-1)?.code ?? '', last],
      ] as const) {
        const row = page.locator(`[data-testid="communes"] tr[data-code="${code}"]`);
        const evaluated = shares.find((r) => communeOf(r) === code);
        expect(evaluated, code).toBeDefined();
        expect(await row.getByTestId('commune-target').textContent()).toBe(formatNumber(String(value)));
        const badge = row.getByTestId('commune-target-status').locator('[data-status]');
        expect(await badge.getAttribute('data-status')).toBe(evaluated?.status);
        expect(await badge.textContent()).toContain(evaluated?.displayStatus?.vi ?? '—');
      }
      // The communes with a figure are judged from it; one without a figure has none to judge.
      const judged = shares.find((r) => communeOf(r) === '90001');
      expect(judged?.actual.value).toBe('2100');
      expect(judged?.status).not.toBe('no_data');
      expect(shares.find((r) => communeOf(r) === '90003')?.actual.value).toBeNull();
      // The city's counted targets keep their evaluation: the same targets counted, the same verdicts.
      const counted = (v: PlanEvaluationView) =>
        v.rows.filter((r) => !r.notCounted).map((r) => [r.targetId, r.status, r.actual.value]);
      expect(counted(after)).toEqual(counted(before));
      expect(after.counts.targets).toBe(before.counts.targets);
      expect(after.counts.notCounted).toBe(before.counts.notCounted + 67);
      await shots(page, 'communes-split-table');

      // The indicator page: the city target first, its 67 commune targets grouped under it, collapsed, with a count.
      await page.goto(`${h.server.baseUrl}/plans/${PLAN}/indicators/${INDICATOR}`);
      const group = page.getByTestId('commune-targets');
      await group.waitFor(WAIT);
      expect(await page.locator('[data-testid="targets-of-indicator"] > li').count()).toBe(
        after.rows.filter((r) => r.indicator.code === INDICATOR && communeOf(r) === undefined).length,
      );
      expect(await group.locator('summary').textContent()).toBe('67 chỉ tiêu của xã, phường');
      expect(await group.getAttribute('open')).toBeNull();
      const first = group.locator('li[data-unit="90001"]');
      expect(await first.isVisible()).toBe(false);
      await group.locator('summary').click();
      expect(await group.locator('li').count()).toBe(67);
      expect(await first.isVisible()).toBe(true);
      expect(await first.textContent()).toContain('Xã Thử Nghiệm 01');
      expect(await first.textContent()).toContain(judged?.displayStatus?.vi ?? '—');
      await shots(page, 'indicator-commune-targets');
      // A commune's target opens on the page, its group kept open.
      await first.getByRole('link').click();
      await expect.poll(() => page.url(), WAIT).toContain(`target=${judged?.targetId}`);
      expect(await page.getByTestId('commune-targets').getAttribute('open')).not.toBeNull();
      // From the group to the table.
      await page.getByTestId('commune-targets-table').click();
      await page.getByTestId('communes-page').waitFor();
    }, 240_000);

    it('the public filters a commune-count indicator by status, the selection kept in the URL and in the downloads', async () => {
      const page = await as(null);
      await page.goto(`${h.server.baseUrl}/plans/${PLAN}/indicators/12.1/communes?status=no_figure`);
      const api = await get<CommuneTable>(`/api/plans/${PLAN}/indicators/12.1/communes?status=no_figure`);
      expect(api.meetsStandard).toBe(true);
      expect(api.totals.communes).toBe(67);
      await expect.poll(() => page.locator('[data-testid="communes"] tbody tr').count(), WAIT).toBe(api.rows.length);
      expect(api.rows.length).toBeGreaterThan(0);
      expect(await page.getByTestId('communes-totals').textContent()).toContain(
        `${api.totals.meets}/67 xã, phường đạt chuẩn`,
      );
      expect(await page.getByLabel('Tình trạng').inputValue()).toBe('no_figure');
      expect(await page.getByTestId('communes-page-csv').getAttribute('href')).toContain('status=no_figure');
      await page.getByLabel('Tình trạng').selectOption('meets');
      await expect.poll(() => page.url(), WAIT).toContain('status=meets');
      expect(await page.getByTestId('communes-page-xlsx').getAttribute('href')).toContain('status=meets');
    }, 60_000);

    it('a commune-count target ("55/67 xã") evaluates from commune figures: the count, share, status and the communes not yet meeting it', async () => {
      // Five communes report for 2026 (1: meets the standard, 0: not yet), each entered, submitted (with a story where
      // the figure leaves the target short) and approved.
      const admin = h.admin;
      const approver = await session(APPROVER, PASSWORD);
      const indicators = await get<{ items: Array<{ id: string; code: string }> }>(
        `/api/indicators?plan=${PLAN}&limit=200`,
      );
      const indicatorId = indicators.items.find((i) => i.code === '12.1')?.id ?? '';
      const units = await get<{ items: Array<{ id: string; code: string }> }>('/api/units?limit=200');
      const reports = [
        ['90001', '1'],
        ['90002', '1'],
        ['90003', '1'],
        ['90004', '0'],
        ['90005', '0'],
      ] as const;
      for (const [code, value] of reports) {
        const unitId = units.items.find((u) => u.code === code)?.id ?? '';
        const entered = await admin('/api/observations', {
          indicatorId,
          unitId,
          period: '2026',
          value,
          status: 'official',
          sourceText: 'Quyết định công nhận của tỉnh (kiểm thử)',
        });
        expect(entered.status, await entered.clone().text()).toBe(201);
        const { id, version } = (await entered.json()) as { id: string; version: number };
        let submitted = await admin(`/api/observations/${id}/submit`, {}, version);
        if (submitted.status === 400) {
          const problem = (await submitted.json()) as { code: string; details: { targets: { targetId: string }[] } };
          expect(problem.code).toBe('story_required');
          for (const t of problem.details.targets) {
            const told = await admin(`/api/targets/${t.targetId}/stories`, {
              period: '2026',
              cause: 'Xã chưa hoàn thành tiêu chí (kiểm thử)',
              measures: 'Hỗ trợ xã hoàn thành tiêu chí',
              requests: null,
            });
            expect(told.status, await told.clone().text()).toBe(201);
          }
          submitted = await admin(`/api/observations/${id}/submit`, {}, version);
        }
        expect(submitted.status, await submitted.clone().text()).toBe(200);
        const approved = await approver(
          `/api/observations/${id}/approve`,
          {},
          ((await submitted.json()) as { version: number }).version,
        );
        expect(approved.status, await approved.text()).toBe(200);
      }
      const view = await get<PlanEvaluationView>(`/api/plans/${PLAN}/evaluations`);
      const row = view.rows.find((r) => r.indicator.code === '12.1' && !r.notCounted);
      const y2026 = row?.unitCounts?.find((c) => c.period === '2026');
      expect(y2026).toMatchObject({ count: 3, of: 67 });
      expect(y2026?.notMeeting).toHaveLength(64);
      expect(y2026?.notMeeting?.filter((n) => n.reason === 'not_met').map((n) => n.code)).toEqual(['90004', '90005']);

      const page = await as(null);
      await page.goto(`${h.server.baseUrl}/plans/${PLAN}/indicators/12.1`);
      const card = page.getByTestId('units-not-meeting');
      await card.waitFor(WAIT);
      expect(await card.locator('strong').textContent()).toBe('Năm 2026: 3/67 đơn vị đạt chuẩn (4,5 %)');
      await card.locator('summary').click();
      expect(await card.locator('summary').textContent()).toBe('Chưa đạt (64)');
      expect(await card.textContent()).toContain('Xã Thử Nghiệm 04');
      // The verdict read from the commune figures, as the API gives it.
      expect(
        await page.locator('.verdicts .verdict-card').first().locator('[data-status]').getAttribute('data-status'),
      ).toBe(row?.status);
      await page.goto(`${h.server.baseUrl}/plans/${PLAN}/indicators/12.1/communes`);
      await expect
        .poll(() => page.getByTestId('communes-totals').textContent(), WAIT)
        .toBe('3/67 xã, phường đạt chuẩn · 2 chưa đạt · 62 chưa có số liệu');
      await shots(page, 'communes-count');
    }, 180_000);

    it('a reader and the public see the commune targets and no split button', async () => {
      for (const who of [READER, null]) {
        const page = await as(who);
        await page.goto(`${h.server.baseUrl}/plans/${PLAN}/indicators/${INDICATOR}/communes`);
        await expect.poll(() => page.getByTestId('commune-target').count(), WAIT).toBe(67);
        expect(await page.getByTestId('split-open').count(), String(who)).toBe(0);
        expect(await page.getByTestId('register-import').count(), String(who)).toBe(0);
        await page.goto(`${h.server.baseUrl}/plans/${PLAN}/indicators/${INDICATOR}`);
        await page.getByTestId('commune-targets').waitFor(WAIT);
        expect(await page.getByTestId('split-by-commune').count(), String(who)).toBe(0);
      }
    }, 120_000);
  },
);
