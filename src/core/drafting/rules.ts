// The catalogue of drafting rules: every rule the parser can fire, with what it means in both languages, so a draft
// explains itself ("why is this a threshold?") and a reviewer can judge each reading.
import type { Messages } from '../errors.ts';

export const RULES = {
  'section-forward': { vi: 'thuộc phần mục tiêu, chỉ tiêu, nhiệm vụ', en: 'in a targets, tasks or directions section' },
  'list-split': { vi: 'tách danh sách theo dấu ";"', en: 'a list split at ";"' },
  'sub-target': { vi: 'chỉ tiêu con sau "trong đó"', en: 'a sub-target after "trong đó"' },
  'inherited-context': {
    vi: 'năm hoặc động từ lấy từ phần dẫn của câu',
    en: 'year or verb taken from the lead-in of the sentence',
  },
  'year-stated': { vi: 'năm ghi trong câu ("đến năm …")', en: 'year written in the statement ("đến năm …")' },
  'year-from-term': { vi: 'không ghi năm: lấy năm cuối nhiệm kỳ', en: 'no year written: the last year of the term' },
  'period-stated': { vi: 'giai đoạn ghi trong câu', en: 'period written in the statement' },
  'term-of-office': {
    vi: 'nhiệm kỳ A–B tính từ năm A+1 (năm A là năm gốc)',
    en: 'a term A–B is evaluated from A+1 (A is the base year)',
  },
  'growth-per-year': {
    vi: '"tăng … %/năm" hoặc "tốc độ tăng bình quân": tăng trưởng bình quân',
    en: '"tăng … %/năm" or "tốc độ tăng bình quân": average annual growth',
  },
  'every-year': { vi: '"hằng năm": chỉ tiêu mỗi năm', en: '"hằng năm": a target for every year' },
  'cumulative-period': {
    vi: 'tổng của cả giai đoạn ("giai đoạn …", "thành lập", "hoàn thành", "thêm")',
    en: 'a total over the period ("giai đoạn …", "thành lập", "hoàn thành", "thêm")',
  },
  'term-average': {
    vi: '"bình quân N%" (không phải tăng trưởng) hoặc tỷ lệ của cả giai đoạn: bình quân giai đoạn',
    en: '"bình quân N%" (not a growth) or a share over a stated period: the term average',
  },
  'range-band': { vi: 'khoảng "a - b": trong khoảng là đạt', en: 'a range "a - b": inside the band is met' },
  'bound-above': { vi: '"trên / hơn": lớn hơn (chặt)', en: '"trên / hơn": strictly above' },
  'bound-below': { vi: '"dưới": nhỏ hơn (chặt)', en: '"dưới": strictly below' },
  'bound-at-least': {
    vi: '"từ … trở lên / ít nhất / tối thiểu / không dưới": lớn hơn hoặc bằng',
    en: '"từ … trở lên / ít nhất / tối thiểu / không dưới": at least',
  },
  'bound-at-most': {
    vi: '"không quá / tối đa / trở xuống": nhỏ hơn hoặc bằng',
    en: '"không quá / tối đa / trở xuống": at most',
  },
  maintain: {
    vi: '"duy trì / ổn định / giữ vững N": giữ ở mức N trở lên (trở xuống nếu càng thấp càng tốt)',
    en: '"duy trì / ổn định / giữ vững N": kept at N or better',
  },
  'total-or-level': {
    vi: 'tổng / vốn đầu tư không ghi năm hay giai đoạn: mức năm cuối hoặc tổng cả giai đoạn, cần chọn',
    en: 'a total or an investment with no year or period: the last year, or the sum over the term; to choose',
  },
  'level-plain': { vi: '"đạt N": mức cuối kỳ', en: '"đạt N": a level in the final year' },
  approximately: { vi: '"khoảng": giá trị gần đúng', en: '"khoảng": an approximate value' },
  'down-to': { vi: '"còn N": giảm xuống mức N (càng thấp càng tốt)', en: '"còn N": down to N (lower is better)' },
  'none-left': { vi: '"không còn …": về 0', en: '"không còn …": down to zero' },
  'units-standard': {
    vi: '"N% số xã (a/b xã) đạt chuẩn …": số đơn vị đạt chuẩn',
    en: '"N% of communes (a/b) meet …": units meeting a standard',
  },
  'rank-group': {
    vi: '"trong nhóm N / top N": thứ hạng không quá N',
    en: '"trong nhóm N / top N": rank N or better',
  },
  'rank-first': { vi: '"dẫn đầu / cao nhất": thứ hạng 1', en: '"dẫn đầu / cao nhất": rank 1' },
  'rank-list': { vi: 'danh sách các chỉ số cùng một thứ hạng', en: 'a list of indices sharing one rank' },
  'multiple-of-baseline': {
    vi: '"gấp N lần so với …": bội số của kỳ gốc',
    en: '"gấp N lần so với …": a multiple of a baseline',
  },
  'reduce-fraction': {
    vi: '"giảm N/M": còn lại (1 − N/M) của mức gốc',
    en: '"giảm N/M": (1 − N/M) of the baseline is left',
  },
  'at-least-one': {
    vi: '"có từ 01 … trở lên / ít nhất một": một mốc hoàn thành',
    en: '"có từ 01 … trở lên / ít nhất một": a milestone',
  },
  'milestone-verb': {
    vi: '"hoàn thành xóa … / bảo đảm phổ cập …": một mốc hoàn thành, không có con số',
    en: '"hoàn thành xóa … / bảo đảm phổ cập …": a milestone with no figure',
  },
  'scale-word': {
    vi: 'từ chỉ quy mô (nghìn, triệu, tỷ …) đổi thành số chính xác',
    en: 'a scale word (nghìn, triệu, tỷ …) turned into an exact number',
  },
  'per-denominator': {
    vi: '"trên 01 vạn dân / 1 ha": đơn vị tính theo mẫu số',
    en: '"trên 01 vạn dân / 1 ha": a per-unit measure',
  },
  'name-after-figure': {
    vi: 'tên chỉ tiêu đọc sau con số ("80% dân số có …")',
    en: 'indicator name read after the figure ("80% dân số có …")',
  },
  'name-inherited': {
    vi: 'con số không có tên riêng, đứng sau một chỉ tiêu: cùng chỉ tiêu đó ("…, tăng trưởng N%/năm", "trong đó năm N đạt …")',
    en: 'a figure with no name of its own after a target: the same indicator ("…, tăng trưởng N%/năm", "trong đó năm N đạt …")',
  },
  'name-area': {
    vi: 'tên chỉ nói nơi chốn ("khu vực nông thôn trên 85%"): cùng thước đo của chỉ tiêu trước, ở khu vực đó',
    en: 'a name that only says where ("khu vực nông thôn trên 85%"): the previous measure, in that area',
  },
  'name-from-lead': {
    vi: 'phần dẫn trước ":" nêu thước đo, mỗi vế nêu phần của nó ("Tỷ lệ trường đạt chuẩn: mầm non 75%, …")',
    en: 'the lead-in before ":" names the measure, each item its part ("Tỷ lệ trường đạt chuẩn: mầm non 75%, …")',
  },
  'name-from-unit': { vi: 'tên chỉ tiêu dựng từ đơn vị tính', en: 'indicator name built from the unit' },
  'increase-percent': {
    vi: '"tăng N%" không có "/năm" hay "bình quân": hai cách hiểu (mỗi năm, hoặc cả giai đoạn so với năm gốc)',
    en: '"tăng N%" without "/năm" or "bình quân": two readings (each year, or over the term against the base year)',
  },
  'benchmark-relative': {
    vi: '"thấp hơn / cao hơn bình quân cả nước": so với chuẩn so sánh, cần người duyệt khai báo chuẩn',
    en: '"thấp hơn / cao hơn bình quân cả nước": against a benchmark, which a reviewer must declare',
  },
  'decrease-percent': {
    vi: '"giảm N%": hai cách hiểu (tương đối hoặc điểm phần trăm)',
    en: '"giảm N%": two readings (relative, or percentage points)',
  },
} as const satisfies Record<string, Messages>;

export type RuleId = keyof typeof RULES;
