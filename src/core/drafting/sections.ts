// Tells a resolution's forward-looking parts (objectives, targets, tasks, breakthroughs) from its review of the past
// term (results, shortcomings, lessons), by the words of its headings: only the former hold targets.

/** forward: targets live here; review: results of the past term; unknown: no heading has said which. */
export type SectionMood = 'forward' | 'review' | 'unknown';

const HEADING_MARK =
  /^(?:PHẦN\b|PHỤ LỤC\b|Phụ lục\b|Phần\b|[IVX]+\.\s|[A-HJ-UWYZ]\.\s|\d+(?:\.\d+)*\.\s|[a-zđ]\)\s|Chương\b|CHƯƠNG\b)/u;
const REVIEW_WORDS = /kết quả|tồn tại|hạn chế|nguyên nhân|bài học|đánh giá|tình hình thực hiện|đã đạt được/iu;
const FORWARD_WORDS =
  /mục tiêu|chỉ tiêu|nhiệm vụ|giải pháp|phương hướng|định hướng|đột phá|quan điểm|kế hoạch|tầm nhìn/iu;

export interface Heading {
  /** 0: PHẦN / PHỤ LỤC / CHƯƠNG; 1: I.; 2: A.; 3: 1.; 4: 1.1. …; then a). */
  level: number;
  /** What its words say, or null when they say neither. */
  mood: 'forward' | 'review' | null;
  /** The last year of a term or period the heading names ("(nhiệm kỳ 2020 - 2025)" → 2025), or null. */
  lastYear: number | null;
}

function levelOf(head: string): number {
  if (/^(?:PHẦN|PHỤ LỤC|Phụ lục|Phần|Chương|CHƯƠNG)\b/u.test(head)) return 0;
  if (/^[IVX]+\.\s/u.test(head)) return 1;
  // "A. VỀ KINH TẾ - XÃ HỘI": a lettered part between the Roman one and the numbered one (I, V, X stay Roman).
  if (/^[A-HJ-UWYZ]\.\s/u.test(head)) return 2;
  const dotted = /^(\d+(?:\.\d+)*)\.\s/u.exec(head);
  if (dotted) return 2 + (dotted[1] ?? '').split('.').length;
  return 9;
}

/** The heading a paragraph's first line opens (its title may wrap onto `nextLine`), or null when it is not one. */
export function readHeading(firstLine: string, nextLine = ''): Heading | null {
  const head = firstLine.trim();
  if (!HEADING_MARK.test(head) || head.length > 200 || /[;]\s*$/.test(head)) return null;
  const words = head.slice(0, 160);
  const mood = REVIEW_WORDS.test(words) ? 'review' : FORWARD_WORDS.test(words) ? 'forward' : null;
  const span = /(?:nhiệm\s+kỳ|giai\s+đoạn)\s+(?:19|20|21)\d\d\s*(?:-|–|—)\s*((?:19|20|21)\d\d)/iu.exec(
    `${head} ${nextLine.trim()}`,
  );
  return { level: levelOf(head), mood, lastYear: span ? Number(span[1]) : null };
}

/**
 * The mood of the text under a stack of headings: a heading rules until one of its level or above; a review section
 * stays a review whatever its sub-headings say (an appendix of results has rows titled "chỉ tiêu …").
 */
export class SectionTracker {
  private readonly moods: ('forward' | 'review' | null)[] = [];
  private readonly years: (number | null)[] = [];

  enter(h: Heading): void {
    this.moods.length = Math.min(this.moods.length, h.level);
    this.years.length = this.moods.length;
    while (this.moods.length < h.level) {
      this.moods.push(null);
      this.years.push(null);
    }
    this.moods.push(h.mood);
    this.years.push(h.lastYear);
  }

  /** The earliest end of a term named by an enclosing heading: a section about a past term holds no target. */
  get lastYear(): number | null {
    const named = this.years.filter((y): y is number => y !== null);
    return named.length === 0 ? null : Math.min(...named);
  }

  get mood(): SectionMood {
    if (this.moods.includes('review')) return 'review';
    return this.moods.includes('forward') ? 'forward' : 'unknown';
  }
}

/** A short numbered line without a figure is a heading, not a statement. */
export function isHeading(paragraph: string): boolean {
  const head = paragraph.trim();
  return HEADING_MARK.test(head) && head.length <= 160 && !/[;:,.]\s*$/.test(head) && !/\d+(?:,\d+)?\s*%/.test(head);
}
