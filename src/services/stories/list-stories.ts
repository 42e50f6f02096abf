// The stories of a plan's targets, every version newest first, the current one (newest of the newest period) marked:
// what the overview, the indicator page and the reports print beside a status. Staff only: a story may speak of
// figures still under review, so the public portal does not get them.
import { NotFound } from '../../core/errors.ts';
import { findPlanByCode } from '../../storage/repositories/plans-repo.ts';
import { listPlanStories } from '../../storage/repositories/stories-repo.ts';
import type { ServiceContext } from '../context.ts';
import { authorize } from '../policy.ts';

export interface StoryView {
  id: string;
  targetId: string;
  indicatorCode: string;
  period: string;
  seq: number;
  cause: string;
  measures: string;
  requests: string | null;
  author: { id: string | null; name: string | null };
  at: string;
  /** The newest version of the newest period told for this target. */
  current: boolean;
}

export async function listStories({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { planCode: string; targetId?: string };
}): Promise<{ items: StoryView[] }> {
  authorize(ctx.actor, 'observation.read');
  if (ctx.actor.kind === 'public' || ctx.actor.tenantId === null) return { items: [] };
  const plan = await findPlanByCode(ctx.db, ctx.actor.tenantId, input.planCode);
  if (!plan) throw new NotFound({ vi: `nghị quyết "${input.planCode}"`, en: `Plan "${input.planCode}"` });
  const rows = await listPlanStories(ctx.db, ctx.actor.tenantId, plan.id, input.targetId ?? null);
  const seen = new Set<string>();
  return {
    items: rows.map((r) => {
      const current = !seen.has(r.target_id);
      seen.add(r.target_id);
      return {
        id: r.id,
        targetId: r.target_id,
        indicatorCode: r.indicator_code,
        period: r.period,
        seq: r.seq,
        cause: r.cause,
        measures: r.measures,
        requests: r.requests,
        author: { id: r.author_id, name: r.author_name },
        at: new Date(r.created_at).toISOString(),
        current,
      };
    }),
  };
}
