// What the report files print about units: a merged unit's base-period figure (consolidated from the former units
// with the calculation written out, entered for the merged unit, or missing with each missing input named), and the
// communes not yet meeting a standard. Pure: the results table's notes and the status report's sections both read
// these lines, so the two files cannot disagree.
import { formatNumber } from '../../core/format/number.ts';
import type { EvaluationRow } from '../evaluations/present-evaluation.ts';

const ROLE_WORDS: Record<string, string> = {
  value: 'giá trị',
  weight: 'quyền số',
  numerator: 'tử số',
  denominator: 'mẫu số',
  level: 'mức kỳ tính',
  base_level: 'mức kỳ gốc',
};

function end(text: string): string {
  return /[.!?…]$/u.test(text) ? text : `${text}.`;
}

/**
 * The base-period figure of a merged unit's row as a report prints it, or null when the row reads none. Consolidated:
 * the result, the formula and every input with its unit, plan, indicator, period and source line. Entered: the entered
 * figure wins and the consolidation is given beside it. Missing: which input of which unit is missing, and that the
 * plan owner may enter the figure with its source instead.
 */
export function baselineLine(row: Pick<EvaluationRow, 'baseline'>): string | null {
  const b = row.baseline;
  if (b === undefined) return null;
  const c = b.consolidation;
  const inputs = c.inputs
    .map((i) => {
      const where = [
        `kế hoạch ${i.plan}, chỉ tiêu ${i.indicator}`,
        i.source.title ?? null,
        i.source.line !== null ? `dòng ${i.source.line}` : null,
      ]
        .filter((x): x is string => x !== null)
        .join(', ');
      return `${i.unitName ?? i.unit}: ${ROLE_WORDS[i.role] ?? i.role} (${i.seriesName?.vi ?? i.series}) kỳ ${i.period} = ${formatNumber(i.value)} (${where})`;
    })
    .join('; ');
  const calculation = `Cách tính: ${c.method.vi}, ${c.formula.vi}${inputs ? `; ${inputs}` : ''}`;
  if (b.source === 'consolidated') return `${end(c.footnote.vi)} ${end(calculation)}`;
  if (b.source === 'entered')
    return `Số kỳ gốc ${b.period} là số liệu đã nhập cho đơn vị hợp nhất; số hợp nhất từ đơn vị cũ để đối chiếu: ${end(c.footnote.vi)}`;
  // The missing inputs once: each with where it was looked for (the footnote's own short list is not repeated).
  const missing = c.missing.map((m) => m.reason.vi).join('; ');
  return [
    missing
      ? `Chưa đủ số liệu để tính số kỳ gốc ${b.period} hợp nhất từ các đơn vị cũ. ${end(`Thiếu: ${missing}`)}`
      : end(c.footnote.vi),
    c.inputs.length > 0 ? end(`Đã có: ${inputs}`) : null,
    `Chủ kế hoạch có thể nhập số kỳ gốc ${b.period} như một số liệu có nguồn.`,
  ]
    .filter((x): x is string => x !== null)
    .join(' ');
}

/**
 * For a target counted over communes: the latest year's count and the communes not meeting the standard or without a
 * figure, by name and code, with their commune editors when the reader may see them (the evaluation decides).
 */
export function notMeetingLine(row: Pick<EvaluationRow, 'unitCounts'>): string | null {
  const last = row.unitCounts?.[row.unitCounts.length - 1];
  if (last === undefined) return null;
  const name = (n: { code: string; name: string; owners: string[] }) =>
    `${n.name} (${n.code}${n.owners.length > 0 ? `; ${n.owners.join(', ')}` : ''})`;
  const notMet = (last.notMeeting ?? []).filter((n) => n.reason === 'not_met');
  const noFigure = (last.notMeeting ?? []).filter((n) => n.reason === 'no_figure');
  return [
    `Năm ${last.period}: ${last.count}/${last.of} đơn vị đạt chuẩn (${formatNumber(last.share, { decimals: 1 })}%).`,
    notMet.length > 0 ? `Chưa đạt (${notMet.length}): ${notMet.map(name).join(', ')}.` : null,
    noFigure.length > 0 ? `Chưa có số liệu (${noFigure.length}): ${noFigure.map(name).join(', ')}.` : null,
  ]
    .filter((x): x is string => x !== null)
    .join(' ');
}
