// `chitieu report <plan> --format xlsx|docx|pdf --out FILE`: the plan's results table ("Phụ lục 1") as a file, the
// same bytes the API serves.
import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { parseReportFormat, renderResultsTable } from '../../reports/render-results.ts';
import { writeStatusDocx } from '../../reports/status-docx.ts';
import { writeStatusPdf } from '../../reports/status-pdf.ts';
import { buildResultsTable } from '../../services/reports/build-results-table.ts';
import { buildStatusReport } from '../../services/reports/build-status-report.ts';
import { ValidationError } from '../../core/errors.ts';
import { withRuntime } from '../with-runtime.ts';

export function reportCommand(program: Command): void {
  program
    .command('report')
    .description('Write the results table of a plan ("Phụ lục 1") as .xlsx, .docx or .pdf, or its status report')
    .argument('<plan>', 'plan code, e.g. hai-phong-2020-2025')
    .requiredOption('--format <format>', 'xlsx, docx or pdf')
    .option('--kind <kind>', 'results (the Phụ lục 1 table) or status (the plan status report: docx, pdf)', 'results')
    .requiredOption('--out <file>', 'file to write')
    .option('--as-of <date>', 'evaluation date YYYY-MM-DD (default today)')
    .option('--published-on <date>', 'the figures as published on this date (only vintages known then)')
    .option('--all-data', 'include figures not yet approved')
    .action(
      async (
        planCode: string,
        opts: { format: string; kind: string; out: string; asOf?: string; publishedOn?: string; allData?: boolean },
      ) => {
        const format = parseReportFormat(opts.format);
        if (!['results', 'status'].includes(opts.kind) || (opts.kind === 'status' && format === 'xlsx')) {
          throw new ValidationError(
            {
              vi: `Loại báo cáo "${opts.kind}" với định dạng "${format}" không hỗ trợ (results: xlsx, docx, pdf; status: docx, pdf)`,
              en: `Report kind "${opts.kind}" as "${format}" is not supported (results: xlsx, docx, pdf; status: docx, pdf)`,
            },
            [{ path: 'kind', reason: { vi: 'không hỗ trợ', en: 'not supported' } }],
          );
        }
        await withRuntime(async (rt) => {
          const ctx = rt.systemContext('cli');
          const input = {
            planCode,
            ...(opts.asOf ? { asOf: opts.asOf } : {}),
            ...(opts.publishedOn ? { publishedOn: opts.publishedOn } : {}),
            dataBasis: opts.allData ? ('all' as const) : ('approved' as const),
          };
          if (opts.kind === 'status') {
            const status = await buildStatusReport({ ctx, input });
            const file = format === 'pdf' ? await writeStatusPdf(status, ctx.now()) : await writeStatusDocx(status);
            await writeFile(opts.out, file);
            process.stderr.write(`${opts.out}: ${status.title}, ${status.planName} (${file.length} bytes)\n`);
            return;
          }
          const model = await buildResultsTable({ ctx, input });
          const bytes = await renderResultsTable(model, format, ctx.now());
          await writeFile(opts.out, bytes);
          process.stderr.write(`${opts.out}: ${model.appendix}, ${model.planName} (${bytes.length} bytes)\n`);
        });
      },
    );
}
