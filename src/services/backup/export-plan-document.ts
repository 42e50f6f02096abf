// A whole plan as one JSON document: its definitions, targets, figures with every vintage and workflow state, stories,
// tasks, projects, breakthroughs, documents, notes, evaluations and issued reports, with the tenant's units, agencies
// and documents it stands on. `chitieu import` reads it back into another database (import-plan-document.ts), and an
// export of that gives the same bytes. Why rows and not the dataset format: docs/decisions/0009-plan-document.md.
import { Forbidden, NotFound } from '../../core/errors.ts';
import { findPlanByCode } from '../../storage/repositories/plans-repo.ts';
import {
  checkEveryTableKnown,
  fixTextForms,
  readTable,
  schemaVersion,
  tablesOf,
  type TableRows,
} from '../../storage/repositories/tenant-tables-repo.ts';
import { writeAudit } from '../audit.ts';
import type { ServiceContext } from '../context.ts';
import { authorize, tenantFilter } from '../policy.ts';
import { PLAN_DOCUMENT_FORMAT, serializeTableDocument } from './table-document.ts';

export async function exportPlanDocument({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { planCode: string };
}): Promise<{ text: string; fileName: string }> {
  // Every vintage, every draft and the names of the people who wrote them: the plan owner and the administrator.
  if (ctx.actor.kind !== 'system') authorize(ctx.actor, 'plan.document');
  if (ctx.actor.kind === 'public') throw new Forbidden();
  const plan = await findPlanByCode(ctx.db, tenantFilter(ctx.actor), input.planCode);
  if (!plan) throw new NotFound({ vi: `nghị quyết "${input.planCode}"`, en: `Plan "${input.planCode}"` });
  return ctx.db.transaction(async (tx) => {
    await checkEveryTableKnown(tx);
    await fixTextForms(tx);
    const tables: Record<string, TableRows> = {};
    for (const name of tablesOf('plan')) tables[name] = await readTable(tx, name, 'plan', plan.tenant_id, plan.id);
    const text = serializeTableDocument({
      format: PLAN_DOCUMENT_FORMAT,
      schema: await schemaVersion(tx),
      tenant: plan.tenant_code,
      plan: plan.code,
      tables,
    });
    // A person's download is recorded (after the reading: the document does not hold its own entry). The operator's
    // CLI export is not: it runs on the machine, outside any account.
    if (ctx.actor.kind === 'user')
      await writeAudit(tx, ctx, {
        tenantId: plan.tenant_id,
        action: 'export',
        entity: 'plan',
        entityId: plan.id,
        after: { format: PLAN_DOCUMENT_FORMAT, bytes: Buffer.byteLength(text) },
        reason: 'plan document export',
      });
    return { text, fileName: `${plan.code}.chitieu.json` };
  });
}
