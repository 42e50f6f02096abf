// Theo cơ quan: the list of agencies with what each owns, and one page per agency: its targets with their verdicts,
// its tasks and projects with their standing, and what it owes. To a signed-in member of the tenant, "what it owes"
// is the API's count from the agency's inbox (figures due, late, returned under the reporting regime); to everyone,
// what the public data tells (targets without figures, overdue tasks, progress reports awaiting approval or
// returned). "-" in the URL is the unassigned work.
import { Link, useParams } from '@tanstack/react-router';
import { Loading, LoadError } from '../components/states.tsx';
import { StatusBadge } from '../components/status-badge.tsx';
import { Figure } from '../components/figures.tsx';
import { useObligations } from '../data/entry-queries.ts';
import {
  useAgencies,
  useEvaluationList,
  useIndicators,
  useProjects,
  useTasks,
  type EvaluationListRow,
} from '../data/queries.ts';
import { may, useMaybeSession } from '../data/session.tsx';
import { useLocale } from '../i18n/locale.tsx';
import { usePlanPagesText } from '../i18n/plan-pages-messages.ts';
import { isPrinted, STATUS_SEVERITY } from '../vocabulary.ts';
import { PlanHeading, TimelinessBadge } from './plan-page-parts.tsx';

const UNASSIGNED = '-';

function usePlanWork(plan: string) {
  const evaluations = useEvaluationList(plan);
  const indicators = useIndicators(plan);
  const tasks = useTasks(plan);
  const projects = useProjects(plan);
  const agencies = useAgencies();
  const user = useMaybeSession()?.user ?? null;
  const signedIn = may(user, 'obligation.read');
  const obligations = useObligations(plan, signedIn);
  const all = [evaluations, indicators, tasks, projects, agencies, obligations];
  const error = all.find((q) => q.isError)?.error;
  if (error) return { state: 'error' as const, error };
  if (!evaluations.data || !indicators.data || !tasks.data || !projects.data || !agencies.data)
    return { state: 'loading' as const };
  if (signedIn && !obligations.data) return { state: 'loading' as const };
  const agencyOf = new Map(indicators.data.map((i) => [i.code, i.agency ?? UNASSIGNED]));
  const idOf = new Map(agencies.data.map((a) => [a.code, a.id]));
  const owed = obligations.data;
  const of = (code: string) => ({
    targets: evaluations.data.rows.filter((r) => (agencyOf.get(r.indicator.code) ?? UNASSIGNED) === code),
    tasks: tasks.data.filter((x) => (x.agency ?? UNASSIGNED) === code),
    projects: projects.data.filter((x) => (x.agency ?? UNASSIGNED) === code),
    // Signed in: what the agency's inbox owes (an agency owning no indicator owes no figure).
    owes: owed
      ? (owed.agencies.find((o) => o.agencyId === (idOf.get(code) ?? null)) ?? {
          due: 0,
          late: 0,
          returned: 0,
          nextDueDate: null,
        })
      : null,
  });
  return { state: 'ready' as const, agencies: agencies.data, of, owed };
}

export function AgenciesPage() {
  const { plan } = useParams({ strict: false }) as { plan: string };
  const { num } = useLocale();
  const p = usePlanPagesText();
  const work = usePlanWork(plan);
  if (work.state === 'loading') return <Loading />;
  if (work.state === 'error') return <LoadError error={work.error} />;
  const entries = [
    ...work.agencies.map((a) => ({ code: a.code, name: a.name })),
    { code: UNASSIGNED, name: p.unassigned },
  ];
  return (
    <>
      <PlanHeading plan={plan} title={p.agenciesTitle} />
      {work.agencies.length === 0 && <p className="muted">{p.noAgencies}</p>}
      <ul className="agency-list" data-testid="agencies">
        {entries.map((a) => {
          const w = work.of(a.code);
          return (
            <li key={a.code} data-agency={a.code}>
              <Link to="/plans/$plan/agencies/$agency" params={{ plan, agency: a.code }}>
                {a.name}
              </Link>
              <span className="muted">
                {' '}
                {p.countOf(num(w.targets.length), p.agencyTargets.toLowerCase())} ·{' '}
                {p.countOf(num(w.tasks.length), p.agencyTasks.toLowerCase())} ·{' '}
                {p.countOf(num(w.projects.length), p.agencyProjects.toLowerCase())}
                {w.owes && w.owes.late > 0 && <strong className="late"> · {p.owesLate(num(w.owes.late))}</strong>}
              </span>
            </li>
          );
        })}
      </ul>
    </>
  );
}

export function AgencyPage() {
  const { plan, agency } = useParams({ strict: false }) as { plan: string; agency: string };
  const { t, locale, num, date } = useLocale();
  const p = usePlanPagesText();
  const user = useMaybeSession()?.user ?? null;
  const work = usePlanWork(plan);
  if (work.state === 'loading') return <Loading />;
  if (work.state === 'error') return <LoadError error={work.error} />;
  const found = work.agencies.find((a) => a.code === agency);
  if (agency !== UNASSIGNED && !found) return <p role="alert">{t.notFound}</p>;
  const name = found?.name ?? p.unassigned;
  const w = work.of(agency);
  const targets = [...w.targets].sort(
    (a: EvaluationListRow, b: EvaluationListRow) =>
      STATUS_SEVERITY[isPrinted(a.status) ? a.status : 'no_data'] -
      STATUS_SEVERITY[isPrinted(b.status) ? b.status : 'no_data'],
  );
  const noFigures = w.targets.filter((r) => r.actual.value === null && !r.composite).length;
  const overdue = w.tasks.filter((x) => x.timeliness === 'overdue').length;
  const pending = w.tasks.filter(
    (x) =>
      x.latestReport && (x.latestReport.workflowState === 'submitted' || x.latestReport.workflowState === 'returned'),
  ).length;
  return (
    <>
      <p>
        <Link to="/plans/$plan/agencies" params={{ plan }}>
          ← {p.agenciesTitle}
        </Link>
      </p>
      <PlanHeading plan={plan} title={p.agencyTitle(name)} />
      <section aria-labelledby="owes" className="owes" data-testid="owes">
        <h2 id="owes">{p.agencyOwes}</h2>
        <ul>
          {w.owes && work.owed && (
            <>
              <li data-testid="owes-due">{p.owesDue(num(w.owes.due))}</li>
              <li data-testid="owes-late" className={w.owes.late > 0 ? 'late' : undefined}>
                {p.owesLate(num(w.owes.late))}
              </li>
              <li data-testid="owes-returned">{p.owesReturned(num(w.owes.returned))}</li>
            </>
          )}
          <li>{p.owesFigures(num(noFigures))}</li>
          <li>{p.owesOverdue(num(overdue))}</li>
          <li>{p.owesPending(num(pending))}</li>
        </ul>
        {w.owes && work.owed ? (
          <p className="muted">
            {w.owes.nextDueDate && <>{p.owesNext(date(w.owes.nextDueDate))}. </>}
            {p.owesRules(work.owed.rules.title[locale], date(work.owed.today))}{' '}
            {may(user, 'observation.enter') && (
              <Link to="/plans/$plan/inbox" params={{ plan }}>
                {p.owesInbox}
              </Link>
            )}
          </p>
        ) : (
          <p className="muted">{p.owesNote}</p>
        )}
      </section>
      <section aria-labelledby="a-targets">
        <h2 id="a-targets">
          {p.agencyTargets} ({num(targets.length)})
        </h2>
        {targets.length === 0 ? (
          <p className="muted">{p.none}</p>
        ) : (
          <ul className="agency-items" data-testid="agency-targets">
            {targets.map((r) => {
              const s = isPrinted(r.status) ? r.status : 'no_data';
              return (
                <li key={r.targetId}>
                  <StatusBadge status={s} text={r.displayStatus?.[locale] ?? ''} />{' '}
                  <Link to="/plans/$plan/indicators/$code" params={{ plan, code: r.indicator.code }}>
                    {r.indicator.code}. {r.indicator.name}
                  </Link>{' '}
                  <Figure value={r.actual.value} unit={r.indicator.unit} estimate={r.actual.estimate} />
                </li>
              );
            })}
          </ul>
        )}
      </section>
      <section aria-labelledby="a-tasks">
        <h2 id="a-tasks">
          {p.agencyTasks} ({num(w.tasks.length)})
        </h2>
        {w.tasks.length === 0 ? (
          <p className="muted">{p.none}</p>
        ) : (
          <ul className="agency-items" data-testid="agency-tasks">
            {w.tasks.map((x) => (
              <li key={x.id}>
                <TimelinessBadge value={x.timeliness} /> <span className="code">{x.code}</span> {x.title}
                {x.deadline && <span className="muted"> · {date(x.deadline)}</span>}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="a-projects">
        <h2 id="a-projects">
          {p.agencyProjects} ({num(w.projects.length)})
        </h2>
        {w.projects.length === 0 ? (
          <p className="muted">{p.none}</p>
        ) : (
          <ul className="agency-items" data-testid="agency-projects">
            {w.projects.map((x) => (
              <li key={x.id}>
                <span className="code">{x.code}</span> {x.title} <span className="muted">· {p.stage[x.status]}</span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
