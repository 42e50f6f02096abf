// `chitieu changes <plan>`: what changed since the estimates (verdicts and values moved by later vintages).
import type { Command } from 'commander';
import { listEvaluationChanges } from '../../services/evaluations/list-evaluation-changes.ts';
import { withRuntime } from '../with-runtime.ts';

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
        for (const c of changes) {
          process.stdout.write(
            `${c.at.slice(0, 10)} ${c.indicator.code} ${c.indicator.name}: ${c.before.status ?? '—'} (${c.before.value ?? '—'}) → ${c.after.status} (${c.after.value ?? '—'})${c.cause ? ` ← ${c.cause.status} ${c.cause.value ?? ''}, ${c.cause.source ?? ''} ${c.cause.publishedOn ?? ''}` : ''}\n`,
          );
        }
      });
    });
}
