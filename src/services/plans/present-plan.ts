// The outward shape of a plan (API, CLI, web): explicit fields, never the raw row.
import type { PlanRow } from '../../storage/repositories/plans-repo.ts';

export interface PlanView {
  id: string;
  code: string;
  tenant: string;
  name: string;
  /** The unit the plan is for (its id is what figures of the unit are entered against). */
  unit: { id: string; code: string; name: string } | null;
  term: { firstYear: number; lastYear: number };
  status: string;
  counts: { indicators: number; targets: number; tasks: number; projects: number; breakthroughs: number };
}

export function presentPlan(r: PlanRow): PlanView {
  return {
    id: r.id,
    code: r.code,
    tenant: r.tenant_code,
    name: r.name,
    unit: r.unit_id && r.unit_code && r.unit_name ? { id: r.unit_id, code: r.unit_code, name: r.unit_name } : null,
    term: { firstYear: r.first_year, lastYear: r.last_year },
    status: r.status,
    counts: {
      indicators: r.indicators,
      targets: r.targets,
      tasks: r.tasks,
      projects: r.projects,
      breakthroughs: r.breakthroughs,
    },
  };
}
