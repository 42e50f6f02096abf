// The report files print what the plan's summary counts: a draft is left out, a target for another scope or a
// parallel one is named in a note (issue 22's rule, src/core/plan-evaluation/counted.ts), never a second verdict.
import { describe, expect, it } from 'vitest';
import type { NotCounted } from '../../core/plan-evaluation/counted.ts';
import type { EvaluationRow } from '../evaluations/present-evaluation.ts';
import { notCountedWords } from '../evaluations/present-evaluation.ts';
import type { PlanEvaluationView } from '../evaluations/evaluate-plan.ts';
import { buildResultsTable, type IndicatorRow } from './results-table-model.ts';
import { buildStatusReport } from './status-report-model.ts';

function row(code: string, targetId: string, text: string, status: string, nc?: NotCounted): EvaluationRow {
  const r = {
    targetId,
    indicator: { code, name: `Chỉ tiêu ${code}`, unit: '%', parent: null },
    target: { kind: 'level_at_end', text },
    composite: null,
    actual: { value: '50', text: '50', period: '2025', estimate: false, method: 'latest' },
    inputs: [],
    explanation: { vi: 'giải thích', en: 'explanation' },
    override: null,
    status,
    displayStatus: { vi: status === 'not_met' ? 'Không đạt' : 'Đạt', en: status },
    ...(nc ? { notCounted: { ...nc, words: notCountedWords(nc) } } : {}),
  };
  return r as unknown as EvaluationRow;
}

const view = {
  plan: { code: 'p', name: 'Kế hoạch', term: { firstYear: 2021, lastYear: 2025 }, exceededAs: 'exceeded' },
  asOf: '2026-01-31',
  dataBasis: 'approved',
  publishedOn: null,
  summary: { vi: 'đạt 1/2 chỉ tiêu', en: 'met 1 of 2 targets' },
  counts: {},
  computedAt: null,
  rows: [
    row('1', 't1', '≥ 40', 'met'),
    row('1', 't1b', '≥ 60', 'not_met', { reason: 'parallel', countedTargetId: 't1' }),
    row('2', 't2', '≥ 70', 'not_met', { reason: 'draft' }),
    row('3', 't3', '≥ 45', 'not_met', { reason: 'other_scope', scope: { code: '30', name: 'Tỉnh cũ' } }),
    row('4', 't4', '≥ 90', 'not_met'),
  ],
} as unknown as PlanEvaluationView;

describe('report files and the targets a plan counts', () => {
  const table = buildResultsTable(view, { groups: new Map(), targetLastYear: new Map() });
  const lines = table.rows.filter((r): r is IndicatorRow => r.kind === 'indicator');
  const noteText = (r: IndicatorRow) => r.notes.map((n) => table.notes.find((x) => x.number === n)?.text ?? '');

  it('prints the counted target of an indicator, naming its parallel target in a note', () => {
    const one = lines.find((r) => r.code === '1');
    expect(one?.targetEnd?.text).toBe('≥ 40');
    expect(one?.verdict).toBe('Đạt');
    expect(noteText(one as IndicatorRow).join(' ')).toContain('Chỉ tiêu “≥ 60”: Chỉ tiêu song song');
  });

  it('leaves a draft out of the adopted plan’s table', () => {
    expect(lines.map((r) => r.code)).toEqual(['1', '3', '4']);
  });

  it('prints an indicator whose only target is for another scope, with that said in a note', () => {
    const three = lines.find((r) => r.code === '3') as IndicatorRow;
    expect(noteText(three).join(' ')).toContain('Phạm vi Tỉnh cũ (mã 30)');
  });

  it('counts and lists for attention only the counted targets in the status report', () => {
    const status = buildStatusReport(view, [], new Map(), {
      stories: new Map(),
      tasks: [],
      projects: [],
      agencyNames: new Map(),
    });
    expect(status.counts.reduce((n, c) => n + c.count, 0)).toBe(2);
    expect(status.attention.map((a) => a.code)).toEqual(['4']);
  });
});
