// Messages of a target's editing dialog and of its history on the indicator page (plan owners correct a target or
// record a later document's revision). Vietnamese first; the English object has the same keys.
import type { DocumentKind, TargetStage } from '../../../src/core/vocabulary.ts';
import { useLocale } from './locale.tsx';
import type { Locale } from './messages.ts';

/** The fields of a target's definition a plan owner may change in the dialog (those the target has). */
export const EDITABLE_NUMBERS = [
  'value',
  'min',
  'max',
  'factor',
  'factorMax',
  'share',
  'count',
  'ofCount',
  'maxRank',
] as const;
export type EditableNumber = (typeof EDITABLE_NUMBERS)[number];

const vi = {
  editButton: 'Sửa mục tiêu',
  dialogTitle: 'Sửa mục tiêu của chỉ tiêu',
  modeLabel: 'Loại thay đổi',
  modeCorrect: 'Đính chính: sửa lỗi ghi chép, mục tiêu vẫn theo văn bản cũ',
  modeRevise: 'Điều chỉnh: một văn bản mới thay mục tiêu, mục tiêu cũ được giữ làm lịch sử',
  text: 'Nội dung mục tiêu (như văn bản ghi)',
  field: {
    value: 'Giá trị',
    min: 'Mức tối thiểu',
    max: 'Mức tối đa',
    factor: 'Số lần',
    factorMax: 'Số lần tối đa',
    share: 'Tỷ lệ (%)',
    count: 'Số đơn vị',
    ofCount: 'Trên tổng số',
    maxRank: 'Thứ hạng tối đa',
  } satisfies Record<EditableNumber, string>,
  strict: 'Không tính mức ngưỡng ("trên", "hơn", "dưới")',
  reason: 'Lý do thay đổi',
  reasonRequired: 'Cần nêu lý do',
  textRequired: 'Cần ghi nội dung mục tiêu',
  documentLegend: 'Văn bản điều chỉnh',
  docKind: 'Loại văn bản',
  docTitle: 'Trích yếu',
  docNumber: 'Số hiệu',
  docDate: 'Ngày ban hành',
  docIssuer: 'Cơ quan ban hành',
  docUrl: 'Địa chỉ trang (URL)',
  effectiveOn: 'Áp dụng từ ngày',
  quote: 'Trích dẫn nguyên văn',
  page: 'Trang',
  required: 'bắt buộc',
  dateRequired: 'Cần ngày theo dạng ngày/tháng/năm',
  save: 'Lưu thay đổi',
  cancel: 'Huỷ',
  saved: (n: number) =>
    n === 0 ? 'Đã lưu. Kết quả đánh giá không đổi.' : `Đã lưu. Kết quả đánh giá đã tính lại (${n} thay đổi).`,
  historyTitle: 'Lịch sử mục tiêu',
  historyCaption: 'Các mục tiêu chỉ tiêu này đã có, cũ trước, mỗi mục tiêu với văn bản của nó',
  colStage: 'Tình trạng',
  colTarget: 'Mục tiêu',
  colDocument: 'Văn bản',
  colRevised: 'Thay bởi',
  stage: { draft: 'dự thảo', in_force: 'đang hiệu lực', superseded: 'đã được thay' } satisfies Record<
    TargetStage,
    string
  >,
  fromDate: (date: string) => `từ ${date}`,
  noDocument: 'chưa rõ văn bản',
  pageN: (n: string) => `trang ${n}`,
  lineN: (n: string) => `dòng ${n}`,
  docKinds: {
    congress_resolution: 'Nghị quyết Đại hội',
    party_resolution: 'Nghị quyết của cấp uỷ',
    council_resolution: 'Nghị quyết HĐND',
    law_resolution: 'Nghị quyết của Quốc hội',
    five_year_plan: 'Kế hoạch 5 năm',
    annual_plan: 'Kế hoạch năm',
    master_plan: 'Quy hoạch',
    decision: 'Quyết định',
    plan: 'Kế hoạch',
    report: 'Báo cáo',
    statistical_release: 'Thông cáo thống kê',
    press_article: 'Bài báo',
    web_page: 'Trang web',
    other: 'Khác',
  } satisfies Record<DocumentKind, string>,
};

export type TargetEditMessages = typeof vi;

const en: TargetEditMessages = {
  editButton: 'Edit target',
  dialogTitle: "Edit the indicator's target",
  modeLabel: 'Kind of change',
  modeCorrect: 'Correction: a clerical error fixed, the target still rests on its document',
  modeRevise: 'Revision: a later document replaces the target, the old one is kept as history',
  text: 'Wording of the target (as the document writes it)',
  field: {
    value: 'Value',
    min: 'Minimum',
    max: 'Maximum',
    factor: 'Factor',
    factorMax: 'Upper factor',
    share: 'Share (%)',
    count: 'Units',
    ofCount: 'Out of',
    maxRank: 'Worst rank allowed',
  },
  strict: 'The bound itself does not count ("above", "more than", "below")',
  reason: 'Reason for the change',
  reasonRequired: 'A reason is required',
  textRequired: "The target's wording is required",
  documentLegend: 'Revising document',
  docKind: 'Kind of document',
  docTitle: 'Title',
  docNumber: 'Number',
  docDate: 'Date issued',
  docIssuer: 'Issued by',
  docUrl: 'Web address (URL)',
  effectiveOn: 'In force from',
  quote: 'Quotation',
  page: 'Page',
  required: 'required',
  dateRequired: 'A date is required',
  save: 'Save the change',
  cancel: 'Cancel',
  saved: (n: number) =>
    n === 0 ? 'Saved. The evaluation did not change.' : `Saved. The evaluation was recomputed (${n} changes).`,
  historyTitle: 'Target history',
  historyCaption: 'Every target this indicator has had, oldest first, each with its document',
  colStage: 'Stage',
  colTarget: 'Target',
  colDocument: 'Document',
  colRevised: 'Replaced by',
  stage: { draft: 'draft', in_force: 'in force', superseded: 'superseded' },
  fromDate: (date: string) => `from ${date}`,
  noDocument: 'document unknown',
  pageN: (n: string) => `page ${n}`,
  lineN: (n: string) => `line ${n}`,
  docKinds: {
    congress_resolution: 'Party congress resolution',
    party_resolution: 'Party committee resolution',
    council_resolution: "People's Council resolution",
    law_resolution: 'National Assembly resolution',
    five_year_plan: 'Five-year plan',
    annual_plan: 'Annual plan',
    master_plan: 'Master plan',
    decision: 'Decision',
    plan: 'Plan',
    report: 'Report',
    statistical_release: 'Statistical release',
    press_article: 'Press article',
    web_page: 'Web page',
    other: 'Other',
  },
};

const catalogue: Record<Locale, TargetEditMessages> = { vi, en };

/** The target-editing messages in the reader's language. */
export function useTargetEditText(): TargetEditMessages {
  return catalogue[useLocale().locale];
}
