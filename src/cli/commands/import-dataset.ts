// `chitieu import-dataset <folder>`: load a dataset folder (idempotent, all or nothing), with a progress bar on a
// terminal and one progress line per file otherwise (logs), both on stderr. Nothing is committed before the end.
import path from 'node:path';
import type { Command } from 'commander';
import cliProgress from 'cli-progress';
import { seedBundledDataset } from '../../runtime.ts';
import { withRuntime } from '../with-runtime.ts';

export function importDatasetCommand(program: Command): void {
  program
    .command('import-dataset')
    .description('Load a dataset folder (tenants/*.json, plans/*.json); plans already present are kept')
    .argument('<folder>', 'dataset folder, e.g. ./data')
    .option('--json', 'print the report as JSON')
    .action(async (folder: string, opts: { json?: boolean }) => {
      await withRuntime(
        async (rt) => {
          const bar =
            process.stderr.isTTY && !opts.json
              ? new cliProgress.SingleBar(
                  { format: 'import [{bar}] {value}/{total} {label}' },
                  cliProgress.Presets.shades_classic,
                )
              : null;
          const report = await seedBundledDataset(rt, path.resolve(folder), (done, total, label) => {
            if (!bar) {
              if (!opts.json) process.stderr.write(`import ${done}/${total} ${label}\n`);
              return;
            }
            if (done === 1) bar.start(total, 0, { label });
            bar.update(done, { label });
          });
          bar?.stop();
          if (opts.json) process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
          else
            for (const p of report.plans)
              process.stdout.write(
                `${p.code}: ${p.created ? `loaded ${p.indicators} indicators, ${p.targets} targets, ${p.observations} observations` : 'already present, kept'}\n`,
              );
        },
        { seedOnStart: false },
      );
    });
}
