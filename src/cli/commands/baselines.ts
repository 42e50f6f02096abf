// `chitieu baselines <plan>`: the consolidated baselines of a merged unit's plan, each with its calculation step by
// step (the same service as GET /api/plans/{code}/baselines); also printed under `chitieu evaluate`.
import type { Command } from 'commander';
import { formatNumber } from '../../core/format/number.ts';
import { consolidatedBaselines, type PlanBaselinesView } from '../../services/consolidation/consolidated-baselines.ts';
import { withRuntime } from '../with-runtime.ts';

const STATUS: Record<string, string> = { complete: 'đủ số liệu', incomplete: 'thiếu số liệu', refused: 'không tính' };
const VINTAGE: Record<string, string> = { estimate: 'ước', preliminary: 'sơ bộ', official: 'chính thức' };
const ROLE: Record<string, string> = {
  value: 'giá trị',
  weight: 'quyền số',
  numerator: 'tử số',
  denominator: 'mẫu số',
  level: 'mức',
  base_level: 'mức gốc',
};

export function printBaselines(view: PlanBaselinesView, full: boolean): void {
  const out = (s: string): void => void process.stdout.write(`${s}\n`);
  out('');
  out(`Số kỳ gốc hợp nhất / consolidated baselines: ${view.summary.vi}`);
  for (const m of view.mergers)
    out(`  ${m.fromName} (${m.from}) sáp nhập vào ${m.to} từ ${m.date}${m.document ? ` (${m.document})` : ''}`);
  for (const r of view.rows) {
    out(
      `${r.indicator.code.padEnd(6)} ${r.method.name.vi}, kỳ ${r.period}: ${r.text === null ? '—' : `${r.text} ${r.indicator.unit}`} (${STATUS[r.status] ?? r.status})`,
    );
    out(`${' '.repeat(7)}${r.formula.vi}`);
    for (const i of r.inputs)
      out(
        `${' '.repeat(7)}${ROLE[i.role] ?? i.role} ${i.unitName ?? i.unit}: ${formatNumber(i.value)} ${i.indicator.unit} (chỉ tiêu ${i.indicator.code} của ${i.indicator.plan}, ${VINTAGE[i.status] ?? i.status}${i.source.line ? `, dòng ${i.source.line}` : ''})`,
      );
    for (const m of r.missing) out(`${' '.repeat(7)}thiếu: ${m.reason.vi}`);
    if (full) out(`${' '.repeat(7)}${r.explanation.vi}`);
    if (r.comparison) out(`${' '.repeat(7)}${r.comparison.explanation.vi}`);
    if (r.enterInstead && full) out(`${' '.repeat(7)}${r.enterInstead.vi}`);
  }
  if (full)
    for (const w of view.withoutBaseline) out(`${w.code.padEnd(6)} không có số kỳ gốc hợp nhất: ${w.reason.vi}`);
}

export function baselinesCommand(program: Command): void {
  program
    .command('baselines')
    .description(
      "Consolidated baselines of a merged unit's plan: each base-period figure computed from the former units, step by step",
    )
    .argument('<plan>', 'plan code, e.g. hai-phong-2025-2030')
    .option('--json', 'print JSON')
    .option('--all-data', 'include figures not yet approved')
    .action(async (planCode: string, opts: { json?: boolean; allData?: boolean }) => {
      await withRuntime(async (rt) => {
        const view = await consolidatedBaselines({
          ctx: rt.systemContext('cli'),
          input: { planCode, dataBasis: opts.allData ? 'all' : 'approved' },
        });
        if (opts.json) {
          process.stdout.write(`${JSON.stringify(view, null, 2)}\n`);
          return;
        }
        process.stdout.write(`${view.plan.name}\n`);
        printBaselines(view, true);
      });
    });
}
