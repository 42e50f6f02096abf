// Constructions met in other provinces' resolutions, each in a clause written for this test (the same grammatical
// shape, other words and numbers): what a planning office there would type for each target.
import { describe, expect, it } from 'vitest';
import type { TargetSpec } from '../targets/target.ts';
import { draftPlan } from './draft-plan.ts';
import type { Draft, DraftItem } from './types.ts';

const TERM = { firstYear: 2026, lastYear: 2030 };

function draft(text: string, term = TERM): Draft {
  return draftPlan(`MỤC TIÊU, CHỈ TIÊU CHỦ YẾU\n\n${text}`, { term });
}

/** The one item whose figure quote contains `figure`. */
function item(d: Draft, figure: string): DraftItem {
  const found = d.items.filter((i) => i.figure.quote.includes(figure));
  expect(
    found,
    `one item drafted from "${figure}" in ${JSON.stringify(d.items.map((i) => i.figure.quote))}`,
  ).toHaveLength(1);
  return found[0] as DraftItem;
}

const core = (s: TargetSpec | undefined) => {
  const { term: _t, direction: _d, precision: _p, milestones: _m, ...rest } = s ?? ({} as TargetSpec);
  return rest;
};

describe('counts of the document itself are not targets', () => {
  it('drops "27 chỉ tiêu", "4 nhóm chỉ tiêu", "2 khâu đột phá" and the grade in "đạt 4 sao"', () => {
    const d = draft(
      'Nghị quyết đề ra 27 chỉ tiêu chủ yếu, gồm 4 nhóm chỉ tiêu về kinh tế; 9 chỉ tiêu về xã hội; 2 khâu đột phá. ' +
        'Đến năm 2030 có 150 sản phẩm OCOP, trong đó 40 sản phẩm đạt 4 sao.',
    );
    expect(d.items.map((i) => i.figure.quote)).toEqual(['150 sản phẩm', '40 sản phẩm']);
    expect(item(d, '40 sản phẩm').indicator.name).toContain('4 sao');
  });
});

describe('a year that qualifies a price basis or a standard is not the target year', () => {
  it('reads growth "(GRDP theo giá so sánh năm 2020)" and a poverty rate "theo chuẩn nghèo giai đoạn 2022 - 2025"', () => {
    const d = draft(
      'Tốc độ tăng trưởng kinh tế (GRDP theo giá so sánh năm 2020) bình quân 8,5 - 9%/năm; tỷ lệ hộ nghèo giảm còn ' +
        'dưới 1,5% vào năm 2030 theo chuẩn nghèo giai đoạn 2022 - 2025.',
    );
    expect(core(item(d, '8,5 - 9').readings[0]?.spec)).toMatchObject({
      kind: 'growth_average',
      min: '8.5',
      max: '9',
      baseYear: 2025,
    });
    expect(core(item(d, '1,5').readings[0]?.spec)).toMatchObject({
      kind: 'threshold',
      op: '<',
      value: '1.5',
      year: 2030,
    });
    expect(item(d, '1,5').readings[0]?.spec.direction).toBe('lower_better');
  });
});

describe('growth, a rate brought down, and an increase that reads two ways', () => {
  it('reads "tỷ lệ tăng dân số tự nhiên giảm còn dưới 0,9%/năm" as a bound on the rate, lower better', () => {
    const d = draft('Đến năm 2030, tỷ lệ tăng dân số tự nhiên giảm còn dưới 0,9%/năm.');
    expect(core(item(d, '0,9').readings[0]?.spec)).toMatchObject({ kind: 'threshold', op: '<', value: '0.9' });
    expect(item(d, '0,9').readings[0]?.spec.direction).toBe('lower_better');
  });

  it('reads "tốc độ tăng trưởng … bình quân đạt 9%" (no "/năm") as average growth', () => {
    const d = draft('Tốc độ tăng trưởng tổng sản phẩm trên địa bàn bình quân đạt 9%.');
    expect(core(item(d, '9%').readings[0]?.spec)).toMatchObject({ kind: 'growth_average', min: '9', baseYear: 2025 });
  });

  it('offers two readings of "thu ngân sách tăng trên 11%" and says a person must choose', () => {
    const d = draft('Giai đoạn 2026 - 2030: thu ngân sách nhà nước trên địa bàn tăng trên 11%.');
    const i = item(d, '11%');
    expect(i.readings.map((r) => core(r.spec))).toMatchObject([
      { kind: 'growth_average', min: '11' },
      { kind: 'multiple_of_baseline', factor: '1.11', baselinePeriod: '2025' },
    ]);
    expect(i.doubts.map((x) => x.en)).toContain('the statement reads two ways: choose one');
  });
});

describe('"trong đó" and a figure with no name of its own', () => {
  const TERM_21 = { firstYear: 2021, lastYear: 2025 };

  it('reads "trong đó, năm 2025 đạt …" as the same indicator in that year, and ends the "trong đó" at the next indicator', () => {
    const d = draft(
      'Về kinh tế: tổng thu ngân sách trên địa bàn giai đoạn 2021 - 2025 đạt 52.000 tỷ đồng, trong đó, năm 2025 đạt ' +
        '12.300 tỷ đồng; tổng vốn đầu tư phát triển giai đoạn 2021 - 2025 đạt 180.000 tỷ đồng, chiếm 31,5%/GRDP ' +
        '(năm 2025 đạt 41.000 tỷ đồng).',
      TERM_21,
    );
    const total = item(d, '52.000');
    const year = item(d, '12.300');
    expect(core(total.readings[0]?.spec)).toMatchObject({ kind: 'cumulative', value: '52000' });
    expect(core(year.readings[0]?.spec)).toMatchObject({ kind: 'level_at_end', value: '12300', year: 2025 });
    expect(year.indicator).toMatchObject({ name: 'Tổng thu ngân sách trên địa bàn năm 2025', parent: total.id });
    expect(item(d, '180.000').indicator.parent).toBeNull();
    expect(item(d, '41.000').indicator.name).toBe('Tổng vốn đầu tư phát triển năm 2025');
    expect(core(item(d, '41.000').readings[0]?.spec)).toMatchObject({ kind: 'level_at_end', year: 2025 });
    expect(item(d, '31,5').indicator.name).toMatch(/^Tổng vốn đầu tư phát triển/);
  });

  it('names the growth written after a level ("GRDP đạt …, tăng trưởng trên 9%/năm") from that level', () => {
    const d = draft('Đến năm 2030, GRDP đạt 180.000 tỷ đồng, tăng trưởng trên 9%/năm.');
    expect(item(d, '180.000').indicator.name).toBe('GRDP');
    expect(item(d, '9%').indicator.name).toBe('Tốc độ tăng trưởng GRDP');
    expect(core(item(d, '9%').readings[0]?.spec)).toMatchObject({ kind: 'growth_average', min: '9' });
  });

  it('keeps "trong đó" out of names: "tỷ lệ A là 60%, trong đó, tỷ lệ B là 30%"; "đón 9 triệu lượt khách, trong đó có 1 triệu …"', () => {
    const d = draft(
      'Tỷ lệ lao động qua đào tạo năm 2030 là 72%, trong đó, tỷ lệ lao động có bằng cấp, chứng chỉ là 33%; đến năm ' +
        '2030 đón 9 triệu lượt khách du lịch, trong đó có 1 triệu lượt khách quốc tế.',
    );
    expect(item(d, '33%').indicator.name).toBe('Tỷ lệ lao động có bằng cấp, chứng chỉ');
    expect(item(d, '33%').indicator.parent).toBe(item(d, '72%').id);
    expect(item(d, '9 triệu').indicator.name).not.toContain('trong đó');
  });
});

describe('shares of the economy', () => {
  it('reads the unit "% GRDP" from "20% GRDP", "25 - 30% trong GRDP" and "36%/GRDP"', () => {
    const d = draft(
      'Đến năm 2030, tỷ trọng kinh tế số đạt tối thiểu 22% GRDP; tỷ trọng công nghiệp chế biến đạt 25 - 30% trong GRDP.',
    );
    expect(item(d, '22%').indicator.unit).toBe('% GRDP');
    expect(core(item(d, '22%').readings[0]?.spec)).toMatchObject({ kind: 'threshold', op: '>=', value: '22' });
    expect(item(d, '25 - 30%').indicator.unit).toBe('% GRDP');
    expect(core(item(d, '25 - 30%').readings[0]?.spec)).toMatchObject({ kind: 'range_at_end', min: '25', max: '30' });
  });

  it('reads "bình quân 31% GRDP" and "giai đoạn …, chiếm 34%/GRDP" as averages over the period', () => {
    const d = draft(
      'Huy động vốn đầu tư toàn xã hội bình quân 31% GRDP; tổng vốn đầu tư giai đoạn 2026 - 2030 đạt 400.000 tỷ ' +
        'đồng, chiếm 34%/GRDP.',
    );
    expect(core(item(d, '31%').readings[0]?.spec)).toMatchObject({ kind: 'term_average', min: '31' });
    expect(core(item(d, '34%').readings[0]?.spec)).toMatchObject({ kind: 'term_average', min: '34' });
    expect(item(d, '34%').indicator).toMatchObject({ name: 'Tổng vốn đầu tư (% GRDP)', unit: '% GRDP' });
  });
});

describe('a year written in the clause and a period written in the lead-in', () => {
  it('reads "Giai đoạn 2026 - 2030: …; GRDP bình quân đầu người đạt 150 - 170 triệu đồng vào năm 2030" as a range in 2030', () => {
    const d = draft(
      'Giai đoạn 2026 - 2030: tăng trưởng GRDP bình quân trên 11% mỗi năm; GRDP bình quân đầu người đạt 150 - 170 ' +
        'triệu đồng vào năm 2030; tạo việc làm mới cho 160.000 lao động.',
    );
    expect(core(item(d, '150 - 170').readings[0]?.spec)).toMatchObject({
      kind: 'range_at_end',
      min: '150',
      max: '170',
      year: 2030,
    });
    expect(core(item(d, '160.000').readings[0]?.spec)).toMatchObject({ kind: 'cumulative', value: '160000' });
  });
});

describe('"duy trì", and a total that may be the last year or the whole term', () => {
  it('reads "tỷ lệ che phủ rừng duy trì 58%" as at least 58 %', () => {
    const d = draft('Đến năm 2030, tỷ lệ che phủ rừng duy trì 58%.');
    expect(core(item(d, '58%').readings[0]?.spec)).toMatchObject({ kind: 'threshold', op: '>=', value: '58' });
  });

  it('offers both readings of "Tổng vốn đầu tư toàn xã hội trên 90.000 tỷ đồng" written with no year or period', () => {
    const d = draft('Tổng vốn đầu tư toàn xã hội trên 90.000 tỷ đồng; thu ngân sách nhà nước đạt 15.000 tỷ đồng.');
    const i = item(d, '90.000');
    expect(i.readings.map((r) => core(r.spec))).toMatchObject([
      { kind: 'threshold', op: '>', value: '90000', year: 2030 },
      { kind: 'cumulative', value: '90000' },
    ]);
    expect(i.doubts.map((x) => x.en)).toContain('the statement reads two ways: choose one');
    expect(item(d, '15.000').readings).toHaveLength(1);
  });

  it('keeps one reading when the year is written: "đến năm 2030 tổng vốn đầu tư đạt 40.000 tỷ đồng"', () => {
    const d = draft('Đến năm 2030 tổng vốn đầu tư toàn xã hội đạt 40.000 tỷ đồng.');
    expect(item(d, '40.000').readings).toHaveLength(1);
  });
});

describe('units meeting a set of criteria', () => {
  it('reads "100% xã, phường đạt Bộ tiêu chí quốc gia về y tế xã" as units meeting that standard', () => {
    const d = draft('Phấn đấu 95% xã, phường đạt Bộ tiêu chí quốc gia về y tế xã vào năm 2030.');
    expect(core(item(d, '95%').readings[0]?.spec)).toMatchObject({
      kind: 'units_meeting_standard',
      share: '95',
      standard: 'Bộ tiêu chí quốc gia về y tế xã',
      year: 2030,
    });
  });
});

describe('a comma after the year', () => {
  it('reads the figure of "Đến năm 2030, 92% dân số …" (the comma after a year is not a list of numbers)', () => {
    const d = draft('Đến năm 2030, 92% dân số tham gia bảo hiểm y tế; năm 2028, 60% hộ gia đình có thẻ bảo hiểm.');
    expect(core(item(d, '92%').readings[0]?.spec)).toMatchObject({ kind: 'level_at_end', value: '92', year: 2030 });
    expect(core(item(d, '60%').readings[0]?.spec)).toMatchObject({ kind: 'level_at_end', value: '60', year: 2028 });
  });
});

describe('names as a planner would type them', () => {
  it('keeps the year out of a name and drops "bình quân mỗi năm" and a bare verb in front of it', () => {
    const d = draft(
      'Về kinh tế: tăng trưởng bình quân 8%/năm; cơ cấu kinh tế đến năm 2030: khu vực dịch vụ chiếm 45,2%; bình quân mỗi năm tạo việc làm cho 21.000 lao ' +
        'động; đến năm 2030 thu hút 12 triệu lượt khách du lịch, doanh thu 40.000 tỷ đồng.',
    );
    expect(item(d, '45,2').indicator.name).toBe('Cơ cấu kinh tế: khu vực dịch vụ');
    expect(item(d, '21.000').indicator.name).toBe('Tạo việc làm');
    expect(item(d, '12 triệu').indicator.name).toBe('Số lượt khách du lịch');
    expect(item(d, '40.000').indicator.name).toBe('Doanh thu');
  });
});

describe('targets that hold every year', () => {
  it('reads "2.500 doanh nghiệp/năm" and "tối thiểu 4%/năm" as every year, "85 triệu đồng/năm" per head as a level', () => {
    const d = draft(
      'Thành lập mới 2.500 doanh nghiệp/năm; tỷ lệ kết nạp đảng viên mới tối thiểu 4%/năm; thu nhập bình quân đầu ' +
        'người đạt 85 triệu đồng/năm.',
    );
    expect(core(item(d, '2.500').readings[0]?.spec)).toMatchObject({ kind: 'yearly_flow', value: '2500' });
    expect(core(item(d, '4%').readings[0]?.spec)).toMatchObject({ kind: 'yearly_flow', value: '4' });
    expect(core(item(d, '85 triệu').readings[0]?.spec)).toMatchObject({ kind: 'level_at_end', value: '85' });
  });

  it('lets "hằng năm" of a lead-in govern the list after it, and keeps "mỗi năm" with the figure it follows', () => {
    const d = draft(
      'Phấn đấu hằng năm có trên 92% chi bộ hoàn thành tốt nhiệm vụ; trên 88% đảng viên hoàn thành tốt nhiệm vụ. ' +
        'GRDP tăng từ 9% trở lên mỗi năm, thu nhập bình quân đầu người đạt 75 triệu đồng vào năm 2030.',
    );
    expect(core(item(d, '88%').readings[0]?.spec)).toMatchObject({ kind: 'yearly_flow', value: '88' });
    expect(core(item(d, '75 triệu').readings[0]?.spec)).toMatchObject({
      kind: 'level_at_end',
      value: '75',
      year: 2030,
    });
  });
});

describe('growth written with its period and verb between "bình quân" and the figure', () => {
  it('reads "Trong đó, tốc độ tăng trưởng … bình quân giai đoạn 2025-2030 phấn đấu đạt 9,5% trở lên" as growth', () => {
    const d = draft(
      'Đại hội đề ra các chỉ tiêu chủ yếu. Trong đó, tốc độ tăng trưởng GRDP bình quân giai đoạn 2025-2030 phấn đấu ' +
        'đạt 9,5% trở lên.',
    );
    const i = item(d, '9,5%');
    expect(core(i.readings[0]?.spec)).toMatchObject({ kind: 'growth_average', min: '9.5', baseYear: 2025 });
    expect(i.indicator.name).toBe('Tốc độ tăng trưởng GRDP');
  });
});

describe('names of sub-targets, created things and life expectancy', () => {
  it('reads "tuổi thọ trung bình trên 75 tuổi", "trong đó có bằng cấp, chứng chỉ 40%" and "thành lập mới 1.500 doanh nghiệp/năm"', () => {
    const d = draft(
      'Tỷ lệ lao động qua đào tạo đạt trên 85%, trong đó có bằng cấp, chứng chỉ 40%; tuổi thọ trung bình trên 75 tuổi; ' +
        'thành lập mới 1.500 doanh nghiệp/năm.',
    );
    expect(item(d, '40%').indicator.name).toBe('Tỷ lệ lao động qua đào tạo có bằng cấp, chứng chỉ');
    expect(item(d, '75').indicator).toMatchObject({ name: 'Tuổi thọ trung bình', unit: 'tuổi' });
    expect(core(item(d, '75').readings[0]?.spec)).toMatchObject({ kind: 'threshold', op: '>', value: '75' });
    expect(item(d, '1.500').indicator.name).toBe('Số doanh nghiệp thành lập mới');
  });
});

describe('spans and names printed in the results table', () => {
  it('starts a span after ", trong đó,", "và" and "(", and names "giảm tỷ lệ hộ nghèo còn …" and "… 4 sao và" cleanly', () => {
    const d = draft(
      'Tổng thu ngân sách giai đoạn 2026 - 2030 đạt 60.000 tỷ đồng, trong đó, năm 2030 đạt 14.000 tỷ đồng; khu vực ' +
        'dịch vụ chiếm 41% và khu vực công nghiệp chiếm 38,5%; giảm tỷ lệ hộ nghèo còn dưới 2%; có 120 sản phẩm OCOP, ' +
        'trong đó 60 sản phẩm đạt 4 sao và 5 sản phẩm đạt 5 sao.',
    );
    expect(item(d, '14.000').span.quote).toBe('năm 2030 đạt 14.000 tỷ đồng');
    expect(item(d, '38,5').span.quote).toBe('khu vực công nghiệp chiếm 38,5%');
    expect(item(d, '2%').indicator.name).toBe('Tỷ lệ hộ nghèo');
    expect(item(d, '60 sản phẩm').indicator.name).toBe('Số sản phẩm đạt 4 sao');
  });
});

describe('"không còn" written without a year', () => {
  it('reads "Cơ bản không còn hộ nghèo …" as no poor household left in the last year of the term, with its doubts', () => {
    const d = draft('Cơ bản không còn hộ nghèo theo chuẩn nghèo đa chiều; không còn nhà tạm vào cuối nhiệm kỳ.');
    const poor = item(d, 'không còn hộ nghèo');
    expect(poor.indicator).toMatchObject({ name: 'Số hộ nghèo theo chuẩn nghèo đa chiều', unit: 'hộ' });
    expect(core(poor.readings[0]?.spec)).toMatchObject({ kind: 'level_at_end', value: '0', year: 2030 });
    expect(poor.readings[0]?.spec.direction).toBe('lower_better');
    expect(poor.doubts.map((x) => x.en)).toEqual(
      expect.arrayContaining(['no year written: the last year of the term', expect.stringContaining('cơ bản')]),
    );
    expect(item(d, 'không còn nhà tạm').indicator.name).toBe('Số nhà tạm');
  });

  it('does not read "các quy định không còn phù hợp" in a tasks section as a target', () => {
    const d = draft('Rà soát, bãi bỏ các quy định không còn phù hợp với thực tiễn.');
    expect(d.items).toEqual([]);
  });
});

describe('a name that only says where', () => {
  it('names "…, khu vực nông thôn đạt trên 85%" after the measure written before it, in that area', () => {
    const d = draft(
      'Tỷ lệ dân số đô thị được cung cấp nước sạch qua hệ thống cấp nước tập trung đạt 100%, khu vực nông thôn đạt ' +
        'trên 85%; tỷ lệ hộ gia đình sử dụng nước hợp vệ sinh đạt 99%; nông thôn đạt 97%.',
    );
    expect(item(d, '85%').indicator.name).toBe(
      'Tỷ lệ dân số nông thôn được cung cấp nước sạch qua hệ thống cấp nước tập trung',
    );
    expect(item(d, '97%').indicator.name).toBe('Tỷ lệ hộ gia đình sử dụng nước hợp vệ sinh khu vực nông thôn');
    expect(item(d, '97%').rules).toContain('name-area');
  });

  it('reads what the share counts when it is written after the figure ("nông thôn trên 85% số hộ …")', () => {
    const d = draft('Tỷ lệ đô thị hóa đạt 48%, trong đó ở nông thôn trên 85% số hộ được sử dụng nước sạch.');
    expect(item(d, '85%').indicator.name).toBe('Tỷ lệ hộ được sử dụng nước sạch khu vực nông thôn');
    expect(item(d, '48%').indicator.name).toBe('Tỷ lệ đô thị hóa');
  });
});

describe('units per head of population, per person and per class', () => {
  it('keeps the whole unit: "phòng học/10.000 dân", "m²/người", "triệu đồng/lao động", "triệu đồng/người/năm"', () => {
    const d = draft(
      'Đến năm 2030 đạt 2,8 phòng học/10.000 dân; diện tích nhà ở bình quân đạt 29,5 m²/người; năng suất lao động ' +
        'đạt 210 triệu đồng/lao động; thu nhập bình quân đầu người đạt 96 triệu đồng/người/năm; số giường bệnh đạt ' +
        '34 giường bệnh/vạn dân và 13 bác sĩ/vạn dân.',
    );
    expect(item(d, '2,8').indicator.unit).toBe('phòng học/10.000 dân');
    expect(item(d, '29,5').indicator.unit).toBe('m²/người');
    expect(item(d, '210').indicator.unit).toBe('triệu đồng/lao động');
    const income = item(d, '96');
    expect(income.indicator.unit).toBe('triệu đồng/người/năm');
    expect(core(income.readings[0]?.spec)).toMatchObject({ kind: 'level_at_end', value: '96', year: 2030 });
    expect(item(d, '34').indicator.unit).toBe('giường bệnh/vạn dân');
    expect(item(d, '13 bác sĩ').indicator).toMatchObject({ name: 'Số bác sĩ/vạn dân', unit: 'bác sĩ/vạn dân' });
  });

  it('names a count read after its figure without the "và" that joins it to the next ("30 giường bệnh/vạn dân và …")', () => {
    const d = draft('Đến năm 2030, đạt 31 giường bệnh/vạn dân và 12 bác sĩ/vạn dân.');
    expect(item(d, '31').indicator).toMatchObject({ name: 'Số giường bệnh/vạn dân', unit: 'giường bệnh/vạn dân' });
  });

  it('reads a per-head income with no "thu nhập" before it as a level, not a flow each year', () => {
    const d = draft('Năm 2030, mức sống dân cư đạt 90 triệu đồng/người/năm.');
    expect(core(item(d, '90').readings[0]?.spec)).toMatchObject({ kind: 'level_at_end', value: '90' });
  });
});

describe('targets relative to the national average', () => {
  it('lists "thấp hơn mức bình quân chung cả nước" and "cao hơn bình quân cả nước" as unread, with the reason', () => {
    const d = draft(
      'Tỷ lệ hộ nghèo đa chiều thấp hơn mức bình quân chung cả nước; thu nhập bình quân đầu người cao hơn bình quân ' +
        'cả nước; tỷ lệ hộ nghèo giảm bình quân 1,2%/năm, thấp hơn mức trung bình của vùng.',
    );
    expect(d.notUnderstood.map((u) => u.span.quote)).toEqual([
      'Tỷ lệ hộ nghèo đa chiều thấp hơn mức bình quân chung cả nước',
      'thu nhập bình quân đầu người cao hơn bình quân cả nước',
      'tỷ lệ hộ nghèo giảm bình quân 1,2%/năm, thấp hơn mức trung bình của vùng',
    ]);
    expect(d.notUnderstood[0]?.reason.en).toContain('benchmark');
    expect(d.notUnderstood[0]?.reason.vi).toContain('mức bình quân chung cả nước');
    expect(d.notUnderstood[0]?.rules).toContain('benchmark-relative');
    // The figure of the third clause is still drafted; only its comparison goes to the reviewer.
    expect(core(item(d, '1,2').readings[0]?.spec)).toMatchObject({ kind: 'growth_average' });
  });
});

describe('more shapes of other resolutions', () => {
  it('reads "Tỷ lệ xã đạt chuẩn … đạt 100%" (units and standard in the name) as units meeting a standard', () => {
    const d = draft(
      'Tỷ lệ xã đạt chuẩn nông thôn mới đạt 100%, trong đó tỷ lệ xã đạt chuẩn nông thôn mới nâng cao đạt 45%; tỷ ' +
        'lệ xã, phường đạt tiêu chí quốc gia về y tế đạt 98%.',
    );
    expect(core(item(d, '100%').readings[0]?.spec)).toMatchObject({
      kind: 'units_meeting_standard',
      share: '100',
      standard: 'nông thôn mới',
    });
    expect(item(d, '45%').indicator).toMatchObject({
      name: 'Tỷ lệ xã đạt chuẩn nông thôn mới nâng cao',
      unit: '% số xã',
      parent: item(d, '100%').id,
    });
    expect(core(item(d, '98%').readings[0]?.spec)).toMatchObject({ kind: 'units_meeting_standard', share: '98' });
  });

  it('keeps "tỉnh, thành phố" whole in a rank group, and "bình quân" in "Tuổi thọ bình quân"', () => {
    const d = draft(
      'Chỉ số chuyển đổi số cấp tỉnh (DTI) đứng trong nhóm 15 tỉnh, thành phố dẫn đầu; tuổi thọ bình quân đạt trên ' +
        '76,5 tuổi.',
    );
    expect(core(item(d, 'nhóm 15').readings[0]?.spec)).toMatchObject({
      kind: 'rank',
      maxRank: 15,
      among: 'tỉnh, thành phố dẫn đầu',
    });
    expect(item(d, '76,5').indicator.name).toBe('Tuổi thọ bình quân');
  });

  it('names "…, đến năm 2030 đạt 10 tỷ USD" after the indicator of the growth before it', () => {
    const d = draft('Kim ngạch xuất khẩu tăng bình quân 12%/năm, đến năm 2030 đạt 11 tỷ USD.');
    expect(item(d, '11 tỷ').indicator.name).toBe('Kim ngạch xuất khẩu (tỷ USD)');
  });

  it('reads "Mỗi năm giảm từ 1,5 - 2% tỷ lệ hộ nghèo" as a yearly decrease, named once', () => {
    const d = draft('Mỗi năm giảm từ 1,5 - 2% tỷ lệ hộ nghèo.');
    const i = item(d, '1,5 - 2%');
    expect(i.indicator.name).toBe('Tỷ lệ hộ nghèo');
    expect(core(i.readings[0]?.spec)).toMatchObject({ kind: 'growth_average', min: '-2', max: '-1.5' });
  });

  it('names each item of "Tỷ lệ trường đạt chuẩn quốc gia: mầm non đạt 75%, …" after the lead-in', () => {
    const d = draft('Tỷ lệ trường đạt chuẩn quốc gia: mầm non đạt 72%, tiểu học đạt 86%, trung học cơ sở đạt 81%.');
    expect(d.items.map((i) => i.indicator.name)).toEqual([
      'Tỷ lệ trường đạt chuẩn quốc gia: mầm non',
      'Tỷ lệ trường đạt chuẩn quốc gia: tiểu học',
      'Tỷ lệ trường đạt chuẩn quốc gia: trung học cơ sở',
    ]);
  });

  it('drops the opening "Hằng năm", a bare "Có", a period after the name, a trailing "gấp" and "giữ ổn định"', () => {
    const d = draft(
      'Hằng năm tạo việc làm mới cho 1.600 lao động. Có ít nhất 3 khu công nghiệp đi vào hoạt động; thu hút 1.200 dự ' +
        'án đầu tư trong giai đoạn 2026 - 2030; GRDP bình quân đầu người năm 2030 gấp 2 lần so với năm 2025; diện ' +
        'tích đất trồng lúa giữ ổn định 118.000 ha; tỷ lệ che phủ rừng ổn định ở mức 46%.',
    );
    expect(item(d, '1.600').indicator.name).toBe('Tạo việc làm mới');
    expect(item(d, '3 khu').indicator.name).toBe('Số khu công nghiệp đi vào hoạt động');
    expect(core(item(d, '3 khu').readings[0]?.spec)).toMatchObject({ kind: 'threshold', op: '>=', value: '3' });
    expect(item(d, '1.200').indicator.name).toBe('Số dự án đầu tư');
    expect(item(d, '2 lần').indicator.name).toBe('GRDP bình quân đầu người');
    expect(item(d, '118.000').indicator.name).toBe('Diện tích đất trồng lúa');
    expect(core(item(d, '118.000').readings[0]?.spec)).toMatchObject({ kind: 'threshold', op: '>=' });
    expect(item(d, '46%').indicator.name).toBe('Tỷ lệ che phủ rừng');
    expect(core(item(d, '46%').readings[0]?.spec)).toMatchObject({ kind: 'threshold', op: '>=', value: '46' });
  });
});

describe('names keep what they measure and drop when it is due', () => {
  it('drops "5 năm" and "cuối nhiệm kỳ", keeps "trở lên" whole and "bình quân" after "nhà ở"', () => {
    const d = draft(
      'Tổng vốn đầu tư toàn xã hội 5 năm đạt 1.300 nghìn tỷ đồng; tỷ lệ hộ nghèo đa chiều cuối nhiệm kỳ dưới 0,8%; ' +
        'tỷ lệ chi bộ hoàn thành tốt nhiệm vụ trở lên hằng năm đạt trên 91%; diện tích sàn nhà ở bình quân đạt 31 m2/người.',
    );
    expect(item(d, '1.300').indicator.name).toBe('Tổng vốn đầu tư toàn xã hội');
    expect(core(item(d, '1.300').readings[0]?.spec)).toMatchObject({ kind: 'cumulative', value: '1300' });
    expect(item(d, '0,8').indicator.name).toBe('Tỷ lệ hộ nghèo đa chiều');
    expect(item(d, '91%').indicator.name).toBe('Tỷ lệ chi bộ hoàn thành tốt nhiệm vụ trở lên');
    expect(item(d, '31 m2').indicator.name).toBe('Diện tích sàn nhà ở bình quân');
  });
});
