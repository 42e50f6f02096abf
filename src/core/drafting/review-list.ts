// Prints a draft as the review list a planning office reads (vi-VN): each target with its figure, its span of text,
// its confidence, the rules that fired and any doubt; then the statements not understood, with the reason.
import { formatNumber } from '../format/number.ts';
import type { TargetSpec } from '../targets/target.ts';
import { RULES, type RuleId } from './rules.ts';
import type { Draft, DraftReading } from './types.ts';

const n = (v: string) => formatNumber(v);

/** "tăng trưởng bình quân 14–14,5 %/năm, 2026–2030": one reading in words. */
export function describeReading(r: DraftReading): string {
  const s: TargetSpec = r.spec;
  const unit = r.unit ? (r.unit.startsWith('%') ? r.unit : ` ${r.unit}`) : '';
  const term = `${s.term.firstYear}–${s.term.lastYear}`;
  switch (s.kind) {
    case 'growth_average':
      return `tăng trưởng bình quân ${n(s.min)}${s.max ? `–${n(s.max)}` : ''}${unit}, ${term}`;
    case 'level_at_end':
      return `đạt ${n(s.value)}${unit} năm ${s.year}${s.direction === 'lower_better' ? ' (càng thấp càng tốt)' : ''}`;
    case 'range_at_end':
      return `trong khoảng ${n(s.min)}–${n(s.max)}${unit} năm ${s.year}`;
    case 'threshold':
      return `${s.op} ${n(s.value)}${unit} năm ${s.year}`;
    case 'cumulative':
      return `tổng ${n(s.value)}${s.max ? `–${n(s.max)}` : ''}${unit} cả giai đoạn ${term}`;
    case 'yearly_flow':
      return `${n(s.value)}${s.max ? `–${n(s.max)}` : ''}${unit} mỗi năm, ${term}`;
    case 'units_meeting_standard':
      return `${s.share ? `${n(s.share)}%` : ''}${s.count !== undefined ? ` (${s.count}/${s.ofCount ?? '?'})` : ''} đơn vị đạt chuẩn ${s.standard}, năm ${s.year}`;
    case 'rank':
      return `thứ hạng ≤ ${s.maxRank} trong ${s.among}, năm ${s.year}${s.milestones ? ' (mỗi năm)' : ''}`;
    case 'multiple_of_baseline':
      return `gấp ${n(s.factor)} lần so với ${s.baselinePeriod} (${s.compare === 'term_total' ? 'tổng giai đoạn' : 'mức năm cuối'})`;
    case 'milestone':
      return `mốc hoàn thành trước năm ${s.dueYear}`;
    case 'term_average':
      return `bình quân giai đoạn ${n(s.min)}${s.max ? `–${n(s.max)}` : ''}${unit}, ${term}`;
    case 'benchmark':
      return `${s.direction === 'lower_better' ? 'thấp hơn' : 'cao hơn'} ${s.benchmark.name}, năm ${s.year}`;
  }
}

const KIND_VI: Record<TargetSpec['kind'], string> = {
  growth_average: 'tăng trưởng bình quân',
  level_at_end: 'mức cuối kỳ',
  range_at_end: 'khoảng cuối kỳ',
  threshold: 'ngưỡng',
  cumulative: 'tổng giai đoạn',
  yearly_flow: 'hằng năm',
  units_meeting_standard: 'đơn vị đạt chuẩn',
  rank: 'thứ hạng',
  multiple_of_baseline: 'bội số kỳ gốc',
  milestone: 'mốc',
  term_average: 'bình quân giai đoạn',
  benchmark: 'so với chuẩn so sánh',
};

export function formatReviewList(draft: Draft): string {
  const out: string[] = [draft.summary.vi, ''];
  for (const item of draft.items) {
    const parent = item.indicator.parent ? ` (thuộc ${item.indicator.parent})` : '';
    out.push(`${item.id}  [tin cậy ${formatNumber(String(item.confidence))}] ${item.indicator.name}${parent}`);
    item.readings.forEach((r, i) => {
      const label = item.readings.length > 1 ? `cách hiểu ${i + 1}: ` : '';
      out.push(`    ${label}${KIND_VI[r.kind]}: ${describeReading(r)}`);
      for (const note of r.notExpressible) out.push(`    ! chưa diễn đạt được: ${note.vi}`);
    });
    const lines =
      item.span.line === item.span.lineEnd ? `dòng ${item.span.line}` : `dòng ${item.span.line}–${item.span.lineEnd}`;
    out.push(`    ${lines}: “${item.span.quote}”`);
    const rules = [...item.rules, ...(item.readings[0]?.rules ?? [])].map((r) => RULES[r as RuleId].vi);
    out.push(`    vì: ${[...new Set(rules)].join('; ')}`);
    for (const d of item.doubts) out.push(`    ? ${d.vi}`);
  }
  if (draft.notUnderstood.length > 0) {
    out.push('', 'Câu chưa đọc được:');
    for (const u of draft.notUnderstood) {
      out.push(`  dòng ${u.span.line}: “${u.span.quote}”`, `    lý do: ${u.reason.vi}`);
    }
  }
  return `${out.join('\n')}\n`;
}
