// `chitieu consolidate <plan> [--period P]… [--json] [--figures]`: every indicator of the plan that declares an
// aggregation method, consolidated over the units directly below the plan's unit (the communes of a city) for each
// period with a figure: the aggregate, its status, the communes without a figure and why a figure is refused. The
// use case is `consolidateOverUnits` (the database sums what each method sums, the core decides; what the totals
// cannot decide exactly is computed from every figure); `--figures` computes every aggregate from every figure.
import type { Command } from 'commander';
import { methodName } from '../../core/consolidation/index.ts';
import { ValidationError } from '../../core/errors.ts';
import { formatNumber } from '../../core/format/number.ts';
import { isPeriodCode } from '../../core/periods/period.ts';
import {
  consolidateOverUnits,
  type ConsolidationOverUnits,
} from '../../services/consolidation/consolidate-over-units.ts';
import { withRuntime } from '../with-runtime.ts';

const STATUS: Record<string, string> = { complete: 'đủ số liệu', incomplete: 'thiếu số liệu', refused: 'không tính' };
const PAD = ' '.repeat(7);
/** At most this many missing communes are named on a line; the rest are counted. */
const NAMED = 10;

/** The consolidation as printed: per indicator and period, the aggregate, its status, what is missing or refused. */
export function consolidationLines(view: ConsolidationOverUnits): string[] {
  const info = new Map(view.indicators.map((i) => [i.code, i]));
  const out = [
    `Tổng hợp từ ${formatNumber(String(view.units.length))} đơn vị trực thuộc ${view.plan.unit} / consolidated over ${view.units.length} units below ${view.plan.unit}: ${formatNumber(String(view.aggregates.length))} số tổng hợp`,
  ];
  if (view.units.length === 0)
    out.push(
      `${PAD}đơn vị của kế hoạch chưa có danh sách xã, phường trực thuộc: nhập danh sách trước (chitieu units import)`,
    );
  for (const a of view.aggregates) {
    const i = info.get(a.indicator);
    const unit = i?.unit ? ` ${i.unit}` : '';
    const value = a.value === null ? '—' : `${formatNumber(a.value)}${unit}`;
    out.push(
      `${a.indicator.padEnd(6)} kỳ ${a.period}: ${value} (${STATUS[a.status] ?? a.status}) · ${methodName(a.method.kind)}${i ? ` · ${i.name}` : ''}`,
    );
    if (a.status === 'complete' && a.formula.vi) out.push(`${PAD}${a.formula.vi}`);
    const missing = [...new Set(a.missing.map((m) => m.unit))];
    if (missing.length > 0)
      out.push(
        `${PAD}thiếu số liệu của ${formatNumber(String(missing.length))} đơn vị: ${missing.slice(0, NAMED).join(', ')}${missing.length > NAMED ? ', …' : ''}`,
      );
    if (a.refusal) out.push(`${PAD}không tính: ${a.refusal.vi}`);
    for (const n of a.notes) out.push(`${PAD}${n.vi}`);
  }
  return out;
}

export function consolidateCommand(program: Command): void {
  program
    .command('consolidate')
    .description(
      "Every indicator that declares an aggregation method, consolidated over the plan unit's communes, per period, with its status",
    )
    .argument('<plan>', 'plan code')
    .option('--period <period>', 'only this period (repeatable), e.g. 2026', (v: string, acc: string[] = []) => [
      ...acc,
      v,
    ])
    .option('--figures', 'compute every aggregate from every figure, step by step (slower)')
    .option('--json', 'print JSON')
    .action(async (planCode: string, opts: { period?: string[]; figures?: boolean; json?: boolean }) => {
      const bad = (opts.period ?? []).filter((p) => !isPeriodCode(p));
      if (bad.length > 0)
        throw new ValidationError(
          { vi: 'Kỳ không hợp lệ', en: 'Invalid period' },
          bad.map((p) => ({
            path: '--period',
            reason: {
              vi: `"${p}" không phải mã kỳ (ví dụ 2026, 2026-Q1, 2026-H1, 2026-M03)`,
              en: `"${p}" is not a period code (e.g. 2026, 2026-Q1, 2026-H1, 2026-M03)`,
            },
          })),
        );
      await withRuntime(async (rt) => {
        const view = await consolidateOverUnits({
          ctx: rt.systemContext('cli'),
          input: {
            planCode,
            ...(opts.period ? { periods: opts.period } : {}),
            ...(opts.figures ? { path: 'figures' as const } : {}),
          },
        });
        process.stdout.write(
          opts.json ? `${JSON.stringify(view, null, 2)}\n` : `${consolidationLines(view).join('\n')}\n`,
        );
      });
    });
}
