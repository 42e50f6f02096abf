// A legal or policy document as chitieu cites it: the rule parameters, targets and word sets that come from law
// carry the document that sets them (vn-conventions §6.6 CYCLE-5), so a new decree is a data change.
import { formatDateVi } from '../format/date.ts';

/** Kinds of documents met in the plan chain and in the rules of reporting (names of NĐ 30 Phụ lục III). */
export type LegalDocumentKind =
  | 'law' // Luật
  | 'decree' // Nghị định
  | 'decision' // Quyết định
  | 'circular' // Thông tư
  | 'directive' // Chỉ thị
  | 'resolution' // Nghị quyết (Đảng, Quốc hội, Chính phủ, HĐND)
  | 'conclusion' // Kết luận
  | 'regulation' // Quy chế, Quy định
  | 'guideline' // Hướng dẫn
  | 'programme' // Chương trình (hành động)
  | 'plan' // Kế hoạch
  | 'report' // Báo cáo
  // Roles in the plan chain (vn-conventions §4.1, issue 11 item 5), as the dataset's target documents name them:
  | 'congress_resolution' // Nghị quyết Đại hội Đảng bộ
  | 'action_programme' // Chương trình hành động của Ban Chấp hành
  | 'five_year_plan' // Nghị quyết HĐND về kế hoạch 5 năm
  | 'annual_plan' // Nghị quyết HĐND về kế hoạch năm
  | 'government_target' // chỉ tiêu Chính phủ giao (Nghị quyết 01/NQ-CP hằng năm)
  | 'other';

export interface LegalDocument {
  kind: LegalDocumentKind;
  /** As printed, with its symbol: "09/2019/NĐ-CP", "57-NQ/TW"; null when the source does not state it. */
  number: string | null;
  /** Issue date, ISO "2019-01-24"; null when the source does not state it. */
  date: string | null;
  /** Issuing body as printed: "Chính phủ", "Thủ tướng Chính phủ", "Hội đồng nhân dân thành phố Hải Phòng". */
  issuer: string;
  /** Subject (trích yếu), in Vietnamese. */
  title: string;
  /** Fields not read in the document itself (reported by a secondary source or recalled): check before citing. */
  unconfirmed?: Array<'date' | 'title' | 'issuer'>;
}

/**
 * Where a rule parameter comes from: a provision of a document, or a custom (drafting usage, a province's practice
 * we could not cite precisely, or chitieu's own derivation) stated in words so nobody mistakes it for law.
 */
export type LegalBasis =
  | { kind: 'document'; document: LegalDocument; provision?: string }
  | { kind: 'custom'; note: { vi: string; en: string } };

/** A value together with the basis that sets it. */
export interface Sourced<T> {
  value: T;
  basis: LegalBasis;
}

const KIND_NAMES_VI: Record<LegalDocumentKind, string> = {
  law: 'Luật',
  decree: 'Nghị định',
  decision: 'Quyết định',
  circular: 'Thông tư',
  directive: 'Chỉ thị',
  resolution: 'Nghị quyết',
  conclusion: 'Kết luận',
  regulation: 'Quy chế',
  guideline: 'Hướng dẫn',
  programme: 'Chương trình',
  plan: 'Kế hoạch',
  report: 'Báo cáo',
  congress_resolution: 'Nghị quyết Đại hội',
  action_programme: 'Chương trình hành động',
  five_year_plan: 'Nghị quyết về kế hoạch phát triển kinh tế - xã hội 5 năm',
  annual_plan: 'Nghị quyết về kế hoạch phát triển kinh tế - xã hội năm',
  government_target: 'Nghị quyết của Chính phủ',
  other: 'Văn bản',
};

/** The citation of running text: "Nghị định số 09/2019/NĐ-CP ngày 24/01/2019 của Chính phủ" (vn-conventions §5.5). */
export function citeDocument(doc: LegalDocument): string {
  const number = doc.number === null ? '' : ` số ${doc.number}`;
  const date = doc.date === null ? '' : ` ngày ${formatDateVi(doc.date)}`;
  return `${KIND_NAMES_VI[doc.kind]}${number}${date} của ${doc.issuer}`;
}

/** A basis in words, with its provision first: "Điều 12 Nghị định số 09/2019/NĐ-CP …". */
export function describeBasis(basis: LegalBasis, locale: 'vi' | 'en' = 'vi'): string {
  if (basis.kind === 'custom') return basis.note[locale];
  const cite = citeDocument(basis.document);
  return basis.provision === undefined ? cite : `${basis.provision} ${cite}`;
}
