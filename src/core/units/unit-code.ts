// Official administrative unit codes (QĐ 19/2025/QĐ-TTg, in force 01/7/2025; before it QĐ 124/2004/QĐ-TTg):
// province 2 digits, commune 5 digits (district 3 digits under the old list), always strings so leading zeros
// survive ("01" Hà Nội, "00004" a ward of Hà Nội). The digits per level come from the code list, which is data.
import { ValidationError } from '../errors.ts';
import { CODE_LISTS, codeListOn, DEFAULT_CODE_LIST, type UnitCodeList, type UnitLevel } from '../legal/code-list.ts';
import type { IsoDate } from '../format/date.ts';

export type { UnitLevel } from '../legal/code-list.ts';

/** One holder of a code over a validity interval, with the official name from the code list (never retyped). */
export interface UnitRecord {
  code: string;
  /** Official full name as the code list writes it: "Thành phố Hải Phòng", "Xã An Lão". */
  name: string;
  level: UnitLevel;
  /** First day the code designates this unit (ISO). */
  validFrom: IsoDate;
  /** Last day it does (inclusive, ISO); null while the unit exists. */
  validTo: IsoDate | null;
  /**
   * NĐ 30/2020 Phụ lục II: the common noun is capitalised when the name is a person's or a historical event's
   * ("Phường Điện Biên Phủ", "Thành phố Hồ Chí Minh"). Numeric names are detected; these are recorded.
   */
  capitaliseType?: boolean;
}

const LEVEL_NAMES = {
  province: { vi: 'cấp tỉnh', en: 'province' },
  district: { vi: 'cấp huyện', en: 'district' },
  commune: { vi: 'cấp xã', en: 'commune' },
} as const;

/** Why a code is not valid for a level under a list, or undefined when it is. */
export function unitCodeProblem(
  code: unknown,
  level: UnitLevel,
  list: UnitCodeList = DEFAULT_CODE_LIST,
): { vi: string; en: string } | undefined {
  const digits = list.digits[level];
  const lv = LEVEL_NAMES[level];
  if (digits === undefined) {
    return { vi: `Danh mục ${list.id} không có đơn vị ${lv.vi}`, en: `Code list ${list.id} has no ${lv.en} level` };
  }
  if (typeof code !== 'string') {
    return {
      vi: `Mã đơn vị ${lv.vi} phải là chuỗi ${digits} chữ số để giữ số 0 đứng đầu, nhận được ${String(code)}`,
      en: `A ${lv.en} code must be a string of ${digits} digits so leading zeros survive, got ${String(code)}`,
    };
  }
  if (!new RegExp(`^\\d{${digits}}$`).test(code)) {
    return {
      vi: `Mã đơn vị ${lv.vi} phải gồm đúng ${digits} chữ số (ví dụ "${'0'.repeat(digits - 1)}1"), nhận được "${code}"`,
      en: `A ${lv.en} code must have exactly ${digits} digits (e.g. "${'0'.repeat(digits - 1)}1"), got "${code}"`,
    };
  }
  return undefined;
}

export function isUnitCode(code: unknown, level: UnitLevel, list: UnitCodeList = DEFAULT_CODE_LIST): code is string {
  return unitCodeProblem(code, level, list) === undefined;
}

/** Returns the code when valid; throws a ValidationError with a vi/en message otherwise. */
export function assertUnitCode(code: unknown, level: UnitLevel, list: UnitCodeList = DEFAULT_CODE_LIST): string {
  const problem = unitCodeProblem(code, level, list);
  if (problem !== undefined)
    throw new ValidationError(problem, [{ path: '/code', reason: problem }], 'invalid_unit_code', {
      code,
      level,
      list: list.id,
    });
  return code as string;
}

/** The code list that governs a unit's code: the one in force when it began (the oldest for older units). */
export function codeListFor(validFrom: IsoDate, lists: readonly UnitCodeList[] = CODE_LISTS): UnitCodeList {
  return codeListOn(validFrom, lists) ?? lists[0] ?? DEFAULT_CODE_LIST;
}
