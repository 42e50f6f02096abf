// Reads a whole-plan document (export-plan-document.ts) into this database in one transaction: all of it or nothing.
// Its ids are fitted to this database first (remap-ids.ts): a file written by another database imports beside the
// plans this one holds; in an empty database the plan keeps its ids, and every reference inside it (citations,
// evaluations' inputs, stories' targets) holds either way.
// The tenant's units, agencies and documents already present are kept; the people the plan names come in as
// inactive accounts without a password (an administrator gives them access).
import { Conflict, Forbidden, ValidationError } from '../../core/errors.ts';
import { setDeferred, tablesOf, writeTable, type Deferred } from '../../storage/repositories/tenant-tables-repo.ts';
import { writeAudit } from '../audit.ts';
import type { ServiceContext } from '../context.ts';
import { authorize } from '../policy.ts';
import { remapIds } from './remap-ids.ts';
import { checkTenantBounds, PLAN_DOCUMENT_FORMAT, parseTableDocument, readyToLoad } from './table-document.ts';

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
  if (ctx.actor.kind !== 'system') authorize(ctx.actor, 'plan.document');
  if (ctx.actor.kind === 'public') throw new Forbidden();
  const parsed = parseTableDocument(input.text, PLAN_DOCUMENT_FORMAT);
  const tenantRow = parsed.tables.tenants?.rows[0];
  const planRow = parsed.tables.plans?.rows[0];
  const tenantIdInFile = tenantRow?.[parsed.tables.tenants?.columns.indexOf('id') ?? -1];
  const planIdInFile = planRow?.[parsed.tables.plans?.columns.indexOf('id') ?? -1];
  if (!tenantIdInFile || !planIdInFile || parsed.plan === undefined)
    throw new ValidationError(
      { vi: 'Tệp thiếu địa phương hoặc nghị quyết', en: 'The file lacks its tenant or its plan' },
      [{ path: 'tables', reason: { vi: 'thiếu tenants hoặc plans', en: 'tenants or plans missing' } }],
      'invalid_document',
    );
  return ctx.db.transaction(async (tx) => {
    await readyToLoad(tx, parsed);
    const order = tablesOf('plan');
    // The file's ids fitted to this database (remap-ids.ts): the same tenant held here under other ids, its units,
    // agencies and people matched by their codes and e-mails, any id already taken given anew.
    const fitted = await remapIds(tx, parsed, order);
    const doc = fitted.doc;
    const tenantId = fitted.tenantId;
    // A person imports into their own tenant only; a new tenant is the operator's (CLI) act.
    if (ctx.actor.kind !== 'system' && (!fitted.tenantHeld || ctx.actor.tenantId !== tenantId)) throw new Forbidden();
    const planId = doc.tables.plans?.rows[0]?.[doc.tables.plans.columns.indexOf('id')] ?? planIdInFile;
    const present = await tx.query('SELECT 1 FROM plans WHERE tenant_id = $1 AND code = $2', [tenantId, doc.plan]);
    if (present.length > 0)
      throw new Conflict('plan_exists', {
        vi: `Nghị quyết "${doc.plan}" đã có; tệp không ghi đè nghị quyết đang có`,
        en: `Plan "${doc.plan}" already exists; the file does not overwrite a plan`,
      });
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
    await checkTenantBounds(tx, doc.tables, tenantId);
    await writeAudit(tx, ctx, {
      tenantId,
      action: 'import',
      entity: 'plan',
      entityId: planId,
      after: { format: doc.format, schema: doc.schema, rows, idsGivenAnew: fitted.changed },
      reason: 'plan document import',
    });
    return { tenant: doc.tenant, plan: doc.plan ?? '', rows };
  });
}
