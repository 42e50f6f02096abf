// The plans a city follows, each a link to its overview (staff) or its public page (portal).
import { Link } from '@tanstack/react-router';
import { usePlans, type PlanItem } from '../data/queries.ts';
import { useLocale } from '../i18n/locale.tsx';
import { Loading, LoadError } from '../components/states.tsx';

function PlanList({ portal }: { portal: boolean }) {
  const { t, num } = useLocale();
  const plans = usePlans();
  if (plans.isPending) return <Loading />;
  if (plans.isError) return <LoadError />;
  if (plans.data.length === 0) return <p>{t.empty}</p>;
  const card = (p: PlanItem) => (
    <li key={p.id} data-plan={p.code} className="plan-card">
      <h2>
        {portal ? (
          <Link to="/portal/$plan" params={{ plan: p.code }}>
            {p.name}
          </Link>
        ) : (
          <Link to="/plans/$plan" params={{ plan: p.code }}>
            {p.name}
          </Link>
        )}
      </h2>
      <p className="muted">
        {t.term} {p.term.firstYear}–{p.term.lastYear}
      </p>
      <ul className="plan-counts">
        <li>
          <strong>{num(p.counts.targets)}</strong> {t.targets}
        </li>
        <li>
          <strong>{num(p.counts.tasks)}</strong> {t.tasks}
        </li>
        <li>
          <strong>{num(p.counts.projects)}</strong> {t.projects}
        </li>
        <li>
          <strong>{num(p.counts.breakthroughs)}</strong> {t.breakthroughs}
        </li>
      </ul>
    </li>
  );
  return (
    <ul className="plans" data-testid="plans">
      {plans.data.map(card)}
    </ul>
  );
}

export function HomePage() {
  const { t } = useLocale();
  return (
    <>
      <h1>{t.plans}</h1>
      <PlanList portal={false} />
    </>
  );
}

export function PortalHomePage() {
  const { t } = useLocale();
  return (
    <>
      <h1>{t.plans}</h1>
      <PlanList portal />
    </>
  );
}
