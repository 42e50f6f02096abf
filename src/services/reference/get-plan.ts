// One plan by its code, in the actor's tenant (or any tenant for the public portal), with the documents it rests on.
import { NotFound } from '../../core/errors.ts';
import { listPlanDocuments } from '../../storage/repositories/plan-progress-repo.ts';
import { findPlanByCode } from '../../storage/repositories/plans-repo.ts';
import type { ServiceContext } from '../context.ts';
import { presentPlan, type PlanView } from '../plans/present-plan.ts';
import { authorize } from '../policy.ts';

export interface PlanDocumentView {
  /** What a citation names the document by (a new target's citation, in the plan owner's dialog). */
  id: string;
  code: string | null;
  kind: string;
  number: string | null;
  issuedOn: string | null;
  issuer: string | null;
  title: string;
  url: string | null;
  role: 'plan' | 'target' | 'milestone' | 'task' | 'source';
}

export async function getPlan({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { code: string };
}): Promise<PlanView & { description: string | null; version: number; documents: PlanDocumentView[] }> {
  authorize(ctx.actor, 'plan.read');
  const row = await findPlanByCode(ctx.db, ctx.actor.tenantId, input.code);
  if (!row) throw new NotFound({ vi: `nghị quyết "${input.code}"`, en: `Plan "${input.code}"` });
  const docs = await listPlanDocuments(ctx.db, row.tenant_id, row.id);
  return {
    ...presentPlan(row),
    description: row.description,
    version: row.version,
    documents: docs.map((d) => ({
      id: d.id,
      code: d.code,
      kind: d.kind,
      number: d.number,
      issuedOn: d.issued_on,
      issuer: d.issuer,
      title: d.title,
      url: d.url,
      role: d.role,
    })),
  };
}
