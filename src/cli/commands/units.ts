// `chitieu units import|end|on`: the commune register over time (the same services as POST /api/units/import,
// POST /api/units/{code}/end and GET /api/units/register). The tenant is named by its code.
import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { NotFound, ValidationError } from '../../core/errors.ts';
import { systemActor } from '../../services/context.ts';
import { endUnit } from '../../services/reference/end-unit.ts';
import { importUnits } from '../../services/reference/import-units.ts';
import { unitsOnDate } from '../../services/reference/units-on-date.ts';
import { findTenantId } from '../../storage/repositories/units-repo.ts';
import type { Runtime } from '../../runtime.ts';
import { withRuntime } from '../with-runtime.ts';

async function tenantContext(rt: Runtime, code: string) {
  const id = await findTenantId(rt.db, code);
  if (!id) throw new NotFound({ vi: `địa phương "${code}"`, en: `Tenant "${code}"` });
  return { db: rt.db, actor: systemActor('cli', id), now: () => new Date() };
}

export function unitsCommand(program: Command): void {
  const units = program
    .command('units')
    .description('The unit register over time: import, end a unit, units on a date');
  units
    .command('import')
    .description('Import a commune register from CSV (code,name,kind,parent,valid_from,valid_to,event,related)')
    .argument('<file>', 'CSV file, UTF-8')
    .requiredOption('--tenant <code>', 'tenant code, e.g. hai-phong')
    .requiredOption('--document <number>', 'number of the legal document that set the register')
    .requiredOption('--document-date <date>', 'its issue date YYYY-MM-DD')
    .option('--issuer <name>', 'who issued it')
    .option('--reason <text>', 'why (kept in the audit log)')
    .option('--json', 'print JSON')
    .action(
      async (
        file: string,
        opts: {
          tenant: string;
          document: string;
          documentDate: string;
          issuer?: string;
          reason?: string;
          json?: boolean;
        },
      ) => {
        const csv = readFileSync(file, 'utf8');
        await withRuntime(async (rt) => {
          const result = await importUnits({
            ctx: await tenantContext(rt, opts.tenant),
            input: {
              csv,
              document: {
                number: opts.document,
                date: opts.documentDate,
                ...(opts.issuer ? { issuer: opts.issuer } : {}),
              },
              ...(opts.reason ? { reason: opts.reason } : {}),
            },
          });
          process.stdout.write(
            opts.json
              ? `${JSON.stringify(result, null, 2)}\n`
              : `Đã nhập ${result.created} đơn vị mới, ${result.unchanged} không đổi, ${result.lineage} sự kiện (${result.document.number}) / imported ${result.created} new units, ${result.unchanged} unchanged, ${result.lineage} lineage events\n`,
          );
        });
      },
    );
  units
    .command('end')
    .description('Record the last day a unit existed (or --restore); every plan is recomputed')
    .argument('<code>', 'unit code')
    .requiredOption('--tenant <code>', 'tenant code')
    .option('--valid-to <date>', 'last day YYYY-MM-DD')
    .option('--restore', 'the unit exists again')
    .requiredOption('--reason <text>', 'why (kept in the audit log)')
    .action(async (code: string, opts: { tenant: string; validTo?: string; restore?: boolean; reason: string }) => {
      await withRuntime(async (rt) => {
        if (!opts.validTo && !opts.restore)
          throw new ValidationError({ vi: 'cần --valid-to hoặc --restore', en: '--valid-to or --restore is needed' });
        await endUnit({
          ctx: await tenantContext(rt, opts.tenant),
          input: { unitCode: code, validTo: opts.restore ? null : (opts.validTo ?? null), reason: opts.reason },
        });
        process.stdout.write(
          opts.restore
            ? `Đơn vị ${code} có hiệu lực trở lại / unit ${code} restored\n`
            : `Đơn vị ${code} hết hiệu lực sau ngày ${opts.validTo} / unit ${code} ends on ${opts.validTo}\n`,
        );
      });
    });
  units
    .command('on')
    .description('The units as they were on a date, each with the code that holds its territory today')
    .argument('<date>', 'YYYY-MM-DD')
    .requiredOption('--tenant <code>', 'tenant code')
    .option('--level <level>', 'province | commune | ward | special_zone')
    .option('--json', 'print JSON')
    .action(async (date: string, opts: { tenant: string; level?: string; json?: boolean }) => {
      await withRuntime(async (rt) => {
        const view = await unitsOnDate({
          ctx: await tenantContext(rt, opts.tenant),
          input: { on: date, ...(opts.level ? { level: opts.level } : {}) },
        });
        if (opts.json) {
          process.stdout.write(`${JSON.stringify(view, null, 2)}\n`);
          return;
        }
        for (const u of view.items)
          process.stdout.write(
            `${u.code} ${u.name} (${u.level})${u.today.code === u.code ? '' : ` → nay thuộc ${u.today.code} ${u.today.name ?? ''}`}\n`,
          );
      });
    });
}
