// The staff navigation's links to a plan's tasks, key projects, breakthroughs and agencies.
import { Link } from '@tanstack/react-router';
import { usePlanPagesText } from '../i18n/plan-pages-messages.ts';

export function PlanNavLinks({ plan }: { plan: string }) {
  const p = usePlanPagesText();
  return (
    <>
      <Link to="/plans/$plan/tasks" params={{ plan }}>
        {p.navTasks}
      </Link>
      <Link to="/plans/$plan/projects" params={{ plan }}>
        {p.navProjects}
      </Link>
      <Link to="/plans/$plan/breakthroughs" params={{ plan }}>
        {p.navBreakthroughs}
      </Link>
      <Link to="/plans/$plan/agencies" params={{ plan }}>
        {p.navAgencies}
      </Link>
    </>
  );
}
