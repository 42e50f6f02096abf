// eslint-disable-next-line no-restricted-imports -- tests read the source document from disk; the drafter stays pure
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { TargetSpec } from '../targets/target.ts';
import { draftPlan } from './draft-plan.ts';
import type { DraftItem } from './types.ts';

const SOURCE = new URL('../../../../shared/source/000_fcfbe4c97d396d0a.txt', import.meta.url);
const source = readFileSync(SOURCE, 'utf8');
const draft = draftPlan(source);

function at(line: number, quote?: string): DraftItem {
  const found = draft.items.filter(
    (i) => i.figure.line === line && (quote === undefined || i.figure.quote.includes(quote)),
  );
  expect(found, `a target drafted from line ${line}${quote ? ` (${quote})` : ''}`).toHaveLength(1);
  return found[0] as DraftItem;
}

const core = (s: TargetSpec | undefined) => {
  const { term: _t, direction: _d, precision: _p, milestones: _m, ...rest } = s ?? ({} as TargetSpec);
  return rest;
};

describe('drafting the bundled resolution: one construction per row, read from its line in the source', () => {
  it('reads the term of the plan from the document', () => {
    expect(draft.term).toEqual({ firstYear: 2026, lastYear: 2030 });
  });

  it.each([
    [
      1699,
      '14-14,5',
      { kind: 'growth_average', min: '14', max: '14.5', averaging: 'geometric', baseYear: 2025 },
      'a range with a hyphen, "%/năm", "bình quân"',
    ],
    [
      1700,
      '16,5',
      { kind: 'growth_average', min: '16.5', averaging: 'geometric', baseYear: 2025 },
      'a sub-target after "trong đó"',
    ],
    [1701, '8%', { kind: 'growth_average', min: '8', averaging: 'geometric', baseYear: 2025 }, 'a list split at ";"'],
    [1703, '6,6', { kind: 'level_at_end', value: '6.6', year: 2030 }, '"khoảng"'],
    [1705, '11.380', { kind: 'level_at_end', value: '11380', year: 2030 }, 'thousands dot and USD/người'],
    [1708, '35', { kind: 'threshold', op: '>', value: '35', year: 2030 }, '"trên"'],
    [1711, '47 - 48', { kind: 'range_at_end', min: '47', max: '48', year: 2030 }, 'a range of shares'],
    [
      1715,
      '60',
      { kind: 'threshold', op: '>', value: '60', year: 2030 },
      'a statement cut by a page break and a footnote',
    ],
    [1720, '2,5', { kind: 'cumulative', value: '2.5' }, '"giai đoạn" with "triệu tỷ đồng"'],
    [1723, '75 - 80', { kind: 'range_at_end', min: '75', max: '80', year: 2030 }, 'a range of "tỷ USD"'],
    [1733, '87.000', { kind: 'level_at_end', value: '87000', year: 2030 }, 'the name after the figure'],
    [
      1735,
      '80%',
      {
        kind: 'units_meeting_standard',
        share: '80',
        count: 55,
        ofCount: 67,
        standard: 'nông thôn mới nâng cao',
        year: 2030,
      },
      'a count of units "55/67 xã"',
    ],
    [1744, '32.800', { kind: 'cumulative', value: '32800' }, '"hoàn thành" … căn'],
    [1747, '01', { kind: 'milestone', dueYear: 2030 }, '"có từ 01 … trở lên"'],
    [1750, '40', { kind: 'threshold', op: '>=', value: '40', year: 2030 }, '"… trở lên" wrapped over two lines'],
    [1691, '3%', { kind: 'yearly_flow', value: '3' }, '"hằng năm"'],
    [2401, '3%', { kind: 'yearly_flow', value: '3' }, '"ít nhất … hằng năm"'],
    [2400, 'hơn 60', { kind: 'threshold', op: '>', value: '60', year: 2030 }, '"hơn"'],
    [2413, '12', { kind: 'threshold', op: '>=', value: '12', year: 2030 }, '"từ 12 người … trên 01 vạn dân"'],
    [
      2428,
      '1,5',
      { kind: 'multiple_of_baseline', factor: '1.5', baselinePeriod: '2021-2025', compare: 'term_total' },
      '"gấp … lần so với giai đoạn"',
    ],
    [2431, 'nhóm 5', { kind: 'rank', maxRank: 5, year: 2030 }, '"trong nhóm 5 địa phương dẫn đầu"'],
    [2482, '5 - 7', { kind: 'cumulative', value: '5', max: '7' }, '"thêm từ 5 - 7"'],
    [2484, '02 - 03', { kind: 'cumulative', value: '2', max: '3' }, 'a list item that inherits "thêm"'],
    [2465, '0,8', { kind: 'threshold', op: '>', value: '0.8', year: 2030 }, 'a decimal comma'],
    [2590, '19', { kind: 'level_at_end', value: '19', year: 2030 }, '"bác sĩ/vạn dân"'],
    [
      2552,
      'phổ cập',
      { kind: 'milestone', description: 'Bảo đảm phổ cập giáo dục mầm non cho trẻ từ 3 đến 5 tuổi' },
      '"bảo đảm phổ cập …"',
    ],
    [2660, 'xóa nhà tạm', { kind: 'milestone', description: 'Hoàn thành xóa nhà tạm' }, '"hoàn thành xóa …"'],
    [2660, 'không còn', { kind: 'level_at_end', value: '0', year: 2030 }, '"không còn hộ nghèo"'],
  ] as [number, string, Record<string, unknown>, string][])('line %i (%s) reads as %o: %s', (line, quote, expected) => {
    const item = at(line, quote);
    expect(core(item.readings[0]?.spec)).toMatchObject(expected);
  });

  it('reads the three indices of "giữ vững thứ hạng cao nhất về A, B, C" (line 2145) as three ranks', () => {
    const ranks = draft.items.filter((i) => i.figure.line === 2145);
    expect(ranks.map((r) => r.readings[0]?.spec)).toMatchObject([
      { kind: 'rank', maxRank: 1 },
      { kind: 'rank', maxRank: 1 },
      { kind: 'rank', maxRank: 1 },
    ]);
    expect(ranks[1]?.indicator.name).toContain('PCI');
  });

  it('keeps scale words exact: "2,5 triệu tỷ đồng" (line 1720) is 2 500 000 000 000 000 đồng', () => {
    expect(at(1720).readings[0]?.exact).toEqual({ value: '2500000000000000', unit: 'đồng' });
    expect(at(1720).readings[0]?.unit).toBe('triệu tỷ đồng');
  });

  it('gives each item its span: lines, offsets into the text and the quote', () => {
    const item = at(1705);
    expect(source.slice(item.figure.start, item.figure.end).replace(/\s+/g, ' ')).toBe('11.380 USD/người');
    expect(item.span.line).toBe(1705);
    expect(item.span.lineEnd).toBe(1706);
    expect(item.span.quote).toContain('GRDP bình quân đầu người');
  });

  it('links a sub-target to the target "trong đó" follows, not to the first target of the sentence', () => {
    const d = draftPlan(
      'Chỉ tiêu chủ yếu đến năm 2030: có 60/70 xã đạt chuẩn nông thôn mới nâng cao; tỷ lệ đô thị hóa đạt trên 75%, ' +
        'trong đó tỷ lệ đô thị hóa vùng ven biển đạt 80%.',
      { term: { firstYear: 2026, lastYear: 2030 } },
    );
    const [communes, urban, coast] = d.items;
    expect(communes?.indicator.parent).toBeNull();
    expect(urban?.indicator.parent).toBeNull();
    expect(coast?.indicator.parent).toBe(urban?.id);
  });

  it('says which rules fired and links a sub-target to its parent', () => {
    const sub = at(1718);
    expect(sub.rules).toContain('sub-target');
    expect(sub.indicator.parent).toBe(at(1717).id);
    expect(at(1691).readings[0]?.notExpressible.length).toBeGreaterThan(0);
  });

  it('drafts nothing from the review of the past term (lines 20–1627) or its annex of results (2765–3340)', () => {
    expect(draft.items.filter((i) => i.figure.line < 1628 || (i.figure.line > 2765 && i.figure.line < 3340))).toEqual(
      [],
    );
  });

  it('says why a "trong nhóm dẫn đầu" with no rank is not drafted (line 2752)', () => {
    const reason = draft.notUnderstood.find((u) => u.span.line === 2752);
    expect(reason?.reason.en).toContain('benchmark-relative');
  });
});

describe("drafting other provinces' wordings", () => {
  const other = draftPlan(
    [
      'Các chỉ tiêu chủ yếu đến năm 2030:',
      'GRDP bình quân giai đoạn 2026–2030 tăng 10 %/năm trở lên; tỷ lệ đô thị hóa đạt trên 75 %; thu ngân sách giai',
      'đoạn 2026 - 2030 đạt khoảng 2,5 triệu tỷ đồng; giảm 4/5 số hộ nghèo; chỉ số năng lực cạnh tranh cấp tỉnh',
      '(PCI) trong nhóm 5 địa phương dẫn đầu cả nước.',
      'Tỷ lệ thất nghiệp khu vực thành thị dưới 3 %. Tạo việc làm cho 55.800 lao động mỗi năm. Tỷ lệ che phủ rừng',
      'không dưới 42 %. Có 60/70 xã đạt chuẩn nông thôn mới nâng cao. Kim ngạch xuất khẩu đạt 1.200.000,5 triệu USD.',
    ].join('\n'),
  );
  const kinds = other.items.map((i) => core(i.readings[0]?.spec));

  it.each([
    [{ kind: 'growth_average', min: '10', baseYear: 2025 }],
    [{ kind: 'threshold', op: '>', value: '75', year: 2030 }],
    [{ kind: 'cumulative', value: '2.5' }],
    [{ kind: 'multiple_of_baseline', factor: '0.2', compare: 'final_level' }],
    [{ kind: 'rank', maxRank: 5 }],
    [{ kind: 'threshold', op: '<', value: '3' }],
    [{ kind: 'yearly_flow', value: '55800' }],
    [{ kind: 'threshold', op: '>=', value: '42' }],
    [{ kind: 'units_meeting_standard', count: 60, ofCount: 70, standard: 'nông thôn mới nâng cao' }],
    [{ kind: 'level_at_end', value: '1200000.5' }],
  ])('reads %o', (expected) => {
    expect(kinds).toContainEqual(expect.objectContaining(expected));
  });

  it('drafts exactly the ten targets written, with the term from "giai đoạn 2026–2030"', () => {
    expect(other.items).toHaveLength(10);
    expect(other.term).toEqual({ firstYear: 2026, lastYear: 2030 });
  });
});

describe('sentences in the register of other resolutions, one statement each', () => {
  const term = { firstYear: 2026, lastYear: 2030 };
  it.each([
    [
      'Tốc độ tăng trưởng kinh tế (GRDP) bình quân 5 năm đạt 8,5 - 9%/năm.',
      { kind: 'growth_average', min: '8.5', max: '9' },
    ],
    [
      'GRDP bình quân đầu người đến năm 2030 đạt khoảng 8.500 USD.',
      { kind: 'level_at_end', value: '8500', year: 2030 },
    ],
    ['Tổng vốn đầu tư toàn xã hội 5 năm đạt khoảng 650 nghìn tỷ đồng.', { kind: 'cumulative', value: '650' }],
    ['Số bác sĩ trên 10.000 dân đạt 15 bác sĩ.', { kind: 'level_at_end', value: '15' }],
    ['Mỗi năm giải quyết việc làm cho 30.000 lao động.', { kind: 'yearly_flow', value: '30000' }],
    ['Tỷ lệ thất nghiệp ở khu vực thành thị duy trì dưới 3%.', { kind: 'threshold', op: '<', value: '3' }],
    ['Chỉ số cải cách hành chính (PAR Index) thuộc nhóm 10 tỉnh dẫn đầu cả nước.', { kind: 'rank', maxRank: 10 }],
    ['Giảm 30% số vụ tai nạn giao thông so với năm 2025.', { kind: 'multiple_of_baseline', factor: '0.7' }],
    ['Phấn đấu đến năm 2030 đón 12 triệu lượt khách du lịch.', { kind: 'level_at_end', value: '12' }],
    ['Tỷ lệ đô thị hóa đến năm 2030 đạt 50 - 55%.', { kind: 'range_at_end', min: '50', max: '55' }],
  ] as [string, Record<string, unknown>][])('"%s" reads as %o', (sentence, expected) => {
    const d = draftPlan(sentence, { term });
    expect(d.items.map((i) => core(i.readings[0]?.spec))).toEqual([expect.objectContaining(expected)]);
  });

  it('keeps the lower factor of "gấp 1,5 - 2 lần" and says the upper one cannot be held yet', () => {
    const d = draftPlan('Thu nhập bình quân đầu người gấp 1,5 - 2 lần so với năm 2025.', { term });
    expect(core(d.items[0]?.readings[0]?.spec)).toMatchObject({ kind: 'multiple_of_baseline', factor: '1.5' });
    expect(d.items[0]?.readings[0]?.notExpressible[0]?.en).toContain('no upper factor');
  });
});

describe('edge cases', () => {
  it('gives an empty draft for a document with no targets, and says so', () => {
    const empty = draftPlan('Báo cáo tình hình công tác tháng 10.\nHội nghị đã thảo luận các nội dung.', {
      term: { firstYear: 2026, lastYear: 2030 },
    });
    expect(empty.items).toEqual([]);
    expect(empty.summary.vi).toContain('dự thảo trống');
    expect(empty.summary.en).toContain('the draft is empty');
  });

  it('asks for the term when the text names none', () => {
    const none = draftPlan('Tỷ lệ đô thị hóa đạt trên 75%.');
    expect(none.term).toBeNull();
    expect(none.items).toEqual([]);
    expect(none.summary.en).toContain('No term');
  });

  it('shows both readings of "tăng 2 lần" (×2, or increased by twice: ×3), with a lower confidence', () => {
    const d = draftPlan('Phấn đấu đến năm 2030 số lượng sáng chế tăng 2 lần so với năm 2025.', {
      term: { firstYear: 2026, lastYear: 2030 },
    });
    expect(d.items).toHaveLength(1);
    const item = d.items[0] as DraftItem;
    expect(item.readings.map((r) => core(r.spec))).toMatchObject([
      { kind: 'multiple_of_baseline', factor: '2', baselinePeriod: '2025' },
      { kind: 'multiple_of_baseline', factor: '3', baselinePeriod: '2025' },
    ]);
    expect(item.confidence).toBeLessThan(0.8);
    expect(item.doubts.map((x) => x.en)).toContain('the statement reads two ways: choose one');
  });
});
