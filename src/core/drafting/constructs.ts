// Target constructions that are not "a name, a verb, a figure": ranks ("trong nhóm 5 địa phương dẫn đầu"), units
// meeting a standard ("80% số xã (55/67 xã) đạt chuẩn …"), a fraction removed ("giảm 4/5 số hộ nghèo"), none left.
import { Decimal, toCanonical } from '../decimal.ts';
import type { Figure, UnitCount } from './figures.ts';
import { capitalise, nameBefore, tidy } from './names.ts';
import type { RuleId } from './rules.ts';

export interface RankFound {
  start: number;
  end: number;
  maxRank: number;
  among: string;
  /** Names of the ranked indices: one, or several for "cao nhất về A, B, C". */
  names: string[];
  rules: RuleId[];
}

const RANK_GROUP =
  /(?:trong|thuộc|vào|đứng trong)\s+(?:nhóm|top)\s+(\d{1,2})\s*((?:tỉnh, thành phố|tỉnh|thành phố|địa phương)[^,;.]*?)?(?=\s+về\s|[,;.]|$)/iu;
const RANK_NTH =
  /(?:đứng|xếp|xếp hạng)\s+(?:thứ\s+)?(\d{1,2})\s*((?:cả nước|toàn quốc|trong (?:vùng|khu vực)[^,;.]*)?)/iu;
const RANK_FIRST = /(?:thứ hạng\s+cao nhất|vị trí\s+dẫn đầu|dẫn đầu\s+cả nước|đứng đầu\s+cả nước)/iu;

/** Splits "A, B, C" where every item starts with the same word as the first ("chỉ số …, chỉ số …"). */
function sameHeadList(text: string): string[] {
  const head = /^(\p{L}+(?:\s+\p{L}+)?)/u.exec(text)?.[1];
  if (head === undefined) return [text];
  const parts = text.split(new RegExp(`,\\s+(?=${head}\\s)`, 'u'));
  return parts.map((p) => tidy(p)).filter((p) => p.length > 0);
}

export function findRank(clause: string): RankFound | null {
  const group = RANK_GROUP.exec(clause);
  const nth = group ? null : RANK_NTH.exec(clause);
  const first = group || nth ? null : RANK_FIRST.exec(clause);
  const m = group ?? nth ?? first;
  if (!m) return null;
  const maxRank = first ? 1 : Number(m[1]);
  const among = tidy(m[2] ?? '') || 'các tỉnh, thành phố cả nước';
  const before = nameBefore(
    clause.slice(0, m.index).replace(/(?:hằng|hàng|mỗi)\s+năm(?:\s+của\s+\p{L}+(?:\s+\p{L}+)?)?\s*$/u, ''),
  );
  const after = clause.slice(m.index + m[0].length);
  const about = /^\s*(?:[^,;.]*?\s)?về\s+(.+)$/u.exec(after);
  const aboutFirst = first ? /^\s*về\s+(.+)$/u.exec(after) : null;
  let names: string[];
  const rules: RuleId[] = [first ? 'rank-first' : 'rank-group'];
  if (aboutFirst) {
    names = sameHeadList(aboutFirst[1] ?? '');
    if (names.length > 1) rules.push('rank-list');
  } else if (about && (before.split(/\s+/).length < 3 || /phấn đấu/iu.test(before))) {
    names = [tidy(about[1] ?? '')];
  } else {
    names = [before];
  }
  return {
    start: m.index,
    end: m.index + m[0].length,
    maxRank,
    among,
    names: names.map((n) => capitalise(n.replace(/^(?:chỉ số|Chỉ số)?/u, (x) => x))),
    rules,
  };
}

const ADMIN_UNITS =
  /^\s*(?:số\s+)?(?:cấp\s+)?(xã, phường, đặc khu|xã, phường|xã|phường|thị trấn|huyện|quận|thị xã|đơn vị hành chính|thôn|tổ dân phố|khu dân cư|đặc khu)(?!\p{L})/iu;

export interface UnitsStandard {
  share: string;
  count?: number;
  ofCount?: number;
  standard: string;
  noun: string;
}

/** "80% số xã (tương ứng 55/67 xã) đạt chuẩn nông thôn mới nâng cao"; "97% cấp xã đạt chuẩn tiếp cận pháp luật". */
export function readUnitsStandard(f: Figure, post: string, counts: UnitCount[]): UnitsStandard | null {
  if (f.unit !== '%') return null;
  const noun = ADMIN_UNITS.exec(post);
  if (!noun) return null;
  // "đạt chuẩn nông thôn mới"; "đạt Bộ tiêu chí quốc gia về y tế xã" (the standard is the set of criteria itself).
  const std =
    /đạt\s+(?:(?:chuẩn|tiêu chuẩn)\s+(.+?)|((?:[Bb]ộ\s+)?tiêu chí\s+.+?))(?=\s+(?:vào|đến|tới)\s+năm|\s*[(;,.]|$)/u.exec(
      post,
    );
  if (!std) return null;
  const count = counts.find((c) => c.start >= f.end && c.start - f.end < 60);
  return {
    share: f.min,
    ...(count ? { count: count.count, ofCount: count.ofCount } : {}),
    standard: tidy(std[1] ?? std[2] ?? ''),
    noun: noun[1] ?? '',
  };
}

/**
 * "Tỷ lệ xã đạt chuẩn nông thôn mới đạt 100%": the same target with the units and the standard written in the name
 * before the figure.
 */
export function readNamedUnitsStandard(f: Figure, name: string): UnitsStandard | null {
  const rest = /^tỷ lệ\s+(.+)$/iu.exec(name.trim())?.[1];
  if (f.unit !== '%' || rest === undefined) return null;
  const noun = ADMIN_UNITS.exec(rest);
  if (!noun) return null;
  const std = /^\s*đạt\s+(?:(?:chuẩn|tiêu chuẩn)\s+(.+)|((?:[Bb]ộ\s+)?tiêu chí\s+.+))$/u.exec(
    rest.slice(noun[0].length),
  );
  if (!std) return null;
  return { share: f.min, standard: tidy(std[1] ?? std[2] ?? ''), noun: noun[1] ?? '' };
}

/** "giảm 4/5 số hộ nghèo": what is left is 1 − 4/5 of the baseline, exact when it terminates (else 6 decimals). */
export function readReducedFraction(
  clause: string,
): { start: number; end: number; factor: string; exact: boolean; text: string; name: string } | null {
  const m = /giảm\s+(\d{1,2})\s*\/\s*(\d{1,2})(?![\d/])\s*((?:số\s+)?[^,;.]+)?/u.exec(clause);
  if (!m) return null;
  const n = new Decimal(m[1] ?? '0');
  const d = new Decimal(m[2] ?? '1');
  if (d.isZero() || n.gt(d)) return null;
  const left = new Decimal(1).minus(n.div(d));
  const rounded = left.toDecimalPlaces(6);
  return {
    start: m.index,
    end: m.index + m[0].length,
    factor: toCanonical(rounded),
    exact: rounded.eq(left),
    text: m[0],
    name: capitalise(tidy(m[3] ?? '')),
  };
}

/** What is counted when it is left at zero: households, people, homes, administrative units, schools, sites. */
const COUNTED_LEFT =
  /^(?:hộ|người|nhà|căn|trẻ|học sinh|xã|phường|thôn|bản|làng|ấp|trường|phòng học|điểm|lớp|cơ sở|doanh nghiệp)(?!\p{L})/iu;

/**
 * "Đến năm 2030 không còn hộ nghèo": the level goes to zero. Without a year written (`yearStated` false) only what is
 * counted is read ("không còn hộ nghèo", "cơ bản không còn nhà tạm"), not "các quy định không còn phù hợp".
 */
export function readNoneLeft(
  clause: string,
  yearStated: boolean,
): { start: number; end: number; name: string; counted: string | null; basically: boolean } | null {
  const m = /(cơ bản\s+)?không còn\s+([^,;.()]+)/iu.exec(clause);
  if (!m) return null;
  // "vào cuối nhiệm kỳ", "đến năm 2030": when, not what.
  const what = tidy(m[2] ?? '').replace(
    /\s+(?:vào|đến|tới|trong)\s+(?:cuối\s+)?(?:năm|nhiệm kỳ|giai đoạn|kỳ)(?:\s.*)?$/iu,
    '',
  );
  const counted = COUNTED_LEFT.exec(what)?.[0].toLocaleLowerCase('vi') ?? null;
  if (!yearStated && counted === null) return null;
  return { start: m.index, end: m.index + m[0].length, name: capitalise(what), counted, basically: m[1] !== undefined };
}
