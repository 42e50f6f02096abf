// Calendar dates as the state writes them, in one place. Dates are ISO strings ("2026-03-05") in data, API and
// files: a calendar day, no time zone, so a cut-off or an issue date never shifts with the server's zone.
// Vietnamese forms follow NĐ 30/2020/NĐ-CP Phụ lục I, II.4.b: day, month and year in Arabic numerals, a leading
// zero for days below 10 and for months 1 and 2 only ("ngày 05 tháng 3 năm 2026", "ngày 12 tháng 02 năm 2026").
// Years never get a thousands separator.
import { ValidationError } from '../errors.ts';

export type Locale = 'vi' | 'en';

/** A calendar day; month and day are 1-based. */
export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

/** "YYYY-MM-DD". */
export type IsoDate = string;

const MONTHS_EN = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function invalidDate(text: string): never {
  throw new ValidationError(
    {
      vi: `Ngày "${text}" không hợp lệ (dùng dạng YYYY-MM-DD, ví dụ 2026-03-05)`,
      en: `Date "${text}" is invalid (use YYYY-MM-DD, e.g. 2026-03-05)`,
    },
    [],
    'invalid_date',
    { date: text },
  );
}

/** Parses "2026-03-05"; refuses impossible days such as "2026-02-30". */
export function parseIsoDate(text: string): CalendarDate {
  const m = typeof text === 'string' ? ISO_DATE.exec(text) : null;
  if (!m) return invalidDate(String(text));
  const date = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
  if (date.month < 1 || date.month > 12 || date.day < 1 || date.day > daysInMonth(date.year, date.month))
    return invalidDate(text);
  return date;
}

export function isIsoDate(text: unknown): text is IsoDate {
  try {
    parseIsoDate(text as string);
    return true;
  } catch {
    return false;
  }
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

export function toIsoDate(d: CalendarDate): IsoDate {
  return `${pad(d.year, 4)}-${pad(d.month, 2)}-${pad(d.day, 2)}`;
}

function asCalendar(date: IsoDate | CalendarDate): CalendarDate {
  return typeof date === 'string' ? parseIsoDate(date) : parseIsoDate(toIsoDate(date));
}

/** Negative when a is earlier, 0 on the same day, positive when later. */
export function compareIsoDates(a: IsoDate, b: IsoDate): number {
  const x = toIsoDate(parseIsoDate(a));
  const y = toIsoDate(parseIsoDate(b));
  return x < y ? -1 : x > y ? 1 : 0;
}

export function addDays(date: IsoDate, days: number): IsoDate {
  const d = parseIsoDate(date);
  const t = new Date(Date.UTC(d.year, d.month - 1, d.day + days));
  return toIsoDate({ year: t.getUTCFullYear(), month: t.getUTCMonth() + 1, day: t.getUTCDate() });
}

/** 0 = Sunday … 6 = Saturday. */
export function dayOfWeek(date: IsoDate): number {
  const d = parseIsoDate(date);
  return new Date(Date.UTC(d.year, d.month - 1, d.day)).getUTCDay();
}

/** Vietnam keeps UTC+07:00 all year (no daylight saving), so the offset is a constant. */
const VIETNAM_OFFSET_MS = 7 * 60 * 60 * 1000;

/** The calendar day in Vietnam at an instant: "today" for an evaluation date. */
export function vietnamDateOf(instant: Date): IsoDate {
  const t = new Date(instant.getTime() + VIETNAM_OFFSET_MS);
  return toIsoDate({ year: t.getUTCFullYear(), month: t.getUTCMonth() + 1, day: t.getUTCDate() });
}

/** ISO 8601 with the Vietnam offset, as NĐ 30 Phụ lục I asks for signing times: "2026-03-05T09:30:00+07:00". */
export function formatVietnamTimestamp(instant: Date): string {
  const t = new Date(instant.getTime() + VIETNAM_OFFSET_MS);
  const time = `${pad(t.getUTCHours(), 2)}:${pad(t.getUTCMinutes(), 2)}:${pad(t.getUTCSeconds(), 2)}`;
  return `${vietnamDateOf(instant)}T${time}+07:00`;
}

/** NĐ 30 Phụ lục I, II.4.b: leading zero for days below 10. */
function dayText(day: number): string {
  return pad(day, 2);
}

/** NĐ 30 Phụ lục I, II.4.b: leading zero for months 1 and 2 only (so "02" but "3", "12"). */
function monthText(month: number): string {
  return month <= 2 ? pad(month, 2) : String(month);
}

/** "ngày 05 tháng 3 năm 2026" (the full form of NĐ 30); English "5 March 2026". */
export function formatDateLong(date: IsoDate | CalendarDate, locale: Locale = 'vi'): string {
  const d = asCalendar(date);
  if (locale === 'en') return `${d.day} ${MONTHS_EN[d.month - 1] ?? ''} ${d.year}`;
  return `ngày ${dayText(d.day)} tháng ${monthText(d.month)} năm ${d.year}`;
}

/**
 * Place and date of an issued document (NĐ 30 Phụ lục I, II.4.b; a comma after the place name):
 * "Hải Phòng, ngày 05 tháng 3 năm 2026".
 */
export function formatIssueDate(place: string, date: IsoDate | CalendarDate, locale: Locale = 'vi'): string {
  return `${place}, ${formatDateLong(date, locale)}`;
}

/**
 * The short form of running text and citations ("Nghị quyết số 57-NQ/TW, ngày 22/12/2024"; reports' "số liệu từ
 * 15/12/2025 đến 14/3/2026"). No rule fixes its zeros; we apply NĐ 30's rule for the full form so both forms of a
 * date agree: "05/3/2026", "12/02/2026", "15/12/2025", "01/7/2025". English: "5 Mar 2026".
 */
export function formatDateShort(date: IsoDate | CalendarDate, locale: Locale = 'vi'): string {
  const d = asCalendar(date);
  if (locale === 'en') return `${d.day} ${(MONTHS_EN[d.month - 1] ?? '').slice(0, 3)} ${d.year}`;
  return `${dayText(d.day)}/${monthText(d.month)}/${d.year}`;
}

/** The Vietnamese short form regardless of locale: "05/3/2026". */
export function formatDateVi(date: IsoDate | CalendarDate): string {
  return formatDateShort(date, 'vi');
}

export function monthNameEn(month: number): string {
  return MONTHS_EN[month - 1] ?? String(month);
}
