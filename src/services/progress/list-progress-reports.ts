// Every progress report of one task or project, oldest period first, revisions included; the public sees approved
// reports only.
import { findProgressParent, listProgress } from '../../storage/repositories/progress-repo.ts';
import type { ServiceContext } from '../context.ts';
import { authorize } from '../policy.ts';
import { ACTIONS, type ProgressKind } from './progress-access.ts';
import { presentProgress, type ProgressView } from './present-progress.ts';
import { NotFound } from '../../core/errors.ts';
import { evidenceByReport, type EvidenceView } from '../evidence/attach-evidence.ts';

export async function listProgressReports({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { kind: ProgressKind; parentId: string };
}): Promise<{ items: (ProgressView & { evidence: EvidenceView[] })[] }> {
  const scope = authorize(ctx.actor, ACTIONS[input.kind].read);
  const published = scope === 'published';
  const parent = await findProgressParent(ctx.db, input.kind, ctx.actor.tenantId, input.parentId, null);
  if (!parent)
    throw new NotFound(input.kind === 'task' ? { vi: 'nhiệm vụ', en: 'Task' } : { vi: 'dự án', en: 'Project' });
  const rows = await listProgress(ctx.db, input.kind, ctx.actor.tenantId, input.parentId, published);
  const evidence = await evidenceByReport(
    ctx,
    input.kind,
    rows.map((r) => r.id),
  );
  return {
    items: rows.map((r) => ({ ...presentProgress(input.kind, r, published), evidence: evidence.get(r.id) ?? [] })),
  };
}
