// `chitieu issue <plan> --kind results|status --format F`: freeze a report (its file and verdicts);
// `chitieu issued <plan>`: the issued reports with what changed since each; `--get ID --out FILE`: the stored file.
import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { parseReportFormat } from '../../reports/render-results.ts';
import {
  downloadIssuedReport,
  issueReport,
  listIssuedReports,
  type IssuedKind,
} from '../../services/reports/issued-reports.ts';
import { withRuntime } from '../with-runtime.ts';

export function issuedCommands(program: Command): void {
  program
    .command('issue')
    .description('Issue a report: render it once and freeze its file and the verdicts it printed')
    .argument('<plan>', 'plan code')
    .requiredOption('--format <format>', 'xlsx, docx or pdf')
    .option('--kind <kind>', 'results (Phụ lục 1) or status', 'results')
    .option('--as-of <date>', 'evaluation date YYYY-MM-DD (default today)')
    .option('--note <text>', 'why it is issued (kept with it and in the audit log)')
    .option('--json', 'print JSON')
    .action(
      async (
        planCode: string,
        opts: { format: string; kind: string; asOf?: string; note?: string; json?: boolean },
      ) => {
        const format = parseReportFormat(opts.format);
        await withRuntime(async (rt) => {
          const out = await issueReport({
            ctx: rt.systemContext('cli'),
            input: {
              planCode,
              kind: opts.kind as IssuedKind,
              format,
              ...(opts.asOf ? { asOf: opts.asOf } : {}),
              ...(opts.note ? { note: opts.note } : {}),
            },
          });
          process.stdout.write(
            opts.json ? `${JSON.stringify(out)}\n` : `${out.id}  ${out.fileName}  sha256 ${out.sha256}\n`,
          );
        });
      },
    );

  program
    .command('issued')
    .description('List the issued reports of a plan and what changed since each; --get ID --out FILE writes one')
    .argument('<plan>', 'plan code')
    .option('--get <id>', 'the issued report to write')
    .option('--out <file>', 'where to write it')
    .option('--json', 'print JSON')
    .action(async (planCode: string, opts: { get?: string; out?: string; json?: boolean }) => {
      await withRuntime(async (rt) => {
        const ctx = rt.systemContext('cli');
        if (opts.get) {
          const file = await downloadIssuedReport({ ctx, input: { id: opts.get } });
          await writeFile(opts.out ?? file.fileName, file.bytes);
          process.stderr.write(`${opts.out ?? file.fileName}: ${file.bytes.length} bytes, sha256 ${file.sha256}\n`);
          return;
        }
        const items = await listIssuedReports({ ctx, input: { planCode } });
        if (opts.json) {
          process.stdout.write(`${JSON.stringify(items, null, 2)}\n`);
          return;
        }
        for (const r of items) {
          process.stdout.write(
            `${r.id}  ${r.issuedAt.slice(0, 10)}  ${r.fileName}  ${r.changedSince.length} chỉ tiêu thay đổi / changed since issue\n`,
          );
          for (const c of r.changedSince)
            process.stdout.write(
              `    ${c.code.padEnd(6)} ${c.before.verdict ?? '—'} → ${c.after.verdict ?? '—'}  (${c.before.actual ?? '—'} → ${c.after.actual ?? '—'})\n`,
            );
        }
      });
    });
}
