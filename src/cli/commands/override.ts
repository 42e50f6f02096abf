// `chitieu override <plan> <indicator>`: a plan owner's manual verdict, with its reason (shown as such).
import type { Command } from 'commander';
import { recordOverride, type OverrideStatus } from '../../services/evaluations/record-override.ts';
import { withRuntime } from '../with-runtime.ts';

export function overrideCommand(program: Command): void {
  program
    .command('override')
    .description(
      "Record a plan owner's manual verdict for a target, with a reason; the computed verdict is kept beside it",
    )
    .argument('<plan>', 'plan code')
    .argument('<indicator>', 'indicator code')
    .requiredOption('--status <status>', 'exceeded | met | not_met | no_data | on_track | at_risk | off_track')
    .requiredOption('--reason <text>', 'why (shown with the verdict)')
    .action(async (planCode: string, indicatorCode: string, opts: { status: string; reason: string }) => {
      await withRuntime(async (rt) => {
        await recordOverride({
          ctx: rt.systemContext('cli'),
          input: { planCode, indicatorCode, status: opts.status as OverrideStatus, reason: opts.reason },
        });
        process.stdout.write('Đã ghi điều chỉnh / override recorded\n');
      });
    });
}
