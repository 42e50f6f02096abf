// The results table of a plan ("Phụ lục 1" of a political report) as plain data: header labels, one row per
// indicator in the plan's order under its group, and the numbered notes. Pure: every file writer (xlsx, docx, pdf)
// draws this one model, so the three files cannot disagree.
import { formatDateShort, formatDateVi } from '../../core/format/date.ts';
import { formatNumber } from '../../core/format/number.ts';
import type { EvaluationRow } from '../evaluations/present-evaluation.ts';
import type { PlanEvaluationView } from '../evaluations/evaluate-plan.ts';
import { baselineLine, notMeetingLine } from './consolidation-lines.ts';

/** A figure or a target as printed; `value` (canonical decimal) when it is a number a spreadsheet can compute on. */
export interface Cell {
  text: string;
  value?: string;
  decimals?: number;
}

export interface GroupRow {
  kind: 'group';
  /** "A", "B" … in the order the groups first appear. */
  label: string;
  text: string;
}

export interface IndicatorRow {
  kind: 'indicator';
  code: string;
  /** STT column: the indicator's code for a top-level row; a sub-indicator shows none (the source's "-"). */
  stt: string;
  /** 0 for a top-level indicator, 1 for a sub-indicator, 2 below it. */
  level: number;
  name: string;
  /** Numbers of the notes attached to the row (printed after its name, like the source's footnote 109). */
  notes: number[];
  unit: string;
  targetEnd: Cell | null;
  targetAverage: Cell | null;
  /**
   * A target written as a phrase ("Thành lập 220 tổ chức đảng") spans both target columns: the phrase says whether it
   * is a level or an average, and one narrow column would break it into a word per line. It is then in `targetEnd`.
   */
  targetSpan: boolean;
  /** A later horizon the plan also states (Hải Dương's "Mục tiêu đến 2030"); only when the table has that column. */
  targetLater: Cell | null;
  actualEnd: Cell | null;
  actualAverage: Cell | null;
  /** The verdict in the plan's own words ("Ước đạt", "Vượt"); null when the target cannot be evaluated. */
  verdict: string | null;
  status: EvaluationRow['status'];
  estimate: boolean;
}

export type ResultsRow = GroupRow | IndicatorRow;

export interface ResultsTableModel {
  appendix: string;
  title: string;
  planName: string;
  planCode: string;
  /** "(Kèm theo Báo cáo số …)": left open, as NĐ 30 allows on an electronic document (filled in by the office). */
  attachedTo: string;
  /** When and on which figures the table was evaluated. */
  basisLine: string;
  asOf: string;
  columns: {
    targetGroup: string;
    targetEnd: string;
    targetAverage: string;
    targetLater: string | null;
    actualGroup: string;
    actualEnd: string;
    actualAverage: string;
    verdict: string;
  };
  rows: ResultsRow[];
  notes: { number: number; text: string }[];
  summary: string;
}

/** What the builder needs beyond the evaluation: each indicator's group, each target's horizon. */
export interface ResultsTableContext {
  groups: ReadonlyMap<string, string | null>;
  targetLastYear: ReadonlyMap<string, number>;
}

/** Group headings of the source's tables ("A Chỉ tiêu kinh tế"); an unknown group code is a section of the plan. */
const GROUP_TEXT: Record<string, string> = {
  economy: 'Chỉ tiêu kinh tế',
  society: 'Chỉ tiêu xã hội',
  environment: 'Chỉ tiêu môi trường',
  party_building: 'Chỉ tiêu xây dựng Đảng',
  defence_security: 'Chỉ tiêu quốc phòng, an ninh',
};

function groupText(code: string): string {
  return GROUP_TEXT[code] ?? `Chỉ tiêu nêu tại mục ${code} của Nghị quyết`;
}

/** Characters of a target's text beyond which it spans both target columns. */
const SPAN_AFTER = 14;

/** Target kinds judged on a yearly average: they fill the "Bình quân" columns; every other kind the end-year ones. */
const AVERAGE_KINDS = new Set(['growth_average', 'yearly_flow', 'term_average']);

function decimalsOf(value: string): number {
  const dot = value.indexOf('.');
  return dot < 0 ? 0 : value.length - dot - 1;
}

/** The figure at the precision it was recorded with ("46,40" stays "46,40", as the source prints it). */
function numberCell(value: string): Cell {
  const decimals = decimalsOf(value);
  return { text: formatNumber(value, { decimals }), value, decimals };
}

/** The achieved figure as the table prints it: the number, or the bound/range the source gave ("< 3,5"). */
function actualCell(r: EvaluationRow): Cell | null {
  if (r.composite) return null;
  if (r.actual.value !== null) return numberCell(r.actual.value);
  const written = r.actual.method === 'published_interval' ? r.inputs.find((v) => v.value === null)?.text : null;
  return written ? { text: written } : null;
}

function estimateNote(r: EvaluationRow): string {
  const used = r.inputs.filter((v) => v.status === 'estimate');
  // One note serves every estimate from the same document: it names the document, not each figure's page or line.
  const sources = [
    ...new Set(
      used.map((v) => v.source?.replace(/, (dòng|trang) \d+$/u, '') ?? null).filter((s): s is string => s !== null),
    ),
  ];
  const published = [...new Set(used.map((v) => v.publishedOn).filter((d): d is string => d !== null))];
  return [
    'Số liệu ước tính, chưa phải số liệu chính thức',
    sources.length > 0 ? `; nguồn: ${sources.join('; ')}` : '',
    published.length > 0 ? `, công bố ${published.map((d) => `ngày ${formatDateVi(d)}`).join(', ')}` : '',
    '.',
  ].join('');
}

/** Numbers notes in order of first use; the same text keeps its first number (one note for every estimate). */
class Notes {
  private readonly byText = new Map<string, number>();
  readonly list: { number: number; text: string }[] = [];
  add(text: string): number {
    const known = this.byText.get(text);
    if (known !== undefined) return known;
    const number = this.list.length + 1;
    this.byText.set(text, number);
    this.list.push({ number, text });
    return number;
  }
}

function depthOf(code: string, parents: ReadonlyMap<string, string | null>): number {
  let depth = 0;
  for (let p = parents.get(code) ?? null; p !== null && depth < 10; p = parents.get(p) ?? null) depth += 1;
  return depth;
}

/** The single year every end-column figure answers to, if they agree (the source's "Ước 2025"). */
function endYearOf(rows: EvaluationRow[], lastYear: number): string {
  const years = new Set(rows.map((r) => r.actual.period).filter((p): p is string => p !== null && /^\d{4}$/.test(p)));
  return years.size === 1 ? ([...years][0] as string) : String(lastYear);
}

export function buildResultsTable(view: PlanEvaluationView, context: ResultsTableContext): ResultsTableModel {
  const { firstYear, lastYear } = view.plan.term;
  const years = lastYear - firstYear + 1;
  const horizonOf = (r: EvaluationRow) => context.targetLastYear.get(r.targetId) ?? lastYear;
  const parents = new Map(view.rows.map((r) => [r.indicator.code, r.indicator.parent]));

  // The table prints the plan's counted targets, as its summary counts them. A draft is not part of the adopted
  // plan and is left out; a target for another scope or a parallel one is named in a note on its indicator's line
  // (or, when the indicator has no counted target, is the line itself, with that note).
  const counted = view.rows.filter((r) => r.notCounted === undefined);
  const aside = view.rows.filter((r) => r.notCounted !== undefined && r.notCounted.reason !== 'draft');
  const countedCodes = new Set(counted.map((r) => r.indicator.code));
  const printed = view.rows.filter(
    (r) => r.notCounted === undefined || (r.notCounted.reason !== 'draft' && !countedCodes.has(r.indicator.code)),
  );

  // One line per indicator: its targets of this term decide the row; a later horizon fills its own column.
  const byIndicator = new Map<string, { term: EvaluationRow[]; later: EvaluationRow[] }>();
  for (const r of printed) {
    const entry = byIndicator.get(r.indicator.code) ?? { term: [], later: [] };
    (horizonOf(r) > lastYear ? entry.later : entry.term).push(r);
    byIndicator.set(r.indicator.code, entry);
  }
  const laterYears = [...new Set(view.rows.map(horizonOf).filter((y) => y > lastYear))].sort();
  const mains = [...byIndicator.values()].map((e) => e.term[0] ?? e.later[0]).filter((r) => r !== undefined);
  const endRows = mains.filter((r) => !AVERAGE_KINDS.has(r.target.kind) && !r.composite && r.actual.value !== null);
  const endYear = endYearOf(endRows, lastYear);
  const allEstimates = endRows.length > 0 && endRows.every((r) => r.actual.estimate);

  const notes = new Notes();
  const rows: ResultsRow[] = [];
  let group: string | null = null;
  let groups = 0;
  for (const [code, { term, later }] of byIndicator) {
    const main = term[0] ?? later[0];
    if (!main) continue;
    const g = context.groups.get(code) ?? null;
    if (g !== null && g !== group) {
      rows.push({ kind: 'group', label: String.fromCharCode(65 + groups), text: groupText(g) });
      groups += 1;
    }
    group = g ?? group;
    const average = AVERAGE_KINDS.has(main.target.kind);
    const targetText = term
      .filter((r) => !r.composite)
      .map((r) => r.target.text)
      .join('; ');
    const targetCell = targetText ? { text: targetText } : null;
    const span = targetText.length > SPAN_AFTER;
    const actual = actualCell(main);
    const rowNotes: number[] = [];
    if (main.actual.estimate && actual !== null) rowNotes.push(notes.add(estimateNote(main)));
    // A figure for another period than its column's, or given as a bound or range, says so in a note.
    const columnPeriod = average ? `${firstYear}–${lastYear}` : endYear;
    const offColumn = actual !== null && main.actual.period !== null && main.actual.period !== columnPeriod;
    if (offColumn || main.actual.method === 'published_interval') rowNotes.push(notes.add(main.explanation.vi));
    if (main.override) rowNotes.push(notes.add(`Đánh giá điều chỉnh: ${main.explanation.vi}`));
    for (const r of aside.filter((a) => a.indicator.code === code)) {
      if (r.notCounted) rowNotes.push(notes.add(`Chỉ tiêu “${r.target.text}”: ${r.notCounted.words.vi}.`));
    }
    // A merged unit's base-period figure (its calculation, or the inputs missing) and the communes not yet meeting a
    // standard, each as the row's note (a footnote in Word and PDF, the notes under the sheet in the workbook).
    for (const r of term.length > 0 ? term : [main]) {
      const base = baselineLine(r);
      if (base !== null) rowNotes.push(notes.add(`Số kỳ gốc (${r.target.text}): ${base}`));
      const communes = notMeetingLine(r);
      if (communes !== null) rowNotes.push(notes.add(`Số đơn vị đạt chuẩn (${r.target.text}): ${communes}`));
    }
    const level = depthOf(code, parents);
    rows.push({
      kind: 'indicator',
      code,
      stt: level === 0 ? code : '',
      level,
      name: main.indicator.name,
      notes: rowNotes,
      unit: main.indicator.unit,
      targetEnd: average && !span ? null : targetCell,
      targetAverage: average && !span ? targetCell : null,
      targetSpan: span,
      targetLater:
        laterYears.length > 0 && later.length > 0 ? { text: later.map((r) => r.target.text).join('; ') } : null,
      actualEnd: average ? null : actual,
      actualAverage: average ? actual : null,
      verdict: term.length > 0 ? (main.displayStatus?.vi ?? null) : null,
      status: term.length > 0 ? main.status : null,
      estimate: main.actual.estimate,
    });
  }

  const basis = view.dataBasis === 'approved' ? 'số liệu đã phê duyệt' : 'mọi số liệu đã nhập, kể cả chưa phê duyệt';
  const published = view.publishedOn ? `, như đã công bố đến ngày ${formatDateShort(view.publishedOn)}` : '';
  return {
    appendix: 'Phụ lục 1',
    title: 'KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU',
    planName: view.plan.name,
    planCode: view.plan.code,
    attachedTo: '(Kèm theo Báo cáo số       /BC-      ngày      tháng      năm      )',
    basisLine: `Đánh giá đến ngày ${formatDateShort(view.asOf)} trên ${basis}${published}`,
    asOf: view.asOf,
    columns: {
      targetGroup: `Mục tiêu giai đoạn ${firstYear}–${lastYear}`,
      targetEnd: `Đến ${lastYear}`,
      targetAverage: `Bình quân ${years} năm`,
      targetLater: laterYears.length > 0 ? `Mục tiêu đến ${laterYears.join(', ')}` : null,
      actualGroup: 'Thực hiện',
      actualEnd: `${allEstimates ? 'Ước' : 'Năm'} ${endYear}`,
      actualAverage: `Bình quân ${years} năm`,
      verdict: 'So với mục tiêu',
    },
    rows,
    notes: notes.list,
    summary: view.summary.vi ? `Tổng hợp: ${view.summary.vi}.` : '',
  };
}
