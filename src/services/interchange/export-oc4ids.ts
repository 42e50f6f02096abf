// A plan's key projects as an OC4IDS project package (core/interchange/oc4ids.ts). Project data is public in the
// standard's sense; progress counts only once approved.
import { NotFound, ValidationError } from '../../core/errors.ts';
import { oc4idsPackage } from '../../core/interchange/oc4ids.ts';
import {
  loadOc4idsMilestones,
  loadOc4idsProgress,
  loadOc4idsProjects,
  tenantOc4idsPrefix,
} from '../../storage/repositories/oc4ids-repo.ts';
import { findPlanByCode } from '../../storage/repositories/plans-repo.ts';
import type { ServiceContext } from '../context.ts';
import { authorize, tenantFilter } from '../policy.ts';

export async function exportOc4ids({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { planCode: string };
}): Promise<{ text: string; fileName: string }> {
  authorize(ctx.actor, 'project.read');
  const plan = await findPlanByCode(ctx.db, tenantFilter(ctx.actor), input.planCode);
  if (!plan) throw new NotFound({ vi: `nghị quyết "${input.planCode}"`, en: `Plan "${input.planCode}"` });
  const projects = await loadOc4idsProjects(ctx.db, plan.tenant_id, plan.id);
  if (projects.length === 0)
    throw new ValidationError(
      {
        vi: `Nghị quyết "${plan.code}" không có dự án trọng điểm: gói OC4IDS cần ít nhất một dự án`,
        en: `Plan "${plan.code}" has no key projects: an OC4IDS package needs at least one`,
      },
      [{ path: 'projects', reason: { vi: 'trống', en: 'empty' } }],
      'no_projects',
    );
  const ids = projects.map((p) => p.id);
  const [milestones, progress, tenant] = await Promise.all([
    loadOc4idsMilestones(ctx.db, plan.tenant_id, ids),
    loadOc4idsProgress(ctx.db, plan.tenant_id, ids),
    tenantOc4idsPrefix(ctx.db, plan.tenant_id),
  ]);
  const pkg = oc4idsPackage({
    prefix: tenant.prefix,
    tenantName: tenant.name,
    planCode: plan.code,
    publishedAt: ctx.now(),
    projects: projects.map((p) => ({
      id: p.id,
      code: p.code,
      title: p.title,
      description: p.description,
      status: p.status,
      projectType: p.project_type,
      purpose: p.purpose,
      budgetAmount: p.budget_amount,
      budgetCurrency: p.budget_currency,
      capitalSource: p.capital_source,
      locationText: p.location_text,
      periodStart: p.period_start,
      periodEnd: p.period_end,
      agency: p.agency_code === null ? null : { code: p.agency_code, name: p.agency_name ?? p.agency_code },
      milestones: milestones
        .filter((m) => m.project_id === p.id)
        .map((m) => ({
          code: m.code,
          title: m.title,
          type: m.milestone_type,
          status: m.status,
          dueDate: m.due_date,
          dateMet: m.date_met,
        })),
      progress: progress
        .filter((r) => r.project_id === p.id)
        .map((r) => ({
          period: r.period,
          physicalActualPercent: r.physical_actual_percent,
          physicalPlannedPercent: r.physical_planned_percent,
        })),
    })),
  });
  return { text: `${JSON.stringify(pkg, null, 2)}\n`, fileName: `${plan.code}.oc4ids.json` };
}
