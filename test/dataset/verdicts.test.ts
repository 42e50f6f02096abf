// The source document's own verdicts as a test of the evaluation engine (issue 3, "Tests"): every 2020–2025 target
// of both former units whose row carries a verdict in Phụ lục 1 ("So với mục tiêu") is evaluated at the end of 2025
// and compared on the printed word. The disagreements must be exactly the committed, explained list, so a new one or
// a fixed one fails here. docs/verdicts-2020-2025.md is generated from the same results (WRITE_VERDICTS_DOC=1).
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  planVerdictRows,
  summarizePlan,
  type PlanIndicator,
  type PlanLike,
  type SummaryPair,
  type VerdictRow,
} from '../../src/core/reporting/plan-verdicts.ts';
import { ROOT, SOURCE } from './dataset.ts';

interface Known {
  plan: string;
  indicator: string;
  reportedText: string;
  engineStatus: string | null;
  engineActual: string | null;
  category: 'engine_bug' | 'dataset_error' | 'source_inconsistent' | 'source_convention' | 'source_no_figure';
  reason: string;
}

const load = (id: string): PlanLike =>
  JSON.parse(readFileSync(path.join(ROOT, 'data/plans', `${id}.json`), 'utf8')) as PlanLike;
const KNOWN_PATH = path.join(ROOT, 'test/dataset/known-verdict-disagreements.json');
const DOC_PATH = path.join(ROOT, 'docs/verdicts-2020-2025.md');
const known = JSON.parse(readFileSync(KNOWN_PATH, 'utf8')) as Known[];

/** The rows each document summary counts: Hải Phòng's 18 socio-economic rows (table 1.1), Hải Dương's 19 (2.1 + 2.2). */
const PLANS: { id: string; short: string; counted: (i: PlanIndicator) => boolean; documentLines: [number, number] }[] =
  [
    {
      id: 'hai-phong-2020-2025',
      short: 'Hải Phòng',
      counted: (i) => i.parent === null && Number(i.code) <= 18,
      documentLines: [42, 43],
    },
    { id: 'hai-duong-2020-2025', short: 'Hải Dương', counted: (i) => i.parent === null, documentLines: [43, 45] },
  ];

const results = PLANS.map((p) => {
  const plan = load(p.id);
  return { ...p, plan, rows: planVerdictRows(plan, { counted: p.counted }), summary: summarizePlan(plan, p.counted) };
});
const allRows = results.flatMap((r) => r.rows);
const key = (plan: string, code: string): string => `${plan}#${code}`;
const knownByKey = new Map(known.map((k) => [key(k.plan, k.indicator), k]));

const asKnown = (r: VerdictRow): Omit<Known, 'category' | 'reason'> => ({
  plan: r.plan,
  indicator: r.code,
  reportedText: r.reported?.text ?? '',
  engineStatus: r.judgement.status,
  engineActual: r.judgement.actual,
});

describe('the 2020–2025 verdicts of Phụ lục 1 against the engine', () => {
  it('compares every row that carries a verdict, at the end of 2025', () => {
    for (const { plan, rows } of results) {
      const withVerdict = plan.indicators.filter((i) => i.reportedVerdict).map((i) => i.code);
      expect(rows.filter((r) => r.reported !== null).map((r) => r.code)).toEqual(withVerdict);
      expect(plan.plan.term.lastYear).toBe(2025);
    }
    expect(allRows.filter((r) => r.reported !== null)).toHaveLength(40);
  });

  it('disagrees exactly where the committed list says, and nowhere else', () => {
    const found = allRows.filter((r) => r.comparison.agreement === 'disagrees').map(asKnown);
    const listed = known.map(({ category: _c, reason: _r, ...rest }) => rest);
    expect(found).toEqual(listed);
  });

  it('explains every listed disagreement by the source lines or a data_quality note', () => {
    for (const k of known) {
      expect(k.reason, `${k.plan} ${k.indicator}`).toMatch(/lines? \d{2,4}|data_quality note/);
      const prefix = {
        engine_bug: 'engine bug: ',
        dataset_error: 'dataset: ',
        source_inconsistent: 'source: ',
        source_convention: 'source: ',
        source_no_figure: 'source: ',
      }[k.category];
      expect(
        k.reason.startsWith(prefix),
        `${k.plan} ${k.indicator}: "${k.reason.slice(0, 20)}…" for ${k.category}`,
      ).toBe(true);
    }
  });

  it('is final wherever it has a verdict; an evaluation that is not final at the end of the term is a listed engine bug', () => {
    for (const r of allRows) {
      if (r.comparison.reason !== 'compared' || r.judgement.phase === 'final') continue;
      expect(knownByKey.get(key(r.plan, r.code))?.category, `${r.plan} ${r.code} is ${r.judgement.phase}`).toBe(
        'engine_bug',
      );
    }
  });

  it('cites the source inconsistencies the dataset notes record (HD row 16, HP row 17)', () => {
    expect(knownByKey.get(key('hai-duong-2020-2025', '16'))?.category).toBe('source_inconsistent');
    expect(knownByKey.get(key('hai-phong-2020-2025', '17'))?.category).toBe('source_inconsistent');
  });

  it('reads the document summaries "11/18 … 07/18" and "17/19 … 02/19" and recomputes them from the dataset', () => {
    const [hp, hd] = results as [(typeof results)[number], (typeof results)[number]];
    expect(SOURCE[42 - 1]).toContain('11/18');
    expect(SOURCE[43 - 1]).toContain('07/18');
    expect(SOURCE[44 - 1]).toContain('17/19');
    expect(SOURCE[44 - 1]).toContain('02/19');
    expect([hp.summary.reported.good, hp.summary.reported.total]).toEqual([11, 18]);
    expect(hp.summary.reported.counts.find((c) => c.status === 'not_met')?.count).toBe(7);
    // Hải Dương: 16 verdicts of met and exceeded, 2 not met (rows 6 and 13), and row 19 without a verdict, which the
    // document's 17/19 counts as met (dataset note on row 19, lines 3361, 43–44).
    expect([hd.summary.reported.good, hd.summary.reported.total]).toEqual([16, 19]);
    expect(hd.summary.reportedStatuses['19']).toBe('no_data');
    expect(hd.summary.reported.counts.find((c) => c.status === 'not_met')?.count).toBe(2);
  });

  it('docs/verdicts-2020-2025.md is the table of these results', () => {
    const doc = renderDoc();
    if (process.env.WRITE_VERDICTS_DOC === '1') writeFileSync(DOC_PATH, doc);
    expect(readFileSync(DOC_PATH, 'utf8')).toBe(doc);
  });
});

// ---- the generated document ----

const cell = (s: string | null | undefined): string => (s ?? '—').replace(/\|/g, '\\|').replace(/\n/g, ' ');

function engineCell(r: VerdictRow): string {
  const c = r.comparison.engine;
  if (c.status === null) return r.judgement.basis === 'straddles' ? 'undetermined (interval straddles)' : '—';
  const phase = r.judgement.phase === 'final' ? '' : `, ${r.judgement.phase ?? '?'}`;
  return `${c.word} (${c.status}${phase})`;
}

function reasonCell(r: VerdictRow): string {
  const k = knownByKey.get(key(r.plan, r.code));
  if (r.comparison.agreement === 'disagrees') return k ? `${k.reason} [${k.category}]` : 'UNLISTED';
  const notes = r.dataQuality.map((n) => `data_quality (lines ${n.lines.join(', ')}): ${n.text}`);
  const basis =
    r.judgement.basis === 'interval'
      ? [`value given as ${r.judgement.actual}: every value it allows gives ${r.judgement.status}`]
      : [];
  const why = {
    compared: [],
    no_reported_verdict: ['no verdict in the source for this row'],
    no_figure: ['the source reports a verdict but no figure to check it against'],
    interval_straddles: ['the value given as a bound/range allows more than one status'],
  }[r.comparison.reason];
  const all = [...why, ...basis, ...notes];
  return all.length === 0 ? '' : all.join(' · ');
}

function summaryBlock(short: string, s: SummaryPair, documentLines: [number, number]): string[] {
  const doc = SOURCE.slice(documentLines[0] - 1, documentLines[1])
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();
  const per = (statuses: Record<string, string>): string => s.codes.map((c) => `${c} ${statuses[c]}`).join(', ');
  return [
    `### ${short} (rows ${s.codes[0]}–${s.codes[s.codes.length - 1]}, ${s.codes.length} rows)`,
    '',
    `- The document (lines ${documentLines[0]}–${documentLines[1]}): "${doc}"`,
    `- From the dataset's reported verdicts: **${s.reported.line}** (${s.reported.counts.map((c) => c.text).join(', ')}) — ${per(s.reportedStatuses)}`,
    `- From the engine (summarize, evaluations at the end of 2025; not final counts as no data): **${s.engine.line}** (${s.engine.counts.map((c) => c.text).join(', ')}) — ${per(s.engineStatuses)}`,
    '',
  ];
}

function renderDoc(): string {
  const count = (rows: VerdictRow[], a: string): number => rows.filter((r) => r.comparison.agreement === a).length;
  const counts = (rows: VerdictRow[]): string =>
    `agree ${count(rows, 'agrees')} / disagree ${count(rows, 'disagrees')} / not comparable ${count(rows, 'not_comparable')}`;
  const lines: string[] = [
    '# The 2020–2025 verdicts of Phụ lục 1 against the evaluation engine',
    '',
    'Generated by `test/dataset/verdicts.test.ts` (`WRITE_VERDICTS_DOC=1 npx vitest run --project integration test/dataset/verdicts.test.ts`);',
    'the test fails when this file is stale. Source: `../shared/source/000_fcfbe4c97d396d0a.txt`, Phụ lục 1 (lines 2765–3362).',
    '',
    'Every row with a verdict in the "So với mục tiêu" column (and every row the summaries count) is evaluated with',
    "`evaluate` at the end of 2025 on its 2021–2025 target (Hải Dương's 2030 column is not what the verdict judges). A",
    'row without a target of its own is judged from its sub-rows (all met). A value the source gives only as a bound or',
    "a range is judged at every value it allows (at the target's figures, between them and at the ends): one status for",
    'all, or not comparable. Words are compared as each plan prints them: Hải Phòng prints "Vượt", Hải Dương folds',
    'exceeded into "Đạt" (`plan.display.exceededAs`). Disagreements are listed with their reason in',
    '`test/dataset/known-verdict-disagreements.json`.',
    '',
    `**All: ${counts(allRows)}.**`,
    '',
  ];
  for (const r of results) lines.push(`- ${r.short}: ${counts(r.rows)}`);
  lines.push(
    '',
    '## Rows',
    '',
    '| plan | code | indicator | target | actual | reported verdict | engine verdict | agreement | reason |',
    '|---|---|---|---|---|---|---|---|---|',
  );
  for (const r of allRows) {
    const rep = r.reported ? `${r.reported.text} (line ${r.reported.line ?? '?'})` : '—';
    lines.push(
      `| ${r.plan} | ${r.code} | ${cell(r.name)} | ${cell(r.targetText)} | ${cell(r.judgement.actual)} | ${cell(rep)} | ${cell(engineCell(r))} | ${r.comparison.agreement} | ${cell(reasonCell(r))} |`,
    );
  }
  lines.push('', '## Summary lines', '');
  for (const r of results) lines.push(...summaryBlock(r.short, r.summary, r.documentLines));
  return `${lines.join('\n')}\n`;
}
