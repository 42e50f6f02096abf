// The one-line summary of a whole plan's evaluation, honest about what is not known: a plan with no figures reads
// "81 chỉ tiêu chưa có số liệu", never "0/81 … có khả năng hoàn thành"; otherwise the review line of each phase,
// followed by how many targets still have no figures or cannot be evaluated.
import type { Locale } from '../format/date.ts';
import { formatNumber } from '../format/number.ts';
import { summarize } from './summary.ts';
import type { Vocabulary } from './vocabulary.ts';

export interface PlanSummaryRow {
  status: 'exceeded' | 'met' | 'not_met' | 'no_data' | 'on_track' | 'at_risk' | 'off_track' | null;
  phase: 'final' | 'in_term' | null;
  restsOnEstimate: boolean;
}

const TAILS = {
  vi: { noFigures: '{n} chỉ tiêu chưa có số liệu', notEvaluable: '{n} chỉ tiêu không đánh giá được' },
  en: { noFigures: '{n} targets have no figures yet', notEvaluable: '{n} targets cannot be evaluated' },
} as const;

export function planSummaryLine(
  rows: readonly PlanSummaryRow[],
  opts: { exceededAs: 'exceeded' | 'met'; locale: Locale; vocabulary?: Vocabulary },
): string {
  const count = (n: number, template: string): string =>
    template.replace('{n}', formatNumber(String(n), { locale: opts.locale }));
  const noFigures = rows.filter((r) => r.status === 'no_data').length;
  const notEvaluable = rows.filter((r) => r.status === null).length;
  const parts: string[] = [];
  // A phase is summarised only when at least one of its targets has a figure: "0/81" would read as a verdict.
  for (const phase of ['final', 'in_term'] as const) {
    const items = rows.flatMap((r) =>
      r.status !== null && r.phase === phase ? [{ status: r.status, restsOnEstimate: r.restsOnEstimate }] : [],
    );
    if (!items.some((i) => i.status !== 'no_data')) continue;
    const { vocabulary, exceededAs, locale } = opts;
    parts.push(summarize(items, { exceededAs, locale, kind: phase, ...(vocabulary ? { vocabulary } : {}) }).line);
  }
  const tails = TAILS[opts.locale === 'en' ? 'en' : 'vi'];
  if (noFigures > 0) parts.push(count(noFigures, tails.noFigures));
  if (notEvaluable > 0) parts.push(count(notEvaluable, tails.notEvaluable));
  return parts.join('; ');
}
