import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Draft } from '../../src/core/drafting/types.ts';
import { runCli, tempDir } from '../helpers/processes.ts';

const hasPdftotext = (() => {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

const RESOLUTION = [
  'II. MỤC TIÊU, CHỈ TIÊU NHIỆM KỲ 2025 - 2030',
  '',
  '(1) Tăng trưởng GRDP giai đoạn 2026 - 2030 đạt bình quân 10-10,5%/năm;',
  '',
  '(2) Tỷ lệ đô thị hóa đến năm 2030 đạt trên 75%; thu ngân sách giai đoạn 2026 - 2030 đạt',
  'khoảng 2,5 triệu tỷ đồng.',
].join('\n');

describe('chitieu draft-plan', () => {
  it('prints the review list of a small resolution in Vietnamese, each target with its line and rules', async () => {
    const file = join(tempDir(), 'nghi-quyet.txt');
    writeFileSync(file, RESOLUTION);
    const res = await runCli(['draft-plan', file], {});
    expect(res.code, res.stderr).toBe(0);
    expect(res.stdout).toContain('3 chỉ tiêu dự thảo cho nhiệm kỳ 2026–2030');
    expect(res.stdout).toContain('tăng trưởng bình quân 10–10,5%/năm, 2026–2030');
    expect(res.stdout).toContain('> 75% năm 2030');
    expect(res.stdout).toContain('tổng 2,5 triệu tỷ đồng cả giai đoạn 2026–2030');
    expect(res.stdout).toContain('dòng 5–6');
  });

  it('on the bundled source, prints the draft and the table measured against the hand-built plan', async () => {
    const source = join(import.meta.dirname, '../../../shared/source/000_fcfbe4c97d396d0a.txt');
    const plan = join(import.meta.dirname, '../../data/plans/hai-phong-2025-2030.json');
    const res = await runCli(['draft-plan', source, '--against', plan], {});
    expect(res.code, res.stderr).toBe(0);
    expect(res.stdout).toContain('chỉ tiêu dự thảo cho nhiệm kỳ 2026–2030');
    const total = res.stdout.split('\n').find((l) => l.startsWith('total '));
    // gold, located, kind+bounds, recall …: every cell is computed from the two files, none printed as a constant.
    const cells = total?.split(/\s{2,}/) ?? [];
    const plannedTargets = (
      JSON.parse(readFileSync(plan, 'utf8')) as { indicators: { targets?: unknown[] }[] }
    ).indicators.reduce((n, i) => n + (i.targets?.length ?? 0), 0);
    expect(Number(cells[1])).toBe(plannedTargets);
    expect(Number(cells[3]) / plannedTargets).toBeGreaterThanOrEqual(0.9);
    // Each language writes its own numbers: 100,0 % in the Vietnamese sentence, 100.0% in the English one.
    expect(res.stdout).toMatch(/Right kind and bounds \(first reading\): \d+\.\d%/);
    expect(res.stdout).toMatch(/Đúng loại và mức \(cách hiểu đầu\): \d+,\d %/);
    const json = await runCli(['draft-plan', source, '--against', plan, '--json'], {});
    const parsed = JSON.parse(json.stdout) as { measured: { total: { gold: number; kindBounds: number } } };
    expect(parsed.measured.total.gold).toBe(plannedTargets);
    expect(parsed.measured.total.kindBounds).toBe(Number(cells[3]));
  });

  it('prints the draft as JSON with spans into the file', async () => {
    const file = join(tempDir(), 'nghi-quyet.txt');
    writeFileSync(file, RESOLUTION);
    const res = await runCli(['draft-plan', file, '--json'], {});
    expect(res.code, res.stderr).toBe(0);
    const draft = JSON.parse(res.stdout) as Draft;
    expect(draft.items.map((i) => i.readings[0]?.kind)).toEqual(['growth_average', 'threshold', 'cumulative']);
    const budget = draft.items[2];
    expect(budget?.readings[0]?.exact).toEqual({ value: '2500000000000000', unit: 'đồng' });
    expect(RESOLUTION.slice(budget?.figure.start, budget?.figure.end)).toBe('khoảng 2,5 triệu tỷ đồng');
  });

  it('says so when the file holds no target, and fails in both languages on a missing file', async () => {
    const file = join(tempDir(), 'thong-bao.txt');
    writeFileSync(file, 'Thông báo lịch họp giai đoạn 2026 - 2030 của cơ quan.\n');
    const empty = await runCli(['draft-plan', file], {});
    expect(empty.code, empty.stderr).toBe(0);
    expect(empty.stdout).toContain('dự thảo trống');
    const missing = await runCli(['draft-plan', join(tempDir(), 'khong-co.txt')], {});
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('Không tìm thấy tệp');
    expect(missing.stderr).toContain('not found');
  });

  it('reads a .docx resolution with mammoth', async () => {
    const res = await runCli(
      ['draft-plan', join(import.meta.dirname, '../fixtures/draft-plan-resolution.docx'), '--json'],
      {},
    );
    expect(res.code, res.stderr).toBe(0);
    const draft = JSON.parse(res.stdout) as Draft;
    expect(draft.items.map((i) => i.readings[0]?.spec)).toMatchObject([
      { kind: 'threshold', op: '>', value: '75' },
      { kind: 'cumulative', value: '2.5' },
    ]);
  });

  it.runIf(hasPdftotext)('reads a PDF with a text layer through pdftotext', async () => {
    const res = await runCli(
      ['draft-plan', join(import.meta.dirname, '../fixtures/draft-plan-resolution.pdf'), '--json'],
      {},
    );
    expect(res.code, res.stderr).toBe(0);
    const draft = JSON.parse(res.stdout) as Draft;
    expect(draft.items.map((i) => i.readings[0]?.spec)).toMatchObject([
      { kind: 'threshold', op: '>', value: '75' },
      { kind: 'cumulative', value: '2.5' },
    ]);
  });

  it('says loudly that a PDF needs pdftotext when it is not installed', async () => {
    const file = join(tempDir(), 'nghi-quyet.pdf');
    writeFileSync(file, '%PDF-1.4\n');
    // A PATH without poppler stands for a machine that lacks it (the command itself runs from node's own path).
    const res = await runCli(['draft-plan', file], { PATH: tempDir() });
    expect(res.code).toBe(1);
    expect(res.stderr).toContain('pdftotext');
    expect(res.stderr).toContain('poppler-utils');
  });
});
