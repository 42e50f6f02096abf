// Finds the figures of a statement: a vi-VN number or range with its qualifier ("trên", "từ … trở lên", "khoảng"),
// scale word and unit, or a count of units ("55/67 xã"); years, codes, dates and ranks are not figures.
import { SCALE_SOURCE, VI_NUMBER_SOURCE, applyScale, readViNumber, writtenPrecision } from './vi-number.ts';

export type Qualifier = 'above' | 'below' | 'at_least' | 'at_most' | 'about' | 'down_to' | 'from' | 'times' | null;

export interface Figure {
  /** Offsets in the clause text. start includes the qualifier; end includes the unit and "trở lên". */
  start: number;
  end: number;
  qualifier: Qualifier;
  /** Decimal strings as written (scale word not applied). */
  min: string;
  max?: string;
  /** With the scale word applied (exact). */
  exactMin: string;
  exactMax?: string;
  scale: string | null;
  unit: string | null;
  /** Unit without the scale word ("đồng" for "tỷ đồng"). */
  baseUnit: string | null;
  precision: number;
  /** "trở lên" / "trở xuống" written after the figure. */
  after: 'or_more' | 'or_less' | null;
  /** A per-unit measure written as "trên 01 vạn dân". */
  perDenominator: boolean;
  text: string;
}

const QUALIFIERS: readonly [RegExp, Qualifier][] = [
  [/^(?:không vượt quá|không quá|tối đa)$/, 'at_most'],
  [/^(?:không dưới|không thấp hơn|tối thiểu|ít nhất)$/, 'at_least'],
  [/^(?:trên|hơn|cao hơn)$/, 'above'],
  [/^(?:dưới|thấp hơn)$/, 'below'],
  [/^(?:khoảng|gần|xấp xỉ|trên dưới)$/, 'about'],
  [/^còn$/, 'down_to'],
  [/^từ$/, 'from'],
];

const QUALIFIER_SOURCE =
  'không vượt quá|không quá|tối đa|không dưới|không thấp hơn|tối thiểu|ít nhất|trên dưới|cao hơn|thấp hơn|trên|hơn|dưới|khoảng|gần|xấp xỉ|còn|từ';

const DASH = String.raw`\s*(?:-|–|—|đến|tới)\s*`;

/** A number, optional percent sign and scale word, optionally a second one after a dash: "14-14,5%", "55% - 57%". */
const FIGURE = new RegExp(
  String.raw`(?<![\p{L}\d.,/“"'‘+])(?:(?<q>${QUALIFIER_SOURCE})\s+)?(?<a>${VI_NUMBER_SOURCE})(?<pa>\s*%)?(?:\s+(?<sa>${SCALE_SOURCE})(?!\p{L}|\s+(?:lệ|trọng)(?!\p{L})))?` +
    String.raw`(?:${DASH}(?<b>${VI_NUMBER_SOURCE})(?<pb>\s*%)?(?:\s+(?<sb>${SCALE_SOURCE})(?!\p{L}|\s+(?:lệ|trọng)(?!\p{L})))?)?(?![\d\p{L}]|\/\d|\.\d|,\d)`,
  'gu',
);

/** Measure words read as the unit of a count (longest first); anything else takes the first word after the number. */
const MEASURE_WORDS = [
  'giường bệnh',
  'bác sĩ',
  'doanh nghiệp',
  'hợp tác xã',
  'tổ chức',
  'nhà máy',
  'di tích',
  'hồ sơ',
  'hiện vật',
  'đảng viên',
  'lao động',
  'việc làm',
  'sản phẩm',
  'cán bộ',
  'căn hộ',
  'khu công nghiệp',
  'cụm công nghiệp',
  'dự án',
  'trường',
  'người',
  'lượt',
  'căn',
  'hộ',
  'xã',
  'ha',
  'km2',
  'km²',
  'km',
  'tấn',
  'TEU',
  'MW',
  'm2 sàn',
  'm2',
  'm² sàn',
  'm²',
  'lần',
  'đồng',
  'USD',
  'VNĐ',
];

/**
 * The per-unit part of a unit, as many as written: "/vạn dân", "/10.000 dân", "/người/năm", "/lao động", "/lớp",
 * "/km²". A number written in the denominator ("10.000 dân") stays in the unit: it says what the figure is per.
 */
const PER_SOURCE = String.raw`(?:\s*\/\s*(?:\d[\d.]*\s+)?(?:vạn dân|nghìn dân|lao động|km2|km²|m2|m²|\p{L}+)(?![\p{L}\d²]))+`;

const WORD_UNIT = new RegExp(
  String.raw`^\s*(?<w>${MEASURE_WORDS.join('|')}|\p{L}+)(?![\p{L}²])(?<per>${PER_SOURCE})?`,
  'u',
);
/** "phòng học/10.000 dân", "m2 sàn/người": a measure word, one more word, then the per-unit part. */
const MORE_WORD_PER = new RegExp(String.raw`^\s*(\p{L}+)(${PER_SOURCE})`, 'u');
const PERCENT_TAIL = /^\s*\/\s*năm(?!\p{L})/u;
const PERCENT_OF_ECONOMY = /^\s*(?:\/\s*|trong\s+|so với\s+|của\s+)?(GRDP|GDP)(?!\p{L})/u;
const OR_MORE = /^\s*(trở lên|trở xuống)(?!\p{L})/u;
/** "trên 01 vạn dân", "trên 1 ha": the denominator of a per-unit measure, not a figure. */
export const PER_DENOMINATOR =
  /^\s*trên\s+(?:0?1|một|10\.000|1\.000|100\.000)\s+(vạn dân|nghìn dân|dân|ha|km2|người)(?!\p{L})/u;

/** " / 10.000  dân / năm" → "/10.000 dân/năm". */
function perPart(per: string): string {
  return per.replace(/\s*\/\s*/gu, '/').replace(/\s+/gu, ' ');
}

function qualifierOf(word: string | undefined): Qualifier {
  if (word === undefined) return null;
  const w = word.replace(/\s+/g, ' ');
  return QUALIFIERS.find(([re]) => re.test(w))?.[1] ?? null;
}

/** Words after which a number is a year, a rank, an ordinal or a code, not a figure. */
const NOT_A_FIGURE_BEFORE =
  /(?:năm|giai đoạn|nhiệm kỳ|kỳ|khóa|khoá|thứ|nhóm|top|số|mức độ|lần thứ|tương ứng|Nghị quyết|Quyết định|ngày|tháng|Điều|khoản|điểm|cấp độ|chương|mục|phụ lục|hạng|vành đai|quốc lộ|tỉnh lộ|đường|tuyến|cầu|bến|lô|phiên bản|khóa|Khoá|Khóa)\s*$/iu;

/** Units that describe what is counted ("trẻ từ 3 đến 5 tuổi", "100 năm thành lập"): never a target's figure. */
const DESCRIPTOR_UNITS = /^(?:tuổi|năm|tầng|làn|tháng|ngày|giờ|phút|thế kỷ|sao)$/u;

/**
 * Counts of the document's own parts ("39 chỉ tiêu chủ yếu", "5 nhóm chỉ tiêu", "3 khâu đột phá", "12 nhóm giải
 * pháp"): they say how the resolution is built, never a target to track.
 */
const DOCUMENT_PARTS =
  /^\s*(?:nhóm\s+)?(?:chỉ tiêu|nhiệm vụ|khâu đột phá|đột phá|giải pháp|quan điểm|trụ cột|mục tiêu)(?!\p{L})/iu;

export function findFigures(clause: string): Figure[] {
  const out: Figure[] = [];
  let skippedEnd = -1;
  // "Số bác sĩ trên 10.000 dân đạt 15 bác sĩ": a denominator written before its figure waits for it.
  let denominatorFirst: string | null = null;
  for (const m of clause.matchAll(FIGURE)) {
    const g = m.groups ?? {};
    const aText = g.a ?? '';
    const a = readViNumber(aText);
    if (a === null) continue;
    const before = clause.slice(Math.max(0, m.index - 20), m.index);
    // "mức độ 3, 4": a number listed after one that was not a figure is not one either.
    const listed = skippedEnd >= 0 && /^\s*(?:,|và|hoặc)\s*$/u.test(clause.slice(skippedEnd, m.index));
    if (listed || (g.q === undefined && NOT_A_FIGURE_BEFORE.test(before))) {
      // "mức độ 3, 4": the next number of the list is skipped too; but after a year ("Đến năm 2030, 95% …") the
      // comma ends a phrase, not a list.
      skippedEnd = /^(?:19|20|21)\d\d$/u.test(aText) && g.pa === undefined ? -1 : m.index + m[0].length;
      continue;
    }
    if (/\($/.test(before.trimEnd()) && /^\d+$/.test(aText) && clause[m.index + m[0].length] === ')') continue;
    const isYear = (t: string | undefined) => t !== undefined && /^(?:19|20|21)\d\d$/.test(t);
    if (isYear(aText) && g.pa === undefined && g.sa === undefined) continue;
    if (g.pa === undefined && g.b === undefined && DOCUMENT_PARTS.test(clause.slice(m.index + m[0].length))) continue;
    const denominator = PER_DENOMINATOR.exec(clause.slice(m.index));
    const previous = out[out.length - 1];
    if (denominator && g.b === undefined) {
      const per = `${/^\d/u.test(denominator[0].replace(/^\s*trên\s+/u, '')) && !/^\s*trên\s+0?1\s/u.test(denominator[0]) ? `${denominator[0].replace(/^\s*trên\s+/u, '').split(/\s+/u)[0] ?? ''} ` : ''}${denominator[1] ?? ''}`;
      if (
        previous &&
        !previous.perDenominator &&
        (previous.baseUnit ?? '').indexOf('/') < 0 &&
        previous.end <= m.index
      ) {
        // "12 người … trên 01 vạn dân": the previous figure is per ten thousand people.
        previous.perDenominator = true;
        previous.baseUnit = `${previous.baseUnit ?? ''}/${per}`;
        previous.unit = previous.scale === null ? previous.baseUnit : `${previous.scale} ${previous.baseUnit}`;
      } else denominatorFirst = per;
      continue;
    }
    const bText = g.b;
    const b = bText === undefined ? null : readViNumber(bText);
    const percent = g.pa !== undefined || g.pb !== undefined;
    const scale = (g.sb ?? g.sa ?? null)?.replace(/\s+/g, ' ') ?? null;
    let end = m.index + m[0].length;
    let rest = clause.slice(end);
    let unit: string | null = null;
    let baseUnit: string | null = null;
    if (percent) {
      const perYear = PERCENT_TAIL.exec(rest);
      // "20% GRDP", "25 - 30% trong GRDP", "36,0%/GRDP": a share of the economy, its unit "% GRDP".
      const ofEconomy = perYear ? null : PERCENT_OF_ECONOMY.exec(rest);
      unit = perYear ? '%/năm' : ofEconomy ? `% ${ofEconomy[1] ?? ''}` : '%';
      baseUnit = unit;
      if (perYear) end += perYear[0].length;
      if (ofEconomy) end += ofEconomy[0].length;
    } else {
      const w = WORD_UNIT.exec(rest);
      // "trên 76 tuổi" is the figure of "tuổi thọ"; elsewhere ("trẻ từ 3 đến 5 tuổi") an age describes what is counted.
      const lifespan = /tuổi thọ/iu.test(clause.slice(0, m.index));
      if (w?.groups?.w !== undefined && DESCRIPTOR_UNITS.test(w.groups.w.toLocaleLowerCase('vi')) && !lifespan)
        continue;
      if (
        w?.groups?.w !== undefined &&
        !/^(?:và|hoặc|trở|vào|đến|năm|trong|so|của|là|cho|tại|trên)$/u.test(w.groups.w)
      ) {
        baseUnit = w.groups.w + perPart(w.groups.per ?? '');
        end += w[0].length;
        const more = MORE_WORD_PER.exec(clause.slice(end));
        if (more && w.groups.per === undefined) {
          baseUnit = `${baseUnit} ${more[1] ?? ''}${perPart(more[2] ?? '')}`;
          end += more[0].length;
        }
      }
      unit = baseUnit === null ? scale : scale === null ? baseUnit : `${scale} ${baseUnit}`;
    }
    rest = clause.slice(end);
    const orMore = OR_MORE.exec(rest);
    const after = orMore ? (orMore[1] === 'trở lên' ? 'or_more' : 'or_less') : null;
    if (baseUnit !== null && DESCRIPTOR_UNITS.test(baseUnit) && !(baseUnit === 'tuổi' && /tuổi thọ/iu.test(clause)))
      continue;
    if (denominatorFirst !== null && !percent) {
      baseUnit = `${baseUnit ?? ''}/${denominatorFirst}`;
      unit = scale === null ? baseUnit : `${scale} ${baseUnit}`;
      denominatorFirst = null;
    }
    const precision = Math.max(writtenPrecision(aText), bText === undefined ? 0 : writtenPrecision(bText));
    out.push({
      start: m.index,
      end: end + (orMore ? orMore[0].length : 0),
      qualifier: qualifierOf(g.q),
      min: a,
      ...(b !== null ? { max: b } : {}),
      exactMin: applyScale(a, scale),
      ...(b !== null ? { exactMax: applyScale(b, scale) } : {}),
      scale,
      unit,
      baseUnit,
      precision,
      after,
      perDenominator: false,
      text: clause.slice(m.index, end + (orMore ? orMore[0].length : 0)),
    });
  }
  return out;
}

/** "55/67 xã": a count of units of a stated total. */
export interface UnitCount {
  start: number;
  end: number;
  count: number;
  ofCount: number;
  noun: string;
}

export function findUnitCounts(clause: string): UnitCount[] {
  const out: UnitCount[] = [];
  for (const m of clause.matchAll(
    /(?<![\d/.,])(\d{1,5})\s*\/\s*(\d{1,5})(?![\d/])\s+(\p{L}+(?:\s+(?!đạt)\p{L}+)?)/gu,
  )) {
    const count = Number(m[1]);
    const ofCount = Number(m[2]);
    if (count > ofCount) continue;
    out.push({ start: m.index, end: m.index + m[0].length, count, ofCount, noun: m[3] ?? '' });
  }
  return out;
}
