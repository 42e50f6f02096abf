// The documents whose provisions set chitieu's default rule parameters, as data. Sources and evidence marks are in
// /work/shared/reference/vn-conventions.md (§2.1, §5.2–5.4, §1.1); dates are issue dates.
import type { LegalDocument } from './document.ts';

/** Reporting regimes of state administrative agencies: cut-offs (Điều 12), deadlines (Điều 13). */
export const ND_09_2019: LegalDocument = {
  kind: 'decree',
  number: '09/2019/NĐ-CP',
  date: '2019-01-24',
  issuer: 'Chính phủ',
  title: 'Quy định chế độ báo cáo của cơ quan hành chính nhà nước',
};

/** Clerical work: document layout, dates (Phụ lục I), capitalisation of unit names (Phụ lục II). */
export const ND_30_2020: LegalDocument = {
  kind: 'decree',
  number: '30/2020/NĐ-CP',
  date: '2020-03-05',
  issuer: 'Chính phủ',
  title: 'Về công tác văn thư',
};

/** The list and codes of administrative units after the 2025 reorganisation, in force 01/7/2025. */
export const QD_19_2025_TTG: LegalDocument = {
  kind: 'decision',
  number: '19/2025/QĐ-TTg',
  date: '2025-06-30',
  issuer: 'Thủ tướng Chính phủ',
  title: 'Ban hành Bảng danh mục và mã số các đơn vị hành chính Việt Nam',
  unconfirmed: ['date', 'title'],
};

/** The earlier code list; sets the rule that a closed code is never reused. */
export const QD_124_2004_TTG: LegalDocument = {
  kind: 'decision',
  number: '124/2004/QĐ-TTg',
  date: '2004-07-08',
  issuer: 'Thủ tướng Chính phủ',
  title: 'Ban hành Bảng danh mục và mã số các đơn vị hành chính Việt Nam',
};

/** Base year 2020 for comparable prices and the method of converting between bases 2010 and 2020. */
export const TT_13_2019_BKHDT: LegalDocument = {
  kind: 'circular',
  number: '13/2019/TT-BKHĐT',
  date: '2019-12-31',
  issuer: 'Bộ Kế hoạch và Đầu tư',
  title: 'Quy định năm 2020 làm năm gốc để tính các chỉ tiêu thống kê theo giá so sánh',
  unconfirmed: ['date', 'title'],
};

/** A province's regime adding the nine-month period 15/12 → 14/9 (vn-conventions §2.1 [KH-REPO]). */
export const QD_01_2023_KHANH_HOA: LegalDocument = {
  kind: 'decision',
  number: '01/2023/QĐ-UBND',
  date: '2023-01-01',
  issuer: 'Ủy ban nhân dân tỉnh Khánh Hòa',
  title: 'Quy định chế độ báo cáo định kỳ trên địa bàn tỉnh Khánh Hòa',
  unconfirmed: ['date', 'title'],
};

/** A ministry's regime adding the second half-year 15/6 → 14/12 (vn-conventions §2.1 [BQP-58]). */
export const TT_58_2020_BQP: LegalDocument = {
  kind: 'circular',
  number: '58/2020/TT-BQP',
  date: '2020-05-09',
  issuer: 'Bộ Quốc phòng',
  title: 'Quy định chế độ báo cáo định kỳ trong Bộ Quốc phòng',
  unconfirmed: ['date', 'title'],
};
