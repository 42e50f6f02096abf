// A plan's breakthroughs, each with the tasks, key projects and indicators that carry it and its rolled-up status
// (core/progress-tracking/breakthrough-rollup.ts): indicator verdicts come from the plan's stored evaluation, so the
// roll-up reads exactly what the overview shows.
import { NotFound } from '../../core/errors.ts';
import { rollUpBreakthrough, type RollupMember } from '../../core/progress-tracking/breakthrough-rollup.ts';
import { PROJECT_STATUSES, TASK_STATUSES } from '../../core/progress-tracking/vocabulary.ts';
import { EVALUATION_STATUSES, isOneOf, JUDGED_STATUSES } from '../../core/vocabulary.ts';
import { listBreakthroughMembers } from '../../storage/repositories/plan-progress-repo.ts';
import { findPlanByCode } from '../../storage/repositories/plans-repo.ts';
import { listBreakthroughs } from '../../storage/repositories/reference-repo.ts';
import type { ServiceContext } from '../context.ts';
import { evaluatePlan } from '../evaluations/evaluate-plan.ts';
import { authorize } from '../policy.ts';

const INDICATOR_STATUSES = [...EVALUATION_STATUSES, ...JUDGED_STATUSES] as const;

export async function listBreakthroughRollups({ ctx, input }: { ctx: ServiceContext; input: { code: string } }) {
  authorize(ctx.actor, 'reference.read');
  const plan = await findPlanByCode(ctx.db, ctx.actor.tenantId, input.code);
  if (!plan) throw new NotFound({ vi: `nghị quyết "${input.code}"`, en: `Plan "${input.code}"` });
  const [breakthroughs, members, evaluation] = await Promise.all([
    listBreakthroughs(ctx.db, {
      tenantId: plan.tenant_id,
      tenantCode: null,
      plan: plan.code,
      after: null,
      limit: 1000,
    }),
    listBreakthroughMembers(ctx.db, plan.tenant_id, plan.id),
    evaluatePlan({ ctx, input: { planCode: plan.code } }),
  ]);
  // An indicator with several targets weighs once per target: each verdict is its own piece of evidence.
  const verdicts = new Map<string, string[]>();
  for (const r of evaluation.rows)
    verdicts.set(r.indicator.code, [...(verdicts.get(r.indicator.code) ?? []), r.status ?? 'no_data']);
  const today = ctx.now().toISOString().slice(0, 10);
  const items = breakthroughs.map((b) => {
    const mine = members.filter((m) => m.breakthrough_id === b.id);
    const rollupMembers: RollupMember[] = mine.flatMap((m): RollupMember[] => {
      switch (m.entity) {
        case 'indicator': {
          const statuses = verdicts.get(m.code) ?? ['no_data'];
          return statuses.map((s) => ({
            entity: 'indicator',
            code: m.code,
            name: m.name,
            status: isOneOf(INDICATOR_STATUSES, s) ? s : 'no_data',
          }));
        }
        case 'task':
          return [
            {
              entity: 'task',
              code: m.code,
              name: m.name,
              status: isOneOf(TASK_STATUSES, m.status) ? m.status : 'not_started',
              deadline: m.deadline,
              finishedOn: m.finished_on,
            },
          ];
        case 'project':
          return [
            {
              entity: 'project',
              code: m.code,
              name: m.name,
              status: isOneOf(PROJECT_STATUSES, m.status) ? m.status : 'identification',
              milestonesMissed: m.milestones_missed,
            },
          ];
      }
    });
    return {
      id: b.id,
      code: b.code,
      title: b.title,
      body: b.body,
      version: b.version,
      rollup: rollUpBreakthrough(rollupMembers, today),
    };
  });
  return { plan: plan.code, asOf: today, items };
}

export type BreakthroughRollupsView = Awaited<ReturnType<typeof listBreakthroughRollups>>;
