// `chitieu template <plan> --agency CODE --out FILE`: an agency's Excel template of the periods due.
// `chitieu import FILE [--plan CODE] [--dry-run] [--json]`: figures from a filled template or a long CSV, all or
// nothing, with a progress bar on a terminal; or a whole plan from its JSON document.
// `chitieu export <plan> --format json|csv|targets-csv|sdmx-csv|oc4ids`.
import { readFile, writeFile } from 'node:fs/promises';
import cliProgress from 'cli-progress';
import type { Command } from 'commander';
import { formatNumber } from '../../core/format/number.ts';
import { readFigureCsv, readFigureWorkbook } from '../../imports/figure-files.ts';
import { writeFigureTemplate } from '../../reports/figure-template-xlsx.ts';
import { buildFigureTemplate } from '../../services/interchange/figure-template.ts';
import { importFigures, sha256Of, type ImportResult } from '../../services/interchange/import-figures.ts';
import { EXPORT_FORMATS, exportPlanFigures, type ExportFormat } from '../../services/interchange/export-figures.ts';
import { ValidationError } from '../../core/errors.ts';
import { exportOc4ids } from '../../services/interchange/export-oc4ids.ts';
import { exportPlanDocument } from '../../services/backup/export-plan-document.ts';
import { importPlanDocument } from '../../services/backup/import-plan-document.ts';
import { withRuntime } from '../with-runtime.ts';

/** Formats of `chitieu export` beyond the figure exports: the whole plan as one document. */
const PLAN_FORMATS = ['json', 'oc4ids'] as const;

export function interchangeCommands(program: Command): void {
  program
    .command('template')
    .description("Write an agency's Excel template: its indicators and the periods due, ready to fill")
    .argument('<plan>', 'plan code')
    .requiredOption('--agency <code>', 'agency code')
    .requiredOption('--out <file>', 'file to write (.xlsx)')
    .option('--as-of <date>', 'periods due by this date YYYY-MM-DD (default today)')
    .action(async (planCode: string, opts: { agency: string; out: string; asOf?: string }) => {
      await withRuntime(async (rt) => {
        const model = await buildFigureTemplate({
          ctx: rt.systemContext('cli'),
          input: { planCode, agencyCode: opts.agency, ...(opts.asOf ? { asOf: opts.asOf } : {}) },
        });
        const bytes = await writeFigureTemplate(model);
        await writeFile(opts.out, bytes);
        process.stderr.write(`${opts.out}: ${model.agencyName}, ${model.rows.length} dòng / rows\n`);
      });
    });

  program
    .command('import')
    .description(
      'Import figures from a filled template (.xlsx) or a long CSV (checked first, then all or nothing), or a whole plan from its JSON document',
    )
    .argument('<file>', '.xlsx, .csv or .json (chitieu export <plan> --format json)')
    .option('--plan <code>', 'the plan of a CSV without a plan column')
    .option('--dry-run', 'check only, write nothing')
    .option('--batch <n>', 'figures written at a time, inside the one transaction (5000)')
    .option('--json', 'print the result as JSON')
    .action(async (file: string, opts: { plan?: string; dryRun?: boolean; json?: boolean; batch?: string }) => {
      const bytes = await readFile(file);
      if (/\.json$/i.test(file)) {
        // A plan document brings its own tenant: the bundled dataset is not loaded into an empty database first.
        const done = await withRuntime(
          (rt) => importPlanDocument({ ctx: rt.systemContext('cli'), input: { text: bytes.toString('utf8') } }),
          { seedOnStart: false },
        );
        const total = Object.values(done.rows).reduce((a, b) => a + b, 0);
        if (opts.json) process.stdout.write(`${JSON.stringify(done, null, 2)}\n`);
        else
          process.stdout.write(
            `Đã nhập nghị quyết ${done.plan} (${done.tenant}): ${formatNumber(total)} dòng / imported plan ${done.plan}: ${String(total)} rows\n`,
          );
        return;
      }
      const isCsv = /\.(csv|txt)$/i.test(file);
      const rows = isCsv ? readFigureCsv(bytes, opts.plan ?? null) : readFigureWorkbook(file, opts.plan ?? null);
      const bar =
        process.stderr.isTTY && !opts.json
          ? new cliProgress.SingleBar(
              { format: 'Đọc / reading {value} dòng / rows', stream: process.stderr },
              cliProgress.Presets.shades_classic,
            )
          : null;
      bar?.start(0, 0);
      let result: ImportResult;
      try {
        result = await withRuntime((rt) =>
          importFigures({
            ctx: rt.systemContext('cli'),
            input: {
              rows,
              dryRun: opts.dryRun === true,
              ...(opts.batch ? { batchSize: Math.max(1, Number(opts.batch) || 5000) } : {}),
              fileSha256: sha256Of(bytes),
              onRow: (n) => {
                if (n % 200 === 0) bar?.update(n);
              },
              // For scripts (--json): one JSON line on standard error per batch written (done of those read so far).
              onWrite: (done, total) => {
                if (opts.json) process.stderr.write(`${JSON.stringify({ phase: 'writing', done, total })}\n`);
              },
            },
          }),
        );
      } finally {
        bar?.stop();
      }
      if (opts.json) process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
      else {
        for (const r of result.rejected)
          process.stdout.write(`✗ ${r.sheet}!${r.column}${r.row} "${r.value}": ${r.reason.vi} / ${r.reason.en}\n`);
        const c = result.counts;
        process.stdout.write(
          result.rejected.length > 0
            ? `Không ghi gì: ${c.rejected} ô sai trong ${result.rows} dòng / nothing written: ${c.rejected} rejected cells in ${result.rows} rows\n`
            : `${result.dryRun ? 'Kiểm tra (không ghi) / dry run: ' : ''}${c.new} mới / new, ${c.revised} sửa / revised, ${c.unchanged} không đổi / unchanged; trạng thái "đã gửi" / submitted\n`,
        );
        if (result.rejected.length < c.rejected)
          process.stdout.write(
            `… và ${c.rejected - result.rejected.length} ô sai nữa / and ${c.rejected - result.rejected.length} more rejected cells\n`,
          );
        // The whole list of accepted rows stays in the database (the answer holds the first ones).
        if (result.importId)
          process.stdout.write(
            `Lần nhập / import ${result.importId}: danh sách dòng đã nhận / accepted rows: GET /api/imports/${result.importId}/figures\n`,
          );
      }
      if (result.rejected.length > 0) process.exitCode = 1;
    });

  program
    .command('export')
    .description(
      'Export a plan: the whole plan as one JSON document (chitieu import reads it back), its key projects as OC4IDS, its figures as CSV (the long format import reads) or SDMX-CSV, its targets as CSV',
    )
    .argument('<plan>', 'plan code')
    .requiredOption('--format <format>', [...PLAN_FORMATS, ...EXPORT_FORMATS].join(', '))
    .option('--out <file>', 'file to write (default: standard output)')
    .action(async (planCode: string, opts: { format: string; out?: string }) => {
      if (opts.format === 'json' || opts.format === 'oc4ids') {
        const exporter = opts.format === 'json' ? exportPlanDocument : exportOc4ids;
        await withRuntime(async (rt) => {
          const out = await exporter({ ctx: rt.systemContext('cli'), input: { planCode } });
          if (opts.out) await writeFile(opts.out, out.text);
          else process.stdout.write(out.text);
        });
        return;
      }
      if (!(EXPORT_FORMATS as readonly string[]).includes(opts.format))
        throw new ValidationError(
          {
            vi: `Định dạng "${opts.format}" không hỗ trợ; chọn: ${[...PLAN_FORMATS, ...EXPORT_FORMATS].join(', ')}`,
            en: `Format "${opts.format}" is not supported; choose: ${[...PLAN_FORMATS, ...EXPORT_FORMATS].join(', ')}`,
          },
          [{ path: 'format', reason: { vi: 'không hỗ trợ', en: 'not supported' } }],
        );
      await withRuntime(async (rt) => {
        const out = await exportPlanFigures({
          ctx: rt.systemContext('cli'),
          input: { planCode, format: opts.format as ExportFormat },
        });
        if (opts.out) await writeFile(opts.out, out.text);
        else process.stdout.write(out.text);
      });
    });
}
