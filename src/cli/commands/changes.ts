// `chitieu changes <plan>`: what changed since the estimates (verdicts and values moved by later vintages), in
// Vietnamese words and vi-VN numbers; --json keeps the codes and exact decimals for machines.
import type { Command } from 'commander';
import { listEvaluationChanges } from '../../services/evaluations/list-evaluation-changes.ts';
import { formatNumber } from '../../core/format/number.ts';
import { withRuntime } from '../with-runtime.ts';
import { figureStatusWord, verdictWord, viDate, viNumber } from '../words.ts';

export function changesCommand(program: Command): void {
  program
    .command('changes')
    .description('List the verdicts and values that later vintages changed')
    .argument('<plan>', 'plan code')
    .option('--json', 'print JSON')
    .action(async (planCode: string, opts: { json?: boolean }) => {
      await withRuntime(async (rt) => {
        const changes = await listEvaluationChanges({ ctx: rt.systemContext('cli'), input: { planCode } });
        if (opts.json) {
          process.stdout.write(`${JSON.stringify(changes, null, 2)}\n`);
          return;
        }
        if (changes.length === 0) {
          process.stdout.write(
            `Chưa có thay đổi nào: chưa có số liệu mới nào làm thay đổi kết luận hay giá trị của nghị quyết ${planCode}.\n` +
              `No changes: no later figure has changed a verdict or a value of ${planCode}.\n`,
          );
          return;
        }
        process.stdout.write(`${formatNumber(changes.length)} thay đổi (mới nhất trước):\n`);
        for (const c of changes) {
          const cause = c.cause
            ? ` — do số liệu ${figureStatusWord(c.cause.status)} kỳ ${c.cause.period}: ${viNumber(c.cause.value)}` +
              `${c.cause.source ? `, ${c.cause.source}` : ''}${c.cause.publishedOn ? `, công bố ${viDate(c.cause.publishedOn)}` : ''}`
            : '';
          process.stdout.write(
            `${viDate(c.at)}  ${c.indicator.code} ${c.indicator.name}: ${verdictWord(c.before.status)} (${viNumber(c.before.value)}) → ` +
              `${verdictWord(c.after.status)} (${viNumber(c.after.value)})${cause}\n`,
          );
        }
      });
    });
}
