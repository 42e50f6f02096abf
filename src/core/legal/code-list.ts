// The official list of administrative unit codes in force, as data with its legal basis (vn-conventions §5.4):
// a new list (as QĐ 19/2025 replaced QĐ 124/2004) is a new data object.
import type { LegalBasis } from './document.ts';
import { QD_124_2004_TTG, QD_19_2025_TTG } from './documents.ts';

export type UnitLevel = 'province' | 'district' | 'commune';

export interface UnitCodeList {
  id: string;
  /** In force from this day (ISO); the previous list applies before. */
  validFrom: string;
  /** Digits of a code per level; a level absent from the list does not exist under it. */
  digits: Partial<Record<UnitLevel, number>>;
  basis: LegalBasis;
  /** QĐ 124/2004/QĐ-TTg: a code never changes while its unit exists; a closed code is never reused. */
  closedCodesReusable: false;
  closedCodesBasis: LegalBasis;
}

// The article that states the rule was not read (vn-conventions §5.4 cites the decision as a whole).
const NEVER_REUSED: LegalBasis = { kind: 'document', document: QD_124_2004_TTG };

/** QĐ 124/2004/QĐ-TTg: three levels — province 2 digits, district 3, commune 5. */
export const CODE_LIST_QD124_2004: UnitCodeList = {
  id: 'qd-124-2004',
  validFrom: '2004-07-08',
  digits: { province: 2, district: 3, commune: 5 },
  basis: { kind: 'document', document: QD_124_2004_TTG },
  closedCodesReusable: false,
  closedCodesBasis: NEVER_REUSED,
};

/** QĐ 19/2025/QĐ-TTg, in force 01/7/2025: two levels — 34 provinces (2 digits), 3,321 communes (5 digits). */
export const CODE_LIST_QD19_2025: UnitCodeList = {
  id: 'qd-19-2025',
  validFrom: '2025-07-01',
  digits: { province: 2, commune: 5 },
  basis: { kind: 'document', document: QD_19_2025_TTG },
  closedCodesReusable: false,
  closedCodesBasis: NEVER_REUSED,
};

/** Code lists in order of validity; the last is current. */
export const CODE_LISTS: readonly UnitCodeList[] = [CODE_LIST_QD124_2004, CODE_LIST_QD19_2025];

export const DEFAULT_CODE_LIST: UnitCodeList = CODE_LIST_QD19_2025;

/** The list in force on a date (ISO), or undefined before the first. */
export function codeListOn(date: string, lists: readonly UnitCodeList[] = CODE_LISTS): UnitCodeList | undefined {
  let found: UnitCodeList | undefined;
  for (const list of lists) if (list.validFrom <= date) found = list;
  return found;
}
