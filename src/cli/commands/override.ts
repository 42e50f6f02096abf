// `chitieu override <plan> <indicator>`: a plan owner's manual verdict, with its reason (shown as such).
import type { Command } from 'commander';
import { EVALUATION_STATUSES, type EvaluationStatus } from '../../core/vocabulary.ts';
import { recordOverride } from '../../services/evaluations/record-override.ts';
import { withRuntime } from '../with-runtime.ts';

export function overrideCommand(program: Command): void {
  program
    .command('override')
    .description(
      "Record a plan owner's manual verdict for a target, with a reason; the computed verdict is kept beside it",
    )
    .argument('<plan>', 'plan code')
    .argument('<indicator>', 'indicator code')
    .requiredOption('--status <status>', EVALUATION_STATUSES.join(' | '))
    .requiredOption('--reason <text>', 'why (shown with the verdict)')
    .action(async (planCode: string, indicatorCode: string, opts: { status: string; reason: string }) => {
      await withRuntime(async (rt) => {
        await recordOverride({
          ctx: rt.systemContext('cli'),
          input: { planCode, indicatorCode, status: opts.status as EvaluationStatus, reason: opts.reason },
        });
        process.stdout.write('Đã ghi điều chỉnh / override recorded\n');
      });
    });
}
