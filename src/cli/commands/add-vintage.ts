// `chitieu add-vintage`: record a later vintage (sơ bộ, chính thức) of a figure and print what changed.
import type { Command } from 'commander';
import { addVintage } from '../../services/observations/add-vintage.ts';
import type { ObservationStatus } from '../../core/targets/target.ts';
import { withRuntime } from '../with-runtime.ts';

export function addVintageCommand(program: Command): void {
  program
    .command('add-vintage')
    .description(
      'Record a new vintage of a figure (e.g. the official figure replacing an estimate); prints the verdicts that changed',
    )
    .argument('<plan>', 'plan code, e.g. hai-phong-2020-2025')
    .argument('<indicator>', 'indicator code in the plan, e.g. 1')
    .requiredOption('--period <period>', 'period code: 2025, 2021-2025, 2026-Q1 …')
    .requiredOption(
      '--value <figure>',
      'the figure as published: 11.8 or 11,8; a range "8,3-8,5"; a bound "<3,5"; a count of a total "102/275"',
    )
    .requiredOption('--source <document>', 'the document that published it')
    .requiredOption('--published-on <date>', 'its publication date YYYY-MM-DD')
    .option('--status <status>', 'estimate | preliminary | official', 'official')
    .option('--label <label>', 'vintage label, e.g. "ước tính lần 2"')
    .option('--correction', 'this corrects a mistake in a stored figure (needs --reason)')
    .option('--reason <text>', 'why')
    .option('--confirm-implausible', 'accept a figure the checks flag as implausible (needs --reason)')
    .option('--json', 'print JSON')
    .action(
      async (
        planCode: string,
        indicatorCode: string,
        opts: {
          period: string;
          value: string;
          source: string;
          publishedOn: string;
          status: string;
          label?: string;
          correction?: boolean;
          reason?: string;
          confirmImplausible?: boolean;
          json?: boolean;
        },
      ) => {
        await withRuntime(async (rt) => {
          const result = await addVintage({
            ctx: rt.systemContext('cli'),
            input: {
              planCode,
              indicatorCode,
              period: opts.period,
              value: opts.value,
              status: opts.status as ObservationStatus,
              source: opts.source,
              publishedOn: opts.publishedOn,
              kind: opts.correction ? 'correction' : 'vintage',
              ...(opts.label ? { label: opts.label } : {}),
              ...(opts.reason ? { reason: opts.reason } : {}),
              ...(opts.confirmImplausible ? { confirmImplausible: true } : {}),
            },
          });
          if (opts.json) {
            process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
            return;
          }
          process.stdout.write(
            `Đã ghi phiên bản ${result.seq} của số liệu ${indicatorCode} kỳ ${opts.period} / recorded version ${result.seq}\n`,
          );
          if (result.changes.length === 0)
            process.stdout.write('Không có đánh giá nào thay đổi / no evaluation changed\n');
          for (const c of result.changes) {
            process.stdout.write(
              `${c.indicator.code} ${c.indicator.name}: ${c.before?.word ?? '—'} (${c.before?.value ?? '—'}) → ${c.after.word ?? '—'} (${c.after.value ?? '—'})\n`,
            );
          }
        });
      },
    );
}
