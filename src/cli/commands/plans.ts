// `chitieu plans`: list plans with their ids and counts.
import type { Command } from 'commander';
import { listPlans } from '../../services/plans/list-plans.ts';
import { withRuntime } from '../with-runtime.ts';

export function plansCommand(program: Command): void {
  program
    .command('plans')
    .description('List plans with their ids and counts')
    .option('--json', 'print JSON')
    .option('--tenant <code>', 'only this tenant')
    .action(async (opts: { json?: boolean; tenant?: string }) => {
      await withRuntime(async (rt) => {
        const plans = await listPlans({
          ctx: rt.systemContext('cli'),
          input: opts.tenant ? { tenant: opts.tenant } : {},
        });
        if (opts.json) {
          process.stdout.write(`${JSON.stringify(plans, null, 2)}\n`);
          return;
        }
        for (const p of plans) {
          process.stdout.write(
            `${p.code.padEnd(24)} ${p.term.firstYear}–${p.term.lastYear}  ${String(p.counts.targets).padStart(4)} chỉ tiêu  ${p.name}\n`,
          );
        }
      });
    });
}
