// `chitieu evaluate <plan>`: every target of a plan evaluated, as a table or JSON (the same service as the API).
import type { Command } from 'commander';
import { consolidatedBaselines } from '../../services/consolidation/consolidated-baselines.ts';
import { evaluatePlan, listViewOf } from '../../services/evaluations/evaluate-plan.ts';
import { formatNumber } from '../../core/format/number.ts';
import type { EvaluationRow } from '../../services/evaluations/present-evaluation.ts';
import { printBaselines } from './baselines.ts';
import { withRuntime } from '../with-runtime.ts';

const BASELINE_SOURCE = {
  consolidated: 'hợp nhất từ đơn vị cũ, dùng làm số kỳ gốc',
  entered: 'số liệu nhập cho đơn vị hợp nhất được dùng (thay cho số hợp nhất)',
  missing: 'chưa có: thiếu số liệu để hợp nhất',
} as const;

function baselineLines(b: NonNullable<EvaluationRow['baseline']>): string[] {
  const c = b.consolidation;
  return [
    `Số kỳ gốc ${b.period}: ${BASELINE_SOURCE[b.source]}${c.text === null ? '' : ` (${c.text})`}`,
    `  ${c.method.vi}: ${c.formula.vi}`,
    ...c.inputs.map(
      (i) =>
        `  ${i.unitName ?? i.unit}: ${i.text} (chỉ tiêu ${i.indicator} của ${i.plan}${i.source.line ? `, dòng ${i.source.line}` : ''})`,
    ),
    ...c.missing.map((m) => `  thiếu: ${m.reason.vi}`),
    ...(c.refusal ? [`  ${c.refusal.vi}`] : []),
    ...(c.comparison ? [`  ${c.comparison.vi}`] : []),
    ...(b.source === 'missing' && c.enterInstead ? [`  ${c.enterInstead.vi}`] : []),
  ];
}

const PAD = ' '.repeat(24);

/**
 * One row of `chitieu evaluate` as printed: the verdict and explanation, why it is not counted (when it is not), the
 * forecast sentence, the count of units
 * meeting a standard with the units not yet meeting it (and who answers for them), and a merged unit's baseline.
 */
export function rowLines(r: EvaluationRow): string[] {
  const out = [`${r.indicator.code.padEnd(6)} ${(r.displayStatus?.vi ?? '—').padEnd(16)} ${r.explanation.vi}`];
  // A row shown but not counted (a draft, another scope, a commune's share of a split city target): why, in words.
  if (r.notCounted) out.push(`${PAD}${r.notCounted.words.vi}`);
  // While the term runs: the probability of meeting the target, in the sentence a leader reads.
  if (r.forecast && 'sentence' in r.forecast) out.push(`${PAD}${r.forecast.sentence.vi}`);
  const latest = r.unitCounts?.at(-1);
  if (latest) {
    out.push(
      `${PAD}Năm ${latest.period}: ${latest.count}/${latest.of} đơn vị đạt chuẩn (${formatNumber(latest.share, { decimals: 1 })} %)`,
    );
    const missing = latest.notMeeting ?? [];
    if (missing.length > 0) out.push(`${PAD}Chưa đạt (${missing.length}):`);
    for (const n of missing)
      out.push(
        `${PAD}  ${n.code} ${n.name}${n.reason === 'no_figure' ? ' (chưa có số liệu)' : ''}${n.owners.length > 0 ? ` · phụ trách: ${n.owners.join(', ')}` : ''}`,
      );
  }
  // A merged unit's base period: which figure the row read, and how the consolidation was computed.
  if (r.baseline) for (const line of baselineLines(r.baseline)) out.push(`${PAD}${line}`);
  return out;
}

export function evaluateCommand(program: Command): void {
  program
    .command('evaluate')
    .description('Evaluate every target of a plan (approved figures, latest vintages, as of today by default)')
    .argument('<plan>', 'plan code, e.g. hai-phong-2020-2025')
    .option('--json', 'print JSON')
    .option(
      '--list',
      'with --json: each row as the plan’s lists show it (the same as GET /api/plans/{plan}/evaluations/list)',
    )
    .option(
      '--as-of <date>',
      'evaluation date YYYY-MM-DD (default today): figures for periods after it are not read, by the verdict or the forecast',
    )
    .option('--published-on <date>', 'reproduce the evaluation as published on this date (only vintages known then)')
    .option('--all-data', 'include figures not yet approved')
    .action(
      async (
        planCode: string,
        opts: { json?: boolean; list?: boolean; asOf?: string; publishedOn?: string; allData?: boolean },
      ) => {
        await withRuntime(async (rt) => {
          const view = await evaluatePlan({
            ctx: rt.systemContext('cli'),
            input: {
              planCode,
              ...(opts.asOf ? { asOf: opts.asOf } : {}),
              ...(opts.publishedOn ? { publishedOn: opts.publishedOn } : {}),
              dataBasis: opts.allData ? 'all' : 'approved',
            },
          });
          if (opts.json) {
            process.stdout.write(`${JSON.stringify(opts.list ? listViewOf(view) : view, null, 2)}\n`);
            return;
          }
          process.stdout.write(`${view.plan.name}\n${view.summary.vi}\n\n`);
          for (const r of view.rows) for (const line of rowLines(r)) process.stdout.write(`${line}\n`);
          // A merged unit's plan: the consolidated baselines, each with its calculation (chitieu baselines).
          const baselines = await consolidatedBaselines({
            ctx: rt.systemContext('cli'),
            input: { planCode, dataBasis: opts.allData ? 'all' : 'approved' },
          });
          if (baselines.rows.length > 0) printBaselines(baselines, false);
        });
      },
    );
}
