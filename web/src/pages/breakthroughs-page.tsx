// Đột phá: each strategic breakthrough with the tasks, key projects and indicators that carry it and its rolled-up
// status, explained like a verdict: the rule, the count of members by standing, and the members that decide it. The
// roll-up is computed by the API (core/progress-tracking/breakthrough-rollup.ts); this page only shows it.
import { Link, useNavigate, useParams, useSearch } from '@tanstack/react-router';
import { OutlineItemCreator } from '../components/outline-item-creator.tsx';
import { OutlineItemEditor } from '../components/outline-item-editor.tsx';
import { Loading, LoadError } from '../components/states.tsx';
import { StatusBadge } from '../components/status-badge.tsx';
import { useBreakthroughRollups, type BreakthroughRollups } from '../data/queries.ts';
import { may, useMaybeSession } from '../data/session.tsx';
import { useLocale } from '../i18n/locale.tsx';
import { useTargetEditText } from '../i18n/target-edit-messages.ts';
import { usePlanPagesText } from '../i18n/plan-pages-messages.ts';
import type { BreakthroughsSearch } from '../search-params.ts';
import { isPrinted, statusWord } from '../vocabulary.ts';
import { PlanHeading } from './plan-page-parts.tsx';

type Member = BreakthroughRollups['items'][number]['rollup']['members'][number];

function MemberLine({ plan, m }: { plan: string; m: Member }) {
  const { locale } = useLocale();
  const p = usePlanPagesText();
  const state =
    m.entity === 'indicator' && isPrinted(m.state)
      ? statusWord(m.state, locale)
      : m.entity === 'task'
        ? (p.timeliness[m.state as keyof typeof p.timeliness] ?? m.state)
        : (p.stage[m.state as keyof typeof p.stage] ?? m.state);
  return (
    <li data-entity={m.entity} data-code={m.code} className={`member member-${m.standing}`}>
      <span className="member-standing">{p.standing[m.standing]}</span>{' '}
      {m.entity === 'indicator' ? (
        <Link to="/plans/$plan/indicators/$code" params={{ plan, code: m.code }}>
          {m.code}. {m.name}
        </Link>
      ) : m.entity === 'task' ? (
        <Link to="/plans/$plan/tasks" params={{ plan }}>
          {m.code}. {m.name}
        </Link>
      ) : (
        <span>
          {m.code}. {m.name}
        </span>
      )}{' '}
      <span className="muted">({state})</span>
    </li>
  );
}

export function BreakthroughsPage() {
  const { plan } = useParams({ strict: false }) as { plan: string };
  const search = useSearch({ strict: false }) as BreakthroughsSearch;
  const navigate = useNavigate();
  const { t, locale, num, date } = useLocale();
  const p = usePlanPagesText();
  const e = useTargetEditText();
  const session = useMaybeSession();
  // The plan owner (and the admin) add a breakthrough, and edit one's title and text, with a reason (PATCH, If-Match).
  const mayEdit = may(session?.user ?? null, 'reference.manage');
  const data = useBreakthroughRollups(plan);
  if (data.isPending) return <Loading />;
  if (data.isError) return <LoadError error={data.error} />;
  const toggle = (code: string, open: boolean) =>
    void navigate({ to: '.', search: { open: open ? code : undefined }, replace: true } as never);
  return (
    <>
      <PlanHeading plan={plan} title={p.breakthroughsTitle}>
        <p className="muted">
          {t.evaluatedOn(date(data.data.asOf))}. {p.rollupRule}
        </p>
      </PlanHeading>
      {mayEdit && <OutlineItemCreator plan={plan} kind="breakthrough" />}
      <ol className="breakthroughs" data-testid="breakthroughs">
        {data.data.items.map((b) => {
          const r = b.rollup;
          const c = (k: string) => num(r.counts[k] ?? 0);
          const byEntity = (e: Member['entity']) => r.members.filter((m) => m.entity === e);
          return (
            <li key={b.id} className="breakthrough" data-code={b.code} data-status={r.status}>
              <h2>
                <span className="code">{b.code}</span> {b.title}
                {mayEdit && (
                  <>
                    {' '}
                    <OutlineItemEditor
                      plan={plan}
                      kind="breakthrough"
                      code={b.code}
                      version={b.version}
                      buttonLabel={e.edit}
                      title={e.editBreakthrough(b.code)}
                      fields={[
                        { name: 'title', label: e.breakthroughTitle, value: b.title, type: 'textarea', required: true },
                        { name: 'body', label: e.breakthroughBody, value: b.body, type: 'textarea' },
                      ]}
                    />
                  </>
                )}
              </h2>
              {b.body && b.body !== b.title && <p className="breakthrough-body">{b.body}</p>}
              <div className="rollup">
                <span className="muted">{p.rollupLabel}</span>{' '}
                <StatusBadge status={r.status} text={statusWord(r.status, locale)} />
                <p className="muted">{p.rollupCounts(c('good'), c('running'), c('concern'), c('bad'), c('unknown'))}</p>
              </div>
              {r.members.length === 0 ? (
                <p className="missing">{p.noMembers}</p>
              ) : (
                <details
                  open={search.open === b.code}
                  onToggle={(e) => {
                    const open = e.currentTarget.open;
                    if (open !== (search.open === b.code)) toggle(b.code, open);
                  }}
                >
                  <summary data-testid={`members-${b.code}`}>{p.showMembers(num(r.members.length))}</summary>
                  <h3>{p.decidedBy}</h3>
                  <ul className="members" data-testid={`decided-${b.code}`}>
                    {r.decidedBy.map((m, i) => (
                      <MemberLine key={`${m.entity}-${m.code}-${i}`} plan={plan} m={m} />
                    ))}
                  </ul>
                  {(['indicator', 'task', 'project'] as const).map((e) => {
                    const list = byEntity(e);
                    if (list.length === 0) return null;
                    const title =
                      e === 'indicator' ? p.memberIndicators : e === 'task' ? p.memberTasks : p.memberProjects;
                    return (
                      <section key={e}>
                        <h3>
                          {title} ({num(list.length)})
                        </h3>
                        <ul className="members">
                          {list.map((m, i) => (
                            <MemberLine key={`${m.code}-${i}`} plan={plan} m={m} />
                          ))}
                        </ul>
                      </section>
                    );
                  })}
                </details>
              )}
            </li>
          );
        })}
      </ol>
    </>
  );
}
