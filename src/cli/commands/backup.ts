// `chitieu backup FILE --tenant CODE` and `chitieu restore FILE [--replace]`: a tenant's data as one JSON file, and
// back (services/backup). Restore never loads the bundled dataset first, and never replaces a tenant unless asked.
import { readFile, writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { formatNumber } from '../../core/format/number.ts';
import { backupTenant } from '../../services/backup/backup-tenant.ts';
import { restoreTenant } from '../../services/backup/restore-tenant.ts';
import { withRuntime } from '../with-runtime.ts';

export function backupCommands(program: Command): void {
  program
    .command('backup')
    .description("Write a tenant's backup: plans, figures, users (without passwords), audit log, as one JSON file")
    .argument('<file>', 'file to write (.json)')
    .requiredOption('--tenant <code>', 'tenant code')
    .option('--json', 'print the row counts as JSON')
    .action(async (file: string, opts: { tenant: string; json?: boolean }) => {
      const out = await withRuntime((rt) =>
        backupTenant({ ctx: rt.systemContext('cli'), input: { tenantCode: opts.tenant } }),
      );
      await writeFile(file, out.text);
      const total = Object.values(out.rows).reduce((a, b) => a + b, 0);
      if (opts.json) process.stdout.write(`${JSON.stringify({ file, rows: out.rows }, null, 2)}\n`);
      else process.stdout.write(`${file}: ${formatNumber(total)} dòng / rows\n`);
    });

  program
    .command('restore')
    .description("Restore a tenant's backup; refuses a tenant already present unless --replace")
    .argument('<file>', 'a file written by chitieu backup')
    .option('--replace', 'replace the tenant already present (its audit log is kept)')
    .option('--json', 'print the result as JSON')
    .action(async (file: string, opts: { replace?: boolean; json?: boolean }) => {
      const text = await readFile(file, 'utf8');
      const out = await withRuntime(
        (rt) => restoreTenant({ ctx: rt.systemContext('cli'), input: { text, replace: opts.replace === true } }),
        { seedOnStart: false },
      );
      if (opts.json) {
        process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
        return;
      }
      const total = Object.values(out.rows).reduce((a, b) => a + b, 0);
      process.stdout.write(
        `${out.replaced ? 'Đã thay' : 'Đã khôi phục'} ${out.tenant}: ${formatNumber(total)} dòng / ${out.replaced ? 'replaced' : 'restored'}: ${String(total)} rows\n`,
      );
      for (const p of out.oneTimePasswords)
        process.stdout.write(
          `${p.email}: mật khẩu dùng một lần / one-time password ${p.password} (đổi khi đăng nhập / change at login)\n`,
        );
    });
}
