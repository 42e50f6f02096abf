// Reads a whole-plan document (export-plan-document.ts) into this database in one transaction: all of it or nothing.
// The plan keeps its ids, so every reference inside it (citations, evaluations' inputs, stories' targets) still holds.
// The tenant's units, agencies and documents already present are kept; the people the plan names come in as
// inactive accounts without a password (an administrator gives them access).
import { Conflict, Forbidden, ValidationError } from '../../core/errors.ts';
import { setDeferred, tablesOf, writeTable, type Deferred } from '../../storage/repositories/tenant-tables-repo.ts';
import { writeAudit } from '../audit.ts';
import { hasRole, type ServiceContext } from '../context.ts';
import { PLAN_DOCUMENT_FORMAT, parseTableDocument, readyToLoad } from './table-document.ts';

/** What a plan shares with the rest of its tenant: kept when already present. */
const SHARED = new Set(['tenants', 'units', 'documents', 'unit_lineage', 'agencies', 'users']);

/** An argon2 verifier never accepts this: the account exists, nobody can log in to it until a password is set. */
export const NO_PASSWORD = '!';

export interface PlanImportResult {
  tenant: string;
  plan: string;
  rows: Record<string, number>;
}

export async function importPlanDocument({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { text: string };
}): Promise<PlanImportResult> {
  if (ctx.actor.kind !== 'system' && !hasRole(ctx.actor, 'admin')) throw new Forbidden();
  const doc = parseTableDocument(input.text, PLAN_DOCUMENT_FORMAT);
  const tenantRow = doc.tables.tenants?.rows[0];
  const planRow = doc.tables.plans?.rows[0];
  const tenantId = tenantRow?.[doc.tables.tenants?.columns.indexOf('id') ?? -1];
  const planId = planRow?.[doc.tables.plans?.columns.indexOf('id') ?? -1];
  if (!tenantId || !planId || doc.plan === undefined)
    throw new ValidationError(
      { vi: 'Tệp thiếu địa phương hoặc nghị quyết', en: 'The file lacks its tenant or its plan' },
      [{ path: 'tables', reason: { vi: 'thiếu tenants hoặc plans', en: 'tenants or plans missing' } }],
      'invalid_document',
    );
  if (ctx.actor.kind !== 'system' && ctx.actor.tenantId !== tenantId) throw new Forbidden();
  return ctx.db.transaction(async (tx) => {
    await readyToLoad(tx, doc);
    const [held] = await tx.query<{ id: string }>('SELECT id FROM tenants WHERE code = $1', [doc.tenant]);
    if (held !== undefined && held.id !== tenantId)
      throw new Conflict('tenant_differs', {
        vi: `Địa phương "${doc.tenant}" ở cơ sở dữ liệu này là một bản ghi khác với địa phương trong tệp; chỉ nhập được vào cơ sở dữ liệu trống hoặc cơ sở dữ liệu đã xuất ra tệp`,
        en: `Tenant "${doc.tenant}" in this database is a different record from the file's; import into an empty database or the one that wrote the file`,
      });
    const present = await tx.query('SELECT 1 FROM plans WHERE tenant_id = $1 AND (code = $2 OR id = $3)', [
      tenantId,
      doc.plan,
      planId,
    ]);
    if (present.length > 0)
      throw new Conflict('plan_exists', {
        vi: `Nghị quyết "${doc.plan}" đã có; tệp không ghi đè nghị quyết đang có`,
        en: `Plan "${doc.plan}" already exists; the file does not overwrite a plan`,
      });
    const order = tablesOf('plan');
    const deferred: Deferred[] = [];
    const rows: Record<string, number> = {};
    for (const name of order) {
      const data = doc.tables[name];
      if (data === undefined) continue;
      const extra =
        name === 'users' ? { columns: ['password_hash', 'active'], values: () => [NO_PASSWORD, 'false'] } : null;
      deferred.push(await writeTable(tx, name, data, order, extra, SHARED.has(name)));
      rows[name] = data.rows.length;
    }
    for (const d of deferred) await setDeferred(tx, d);
    await writeAudit(tx, ctx, {
      tenantId,
      action: 'import',
      entity: 'plan',
      entityId: planId,
      after: { format: doc.format, schema: doc.schema, rows },
      reason: 'plan document import',
    });
    return { tenant: doc.tenant, plan: doc.plan ?? '', rows };
  });
}
