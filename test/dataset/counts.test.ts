// (c) counts asserted against the source: the TT numbers of tables 1.1 and 2.1 (read mechanically from the flattened
// text), the Party-building items of 1.2 / 2.2, and every sub-row.
import { describe, expect, it } from 'vitest';
import { SOURCE, planFiles, type PlanFile } from './dataset.ts';

const plan = (id: string): PlanFile => {
  const f = planFiles().find((p) => p.json.plan.id === id);
  if (!f) throw new Error(`missing plan ${id}`);
  return f.json;
};
/** Row numbers ("TT") at the start of a line of a flattened table; header cells ("5 năm") and values ("20  10") are not. */
function rowNumbers(from: number, to: number): number[] {
  const out: number[] = [];
  for (let l = from; l <= to; l++) {
    const m = /^\s*(\d{1,2})(?:\s*$|\s+\p{Lu})/u.exec(SOURCE[l - 1] ?? ''); // a number alone, or before a capitalised name
    if (m) out.push(Number(m[1]));
  }
  return out;
}
function partyItems(from: number, to: number): number[] {
  const out: number[] = [];
  for (let l = from; l <= to; l++) {
    const m = /^\s*\((\d{1,2})\)/.exec(SOURCE[l - 1] ?? '');
    if (m) out.push(Number(m[1]));
  }
  return out;
}
const topLevel = (p: PlanFile): string[] => p.indicators.filter((i) => i.parent === null).map((i) => i.code);
const children = (p: PlanFile): Record<string, number> => {
  const out: Record<string, number> = {};
  for (const i of p.indicators) if (i.parent !== null) out[i.parent] = (out[i.parent] ?? 0) + 1;
  return out;
};
const seq = (a: number, b: number): string[] => Array.from({ length: b - a + 1 }, (_, k) => String(a + k));

describe('hai-phong-2020-2025 against table 1.1 and 1.2', () => {
  const p = plan('hai-phong-2020-2025');
  it('the source table has rows 1..18 and Party-building items (19), (20)', () => {
    expect(SOURCE[2770 - 1]).toMatch(/^1\.1\. Các chỉ tiêu kinh tế - xã hội/);
    expect(rowNumbers(2800, 3077)).toEqual(seq(1, 18).map(Number));
    expect(partyItems(3078, 3088)).toEqual([19, 20]);
  });
  it('has 18 + 2 top-level indicators', () => {
    expect(topLevel(p)).toEqual(seq(1, 20));
  });
  it('has every sub-row', () => {
    expect(children(p)).toEqual({ '1': 6, '3': 2, '4': 1, '13': 1, '17': 3, '20': 2 });
    expect(p.indicators).toHaveLength(35);
  });
  it('verdicts match the summary "11/18 … 07/18" (line 42–43)', () => {
    expect(SOURCE[42 - 1]).toContain('11/18');
    expect(SOURCE[43 - 1]).toContain('07/18');
    const rows = p.indicators.filter((i) => i.parent === null && Number(i.code) <= 18);
    expect(rows.filter((i) => i.reportedVerdict?.status === 'not_met')).toHaveLength(7);
    expect(rows.filter((i) => i.reportedVerdict && i.reportedVerdict.status !== 'not_met')).toHaveLength(11);
  });
  it('has the 3 breakthroughs of footnote 102 / Phụ lục 3', () => {
    expect(SOURCE[3408 - 1]).toContain('03 đột phá');
    expect(p.breakthroughs.map((b) => b.code)).toEqual(['1', '2', '3']);
  });
});

describe('hai-duong-2020-2025 against table 2.1 and 2.2', () => {
  const p = plan('hai-duong-2020-2025');
  it('the source table has rows 1..17 and Party-building items (18), (19)', () => {
    expect(SOURCE[3091 - 1]).toMatch(/^2\.1\. Các chỉ tiêu kinh tế - xã hội/);
    expect(rowNumbers(3126, 3352)).toEqual(seq(1, 17).map(Number));
    expect(partyItems(3353, 3362)).toEqual([18, 19]);
  });
  it('has 17 + 2 top-level indicators', () => {
    expect(topLevel(p)).toEqual(seq(1, 19));
  });
  it('has every sub-row', () => {
    expect(children(p)).toEqual({
      '1': 4,
      '1.4': 2,
      '3': 4,
      '3.4': 3,
      '4': 3,
      '5': 2,
      '12': 4,
      '13': 2,
      '14': 3,
      '15': 2,
      '17': 2,
      '18': 2,
    });
    expect(p.indicators).toHaveLength(52);
  });
  it('carries the 2030 targets of the table (one per row that states one)', () => {
    const with2030 = p.indicators
      .filter((i) => i.targets.some((t) => t.spec.term.lastYear === 2030))
      .map((i) => i.code);
    expect(with2030).toEqual([
      '1.4.1',
      '1.4.2',
      '2',
      '3.1',
      '3.2',
      '3.3',
      '3.4.1',
      '3.4.2',
      '3.4.3',
      '4.1',
      '4.2',
      '4.3',
      '7',
      '10',
      '11',
      '13.1',
      '13.2',
      '17.2',
    ]);
  });
  it('has the 3 breakthroughs of footnote 103 and the 3 key works of footnote 104', () => {
    expect(SOURCE[1182 - 1]).toContain('3 đột phá');
    expect(p.breakthroughs.map((b) => b.code)).toEqual(['1', '2', '3']);
    expect(p.projects.map((x) => x.number)).toEqual(['1', '2', '3']);
  });
});
