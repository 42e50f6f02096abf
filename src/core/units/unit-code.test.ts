import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ChitieuError } from '../errors.ts';
import { CODE_LIST_QD124_2004 } from '../legal/code-list.ts';
import { displayName } from './display-name.ts';
import { currentCodeOf, registryIssues, validateRegistry, type LineageEvent } from './registry.ts';
import { assertUnitCode, isUnitCode, type UnitRecord } from './unit-code.ts';
import { countMeeting, unitsValidOn } from './valid-on.ts';

const haiPhong: UnitRecord = {
  code: '31',
  name: 'Thành phố Hải Phòng',
  level: 'province',
  validFrom: '1955-05-13',
  validTo: null,
};
const haiDuong: UnitRecord = {
  code: '30',
  name: 'Tỉnh Hải Dương',
  level: 'province',
  validFrom: '1997-01-01',
  validTo: '2025-06-30',
};
const merger: LineageEvent = { event: 'merged_into', from: '30', to: '31', date: '2025-07-01' };

function caught(fn: () => unknown): ChitieuError {
  try {
    fn();
  } catch (e) {
    return e as ChitieuError;
  }
  throw new Error('expected a throw');
}

describe('official unit codes', () => {
  it.each([
    ['31', 'province', true],
    ['01', 'province', true],
    ['1', 'province', false],
    ['031', 'province', false],
    ['00004', 'commune', true],
    ['4', 'commune', false],
    ['1234a', 'commune', false],
  ] as const)('judges "%s" as a %s code: %s', (code, level, ok) => {
    expect(isUnitCode(code, level)).toBe(ok);
  });

  it('refuses a numeric code, which would lose its leading zeros, with a bilingual message', () => {
    const e = caught(() => assertUnitCode(1, 'province'));
    expect(e.code).toBe('invalid_unit_code');
    expect(e.messages.vi).toContain('chuỗi 2 chữ số');
    expect(e.messages.en).toContain('leading zeros');
  });

  it('has no district level under QĐ 19/2025 but had one under QĐ 124/2004', () => {
    expect(isUnitCode('303', 'district')).toBe(false);
    expect(isUnitCode('303', 'district', CODE_LIST_QD124_2004)).toBe(true);
  });

  it('accepts every string of exactly five digits as a commune code and nothing else', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 0, maxLength: 7 }), (s) => {
        expect(isUnitCode(s, 'commune')).toBe(/^\d{5}$/.test(s));
      }),
    );
  });
});

describe('the register of codes over time', () => {
  it('accepts the merged Hải Phòng keeping code 31 and Hải Dương’s 30 closed', () => {
    expect(() => validateRegistry([haiPhong, haiDuong], [merger])).not.toThrow();
    expect(currentCodeOf('30', [merger])).toBe('31');
    expect(unitsValidOn([haiPhong, haiDuong], '2025-07-01').map((u) => u.code)).toEqual(['31']);
    expect(unitsValidOn([haiPhong, haiDuong], '2025-06-30').map((u) => u.code)).toEqual(['31', '30']);
  });

  it.each(['2025-07-01', '2025-08-01', '2030-01-01'])('refuses any unit taking code 30 from %s', (validFrom) => {
    const reuse: UnitRecord = { code: '30', name: 'Tỉnh Mới', level: 'province', validFrom, validTo: null };
    const e = caught(() => validateRegistry([haiPhong, haiDuong, reuse], [merger]));
    expect(e.code).toBe('invalid_unit_registry');
    expect(e.issues.map((i) => i.reason.en).join(' ')).toMatch(/Code 30 was closed .* may not be reused/);
    expect(e.issues.map((i) => i.reason.vi).join(' ')).toContain('không được cấp lại');
  });

  it('refuses a closed code reused even without a recorded merger', () => {
    const closed: UnitRecord = {
      code: '00007',
      name: 'Xã Cũ',
      level: 'commune',
      validFrom: '2008-01-01',
      validTo: '2019-12-31',
    };
    const reused: UnitRecord = {
      code: '00007',
      name: 'Xã Khác',
      level: 'commune',
      validFrom: '2021-01-01',
      validTo: null,
    };
    expect(registryIssues([closed, reused], [])).toHaveLength(1);
  });

  it('lets a renamed unit keep its code on consecutive records', () => {
    const before: UnitRecord = {
      code: '00010',
      name: 'Thị trấn Núi Đèo',
      level: 'commune',
      validFrom: '2008-01-01',
      validTo: '2025-06-30',
    };
    const after: UnitRecord = {
      code: '00010',
      name: 'Xã Thủy Nguyên',
      level: 'commune',
      validFrom: '2025-07-01',
      validTo: null,
    };
    expect(
      registryIssues([before, after], [{ event: 'renamed', from: '00010', to: '00010', date: '2025-07-01' }]),
    ).toEqual([]);
    expect(registryIssues([before, after], [])).toHaveLength(1);
  });

  it('refuses duplicates and overlapping holders of the same code', () => {
    expect(registryIssues([haiPhong, { ...haiPhong }], [])[0]?.reason.en).toMatch(/declared twice/);
    const overlap: UnitRecord = { ...haiDuong, code: '31', name: 'Tỉnh Trùng', validFrom: '2000-01-01' };
    expect(registryIssues([haiPhong, overlap], [])[0]?.reason.en).toMatch(/valid twice at the same time/);
  });

  it('refuses a district that outlives the list that had districts', () => {
    const district: UnitRecord = {
      code: '303',
      name: 'Huyện An Lão',
      level: 'district',
      validFrom: '2004-07-08',
      validTo: null,
    };
    expect(
      registryIssues([district], [])
        .map((i) => i.reason.en)
        .join(' '),
    ).toMatch(/no longer has that level/);
    expect(registryIssues([{ ...district, validTo: '2025-06-30' }], [])).toEqual([]);
  });

  it('refuses lineage that does not match the validity of its codes', () => {
    const early: LineageEvent = { ...merger, date: '2025-05-01' };
    expect(
      registryIssues([haiPhong, haiDuong], [early])
        .map((i) => i.reason.en)
        .join(' '),
    ).toMatch(/must end on 2025-04-30/);
    expect(
      registryIssues([haiPhong], [merger])
        .map((i) => i.reason.en)
        .join(' '),
    ).toMatch(/not in the register/);
  });
});

describe('counting units that meet a standard on the evaluation date', () => {
  const communes: UnitRecord[] = Array.from({ length: 80 }, (_, i) => ({
    code: String(10000 + i),
    name: `Xã Số ${i}`,
    level: 'commune',
    validFrom: i < 67 ? '2025-07-01' : '2008-01-01',
    validTo: i < 67 ? null : '2025-06-30',
  }));
  const meets = (u: UnitRecord): boolean => Number(u.code) < 10055 || Number(u.code) >= 10067;

  it('computes "55/67 xã" from the units valid on the date, not from units since closed', () => {
    const c = countMeeting(communes, '2025-12-31', meets);
    expect({ count: c.count, of: c.of }).toEqual({ count: 55, of: 67 });
    expect(c.share?.toFixed(2)).toBe('82.09');
  });

  it('counts the former units on a date before the reorganisation', () => {
    expect(countMeeting(communes, '2025-06-30', meets)).toMatchObject({ count: 13, of: 13 });
  });

  it('gives no share when no unit is valid', () => {
    expect(countMeeting(communes, '2000-01-01', meets)).toEqual({ count: 0, of: 0, share: null });
  });
});

describe('unit names in running text (NĐ 30 Phụ lục II)', () => {
  it.each([
    [{ name: 'Thành phố Hải Phòng' }, 'thành phố Hải Phòng'],
    [{ name: 'Tỉnh Hải Dương' }, 'tỉnh Hải Dương'],
    [{ name: 'Xã An Lão' }, 'xã An Lão'],
    [{ name: 'Đặc khu Cát Hải' }, 'đặc khu Cát Hải'],
    [{ name: 'Quận 1' }, 'Quận 1'],
    [{ name: 'Phường Điện Biên Phủ', capitaliseType: true }, 'Phường Điện Biên Phủ'],
    [{ name: 'Thành phố Hồ Chí Minh', capitaliseType: true }, 'Thành phố Hồ Chí Minh'],
  ])('writes %o as "%s"', (unit, text) => {
    expect(displayName(unit)).toBe(text);
  });

  it('capitalises the common noun at the head of a sentence or cell', () => {
    expect(displayName({ name: 'thành phố Hải Phòng' }, 'heading')).toBe('Thành phố Hải Phòng');
  });
});
