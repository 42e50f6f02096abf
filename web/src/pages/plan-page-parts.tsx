// Pieces the plan's tasks, projects, breakthroughs and agency pages share: the page heading with the plan's name,
// the agency name lookup, and the mapping of a task's or breakthrough's standing onto the verdict badge (icon and
// word, never colour alone).
import { Link } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import type { TaskTimeliness } from '../../../src/core/progress-tracking/vocabulary.ts';
import { StatusBadge } from '../components/status-badge.tsx';
import { usePlans } from '../data/queries.ts';
import { useLocale } from '../i18n/locale.tsx';
import { usePlanPagesText } from '../i18n/plan-pages-messages.ts';
import type { PrintedStatus } from '../vocabulary.ts';
import '../plan-pages.css';

/** The badge colour and icon a task's timeliness borrows from the verdicts (the word is the task's own). */
const TIMELINESS_LOOK: Record<TaskTimeliness, PrintedStatus> = {
  on_time: 'met',
  late: 'nearly_met',
  in_progress: 'on_track',
  overdue: 'off_track',
  no_deadline: 'no_data',
  cancelled: 'no_data',
};

export function TimelinessBadge({ value }: { value: TaskTimeliness }) {
  const p = usePlanPagesText();
  return <StatusBadge status={TIMELINESS_LOOK[value]} text={p.timeliness[value]} />;
}

export function PlanHeading({ plan, title, children }: { plan: string; title: string; children?: ReactNode }) {
  const plans = usePlans();
  const name = plans.data?.find((x) => x.code === plan)?.name;
  return (
    <>
      <h1>
        {title}
        {name && <span className="subtitle">{name}</span>}
      </h1>
      {children}
    </>
  );
}

/** A link to an agency's page; "-" stands for the work no agency is assigned to. */
export function AgencyLink({ plan, agency, label }: { plan: string; agency: string | null; label?: string }) {
  const { t } = useLocale();
  return (
    <Link to="/plans/$plan/agencies/$agency" params={{ plan, agency: agency ?? '-' }}>
      {label ?? agency ?? t.noAgency}
    </Link>
  );
}
