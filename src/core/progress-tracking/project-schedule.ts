// Whether a key project is behind schedule on a date, and why: a milestone past its due date and not met, or the
// project's end date passed while it is neither completed nor cancelled. Pure; dates are ISO "YYYY-MM-DD". A project
// with no dates at all is never called late: nothing says when it was due.
export interface ProjectClock {
  status: string;
  periodEnd: string | null;
  milestones: { title: string; status: string; dueDate: string | null }[];
}

export type ScheduleSlip =
  { kind: 'milestone_overdue'; title: string; dueDate: string } | { kind: 'end_passed'; endDate: string };

export function scheduleSlips(p: ProjectClock, asOf: string): ScheduleSlip[] {
  if (p.status === 'cancelled' || p.status === 'completed') return [];
  const slips: ScheduleSlip[] = p.milestones
    .filter((m) => m.dueDate !== null && m.dueDate < asOf && m.status !== 'met')
    .map((m) => ({ kind: 'milestone_overdue' as const, title: m.title, dueDate: m.dueDate ?? '' }));
  if (p.periodEnd !== null && p.periodEnd < asOf) slips.push({ kind: 'end_passed', endDate: p.periodEnd });
  return slips;
}
