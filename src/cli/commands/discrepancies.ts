// `chitieu discrepancies <plan>`: the discrepancy annex, every target whose printed verdict differs from the computed
// one (the same service as GET /api/plans/{code}/reports/discrepancies).
import type { Command } from 'commander';
import { listDiscrepancies } from '../../services/reports/list-discrepancies.ts';
import { withRuntime } from '../with-runtime.ts';

export function discrepanciesCommand(program: Command): void {
  program
    .command('discrepancies')
    .description('List the targets whose verdict in the source document differs from the computed one')
    .argument('<plan>', 'plan code, e.g. hai-phong-2020-2025')
    .option('--json', 'print JSON')
    .option('--as-of <date>', 'evaluation date YYYY-MM-DD (default today)')
    .action(async (planCode: string, opts: { json?: boolean; asOf?: string }) => {
      await withRuntime(async (rt) => {
        const annex = await listDiscrepancies({
          ctx: rt.systemContext('cli'),
          input: { planCode, ...(opts.asOf ? { asOf: opts.asOf } : {}) },
        });
        if (opts.json) {
          process.stdout.write(`${JSON.stringify(annex, null, 2)}\n`);
          return;
        }
        process.stdout.write(`${annex.plan.name}: ${annex.rows.length}/${annex.compared} chỉ tiêu lệch đánh giá\n\n`);
        for (const r of annex.rows) {
          process.stdout.write(
            `${r.indicator.code.padEnd(6)} văn bản: ${r.reported.text}${r.reported.line ? ` (dòng ${r.reported.line})` : ''} | tính toán: ${r.computed.word ?? '—'} | ${r.reason.vi}\n`,
          );
        }
      });
    });
}
