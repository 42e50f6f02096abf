// `chitieu migrate`: apply pending migrations (they also apply at every start).
import type { Command } from 'commander';
import { withRuntime } from '../with-runtime.ts';

export function migrateCommand(program: Command): void {
  program
    .command('migrate')
    .description('Apply pending database migrations')
    .action(async () => {
      await withRuntime(
        async () => {
          process.stdout.write('schema is current\n');
        },
        { seedOnStart: false },
      );
    });
}
