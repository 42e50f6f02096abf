// `chitieu report <plan> --format xlsx|docx|pdf --out FILE`: the plan's results table ("Phụ lục 1") as a file, the
// same bytes the API serves.
import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { parseReportFormat, renderResultsTable } from '../../reports/render-results.ts';
import { buildResultsTable } from '../../services/reports/build-results-table.ts';
import { withRuntime } from '../with-runtime.ts';

export function reportCommand(program: Command): void {
  program
    .command('report')
    .description('Write the results table of a plan ("Phụ lục 1") as .xlsx, .docx or .pdf')
    .argument('<plan>', 'plan code, e.g. hai-phong-2020-2025')
    .requiredOption('--format <format>', 'xlsx, docx or pdf')
    .requiredOption('--out <file>', 'file to write')
    .option('--as-of <date>', 'evaluation date YYYY-MM-DD (default today)')
    .option('--published-on <date>', 'the figures as published on this date (only vintages known then)')
    .option('--all-data', 'include figures not yet approved')
    .action(
      async (
        planCode: string,
        opts: { format: string; out: string; asOf?: string; publishedOn?: string; allData?: boolean },
      ) => {
        const format = parseReportFormat(opts.format);
        await withRuntime(async (rt) => {
          const ctx = rt.systemContext('cli');
          const model = await buildResultsTable({
            ctx,
            input: {
              planCode,
              ...(opts.asOf ? { asOf: opts.asOf } : {}),
              ...(opts.publishedOn ? { publishedOn: opts.publishedOn } : {}),
              dataBasis: opts.allData ? 'all' : 'approved',
            },
          });
          const bytes = await renderResultsTable(model, format, ctx.now());
          await writeFile(opts.out, bytes);
          process.stderr.write(`${opts.out}: ${model.appendix}, ${model.planName} (${bytes.length} bytes)\n`);
        });
      },
    );
}
