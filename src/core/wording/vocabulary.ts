// Verdict vocabularies as data with their source. The words are drafting conventions seen in official texts, not
// defined by any rule (vn-conventions §4.3): a plan picks a vocabulary and may bring its own.
import type { LegalBasis } from '../legal/document.ts';
import type { Locale } from '../format/date.ts';
import type { PrintedStatus } from './status.ts';

export interface Vocabulary {
  id: string;
  locale: Locale;
  words: Record<PrintedStatus, string>;
  /**
   * How a verdict resting on estimates is marked (vn-conventions §6.3 STAT-3): 'prefix' puts the marker before the
   * word ("Ước đạt", as official texts write "GRDP ước đạt 11,81%"), 'suffix' after it ("Đạt (ước)").
   */
  estimate: { style: 'prefix' | 'suffix'; marker: string };
  /** Summary lines; {n} good, {m} total, {est} replaced by `summaryEstimate` when a counted verdict rests on estimates. */
  summary: { verbFirst: string; countFirst: string; inTerm: string; estimate: string };
  basis: LegalBasis;
}

const SEEN_IN_OFFICIAL_TEXTS: LegalBasis = {
  kind: 'custom',
  note: {
    vi: 'Cách viết thường dùng trong văn bản chính thức: cột "So với mục tiêu" của Phụ lục 1 Báo cáo chính trị (Vượt, Đạt, Không đạt); báo cáo của Chính phủ ngày 20/10/2025 ("đạt và vượt 22/26 chỉ tiêu", "xấp xỉ đạt 2/26"); Chỉ thị 31/CT-TTg ("cơ bản hoàn thành"); "ước đạt" của cơ quan thống kê. Không có quy định nào định nghĩa các từ này.',
    en: 'Drafting usage in official texts: the "So với mục tiêu" column of the political report’s Phụ lục 1 (Vượt, Đạt, Không đạt); the Government report of 20/10/2025 ("đạt và vượt 22/26", "xấp xỉ đạt 2/26"); Directive 31/CT-TTg ("cơ bản hoàn thành"); the statistics office’s "ước đạt". No rule defines these words.',
  },
};

/** The Vietnamese words of a plan's results table; estimates marked "Ước …". */
export const VI_OFFICIAL: Vocabulary = {
  id: 'vi-official',
  locale: 'vi',
  words: {
    exceeded: 'Vượt',
    met: 'Đạt',
    not_met: 'Không đạt',
    nearly_met: 'Xấp xỉ đạt',
    basically_met: 'Cơ bản đạt',
    no_data: 'Chưa có số liệu',
    // Forward-looking verdicts of a mid-term review (NQ 31/2021/QH15 review: "có khả năng hoàn thành", "khó đạt").
    on_track: 'Có khả năng hoàn thành',
    // No attested word between the two; chitieu's own wording.
    at_risk: 'Có nguy cơ không đạt',
    off_track: 'Khó đạt',
  },
  estimate: { style: 'prefix', marker: 'Ước' },
  summary: {
    verbFirst: '{est}đạt và vượt {n}/{m} chỉ tiêu',
    countFirst: 'Có {n}/{m} chỉ tiêu {est}đạt và vượt',
    inTerm: '{n}/{m} chỉ tiêu có khả năng hoàn thành',
    estimate: 'ước ',
  },
  basis: SEEN_IN_OFFICIAL_TEXTS,
};

/** The same words, estimates marked after the word so the verdict column keeps its words ("Đạt (ước)"). */
export const VI_OFFICIAL_SUFFIX: Vocabulary = {
  ...VI_OFFICIAL,
  id: 'vi-official-suffix',
  estimate: { style: 'suffix', marker: '(ước)' },
};

export const EN_STANDARD: Vocabulary = {
  id: 'en-standard',
  locale: 'en',
  words: {
    exceeded: 'Exceeded',
    met: 'Met',
    not_met: 'Not met',
    nearly_met: 'Nearly met',
    basically_met: 'Basically met',
    no_data: 'No data yet',
    on_track: 'On track',
    at_risk: 'At risk',
    off_track: 'Off track',
  },
  estimate: { style: 'suffix', marker: '(est.)' },
  summary: {
    verbFirst: '{n}/{m} targets {est}met or exceeded',
    countFirst: '{n} of {m} targets {est}met or exceeded',
    inTerm: '{n}/{m} targets on track',
    estimate: 'estimated ',
  },
  basis: { kind: 'custom', note: { vi: 'Bản dịch tiếng Anh của chitieu', en: 'chitieu’s English rendering' } },
};

export const VOCABULARIES: readonly Vocabulary[] = [VI_OFFICIAL, VI_OFFICIAL_SUFFIX, EN_STANDARD];

export function defaultVocabulary(locale: Locale): Vocabulary {
  return locale === 'en' ? EN_STANDARD : VI_OFFICIAL;
}
