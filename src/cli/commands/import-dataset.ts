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
    .option(
      '--apply',
      'for plans already present: apply the targets the file edits, adds or removes (audited); without it they are only shown',
    )
    .action(async (folder: string, opts: { json?: boolean; apply?: boolean }) => {
      await withRuntime(
        async (rt) => {
          const bar =
            process.stderr.isTTY && !opts.json
              ? new cliProgress.SingleBar(
                  { format: 'import [{bar}] {value}/{total} {label}' },
                  cliProgress.Presets.shades_classic,
                )
              : null;
          const report = await seedBundledDataset(
            rt,
            path.resolve(folder),
            (done, total, label) => {
              if (!bar) {
                if (!opts.json) process.stderr.write(`import ${done}/${total} ${label}\n`);
                return;
              }
              if (done === 1) bar.start(total, 0, { label });
              bar.update(done, { label });
            },
            opts.apply === true,
          );
          bar?.stop();
          if (opts.json) process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
          else
            for (const p of report.plans) {
              const diffs = p.differences ?? [];
              process.stdout.write(
                `${p.code}: ${p.created ? `loaded ${p.indicators} indicators, ${p.targets} targets, ${p.observations} observations` : diffs.length === 0 ? 'already present, no differences' : `already present, ${diffs.length} differences${p.applied ? ' (applied)' : ' (not applied; run with --apply)'}`}\n`,
              );
              for (const d of diffs)
                process.stdout.write(
                  `  ${d.change} ${d.indicator}[${d.index}]: ${d.before?.text ?? '—'} → ${d.after?.text ?? '—'}\n`,
                );
            }
        },
        { seedOnStart: false },
      );
    });
}
