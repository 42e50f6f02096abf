// Dự án, công trình trọng điểm: list 1 (the city leads) and list 2 (it coordinates), each project with its stage,
// investment, physical and financial progress, milestones on a timeline and agency; filters by agency, stage and
// list, kept in the URL.
import { useNavigate, useParams, useSearch } from '@tanstack/react-router';
import { PROJECT_ROLES, PROJECT_STATUSES } from '../../../src/core/progress-tracking/vocabulary.ts';
import { Missing } from '../components/figures.tsx';
import { Loading, LoadError } from '../components/states.tsx';
import { StatusBadge } from '../components/status-badge.tsx';
import { useProjects, type ProjectItem } from '../data/queries.ts';
import { useLocale } from '../i18n/locale.tsx';
import { usePlanPagesText } from '../i18n/plan-pages-messages.ts';
import type { ProjectsSearch } from '../search-params.ts';
import type { PrintedStatus } from '../vocabulary.ts';
import { AgencyLink, PlanHeading } from './plan-page-parts.tsx';
import { OutlineItemCreator } from '../components/outline-item-creator.tsx';
import { OutlineItemEditor } from '../components/outline-item-editor.tsx';
import { may, useMaybeSession } from '../data/session.tsx';
import { useTargetEditText } from '../i18n/target-edit-messages.ts';

/** A project's stage borrows a verdict's look: completed reads as met, stopped as not met, the rest as running. */
const STAGE_LOOK: Record<ProjectItem['status'], PrintedStatus> = {
  identification: 'no_data',
  preparation: 'on_track',
  implementation: 'on_track',
  completion: 'on_track',
  completed: 'met',
  cancelled: 'not_met',
};

function Timeline({ project }: { project: ProjectItem }) {
  const { date } = useLocale();
  const p = usePlanPagesText();
  if (project.milestones.length === 0) return <span className="missing">{p.noMilestones}</span>;
  return (
    <ol className="timeline">
      {project.milestones.map((m) => (
        <li key={m.code} className={`milestone milestone-${m.status}`}>
          <span className="milestone-dot" aria-hidden="true" />
          <span>
            {m.title} · <em>{p.milestone[m.status] ?? m.status}</em>
            {m.dateMet
              ? ` · ${p.milestoneMet(date(m.dateMet))}`
              : m.dueDate
                ? ` · ${p.milestoneDue(date(m.dueDate))}`
                : ''}
          </span>
        </li>
      ))}
    </ol>
  );
}

function ProjectTable({ plan, projects, caption }: { plan: string; projects: ProjectItem[]; caption: string }) {
  const { num, date } = useLocale();
  const p = usePlanPagesText();
  const e = useTargetEditText();
  const session = useMaybeSession();
  // The plan owner (and the admin) edit a project's title and period here, with a reason (PATCH, If-Match).
  const mayEdit = may(session?.user ?? null, 'reference.manage');
  const latest = (x: ProjectItem) => x.progress[x.progress.length - 1];
  return (
    <div className="table-wrap" tabIndex={0}>
      <table className="cards projects" data-testid="projects">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{p.colProject}</th>
            <th scope="col">{p.colStage}</th>
            <th scope="col">{p.colOwner}</th>
            <th scope="col">{p.colInvestment}</th>
            <th scope="col">{p.colPhysical}</th>
            <th scope="col">{p.colFinancial}</th>
            <th scope="col">{p.colMilestones}</th>
          </tr>
        </thead>
        <tbody>
          {projects.map((x) => {
            const last = latest(x);
            return (
              <tr key={x.id} data-code={x.code} data-status={x.status}>
                <th scope="row" data-label={p.colProject}>
                  <span>
                    <span className="code">{x.code}</span> {x.title}
                    {(x.period.start || x.period.end) && (
                      <span className="figure-period">
                        {' '}
                        · {x.period.start ? date(x.period.start) : '…'}–{x.period.end ? date(x.period.end) : '…'}
                      </span>
                    )}
                  </span>
                  {mayEdit && (
                    <>
                      {' '}
                      <OutlineItemEditor
                        plan={plan}
                        kind="project"
                        code={x.code}
                        version={x.version}
                        buttonLabel={e.edit}
                        title={e.editProject(x.code)}
                        fields={[
                          { name: 'title', label: e.projectTitle, value: x.title, type: 'textarea', required: true },
                          { name: 'periodStart', label: e.projectStart, value: x.period.start, type: 'date' },
                          { name: 'periodEnd', label: e.projectEnd, value: x.period.end, type: 'date' },
                        ]}
                      />
                    </>
                  )}
                </th>
                <td data-label={p.colStage}>
                  <StatusBadge status={STAGE_LOOK[x.status]} text={p.stage[x.status]} />
                </td>
                <td data-label={p.colOwner}>
                  <AgencyLink plan={plan} agency={x.agency} />
                </td>
                <td data-label={p.colInvestment}>
                  {x.budget ? (
                    <span className="figure-value">{num(x.budget)}</span>
                  ) : (
                    <span className="missing">{p.noInvestment}</span>
                  )}
                  {x.capitalSource && <span className="figure-period"> {x.capitalSource}</span>}
                </td>
                <td data-label={p.colPhysical}>
                  {last?.physicalActualPercent ? (
                    <span>
                      <span className="figure-value">{num(last.physicalActualPercent)} %</span>{' '}
                      <span className="figure-period">{last.period}</span>
                    </span>
                  ) : (
                    <span className="missing">{p.noProgress}</span>
                  )}
                </td>
                <td data-label={p.colFinancial}>
                  {last?.disbursed ? <span className="figure-value">{num(last.disbursed)}</span> : <Missing />}
                </td>
                <td data-label={p.colMilestones}>
                  <Timeline project={x} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

export function ProjectsPage() {
  const { plan } = useParams({ strict: false }) as { plan: string };
  const search = useSearch({ strict: false }) as ProjectsSearch;
  const navigate = useNavigate();
  const { t, num } = useLocale();
  const p = usePlanPagesText();
  const session = useMaybeSession();
  // The plan owner (and the admin) add a key project here, with a reason.
  const mayEdit = may(session?.user ?? null, 'reference.manage');
  const projects = useProjects(plan);
  if (projects.isPending) return <Loading />;
  if (projects.isError) return <LoadError error={projects.error} />;
  const setSearch = (patch: Partial<ProjectsSearch>) =>
    void navigate({ to: '.', search: (prev: ProjectsSearch) => ({ ...prev, ...patch }), replace: true } as never);
  const all = projects.data;
  const agencies = [...new Set(all.map((x) => x.agency ?? ''))].sort();
  const stages = PROJECT_STATUSES.filter((s) => all.some((x) => x.status === s));
  const shown = all.filter(
    (x) =>
      (!search.status || x.status === search.status) &&
      (!search.list || x.role === search.list) &&
      (search.agency === undefined || (x.agency ?? '') === search.agency),
  );
  const filtered = Boolean(search.status || search.list) || search.agency !== undefined;
  return (
    <>
      <PlanHeading plan={plan} title={p.projectsTitle} />
      {mayEdit && <OutlineItemCreator plan={plan} kind="project" />}
      <section aria-label={t.filters} className="filters">
        <label>
          <span>{p.filterRole}</span>
          <select
            data-testid="project-list"
            value={search.list ?? ''}
            onChange={(e) => setSearch({ list: PROJECT_ROLES.find((r) => r === e.currentTarget.value) ?? undefined })}
          >
            <option value="">{t.any}</option>
            <option value="lead">{p.list1}</option>
            <option value="coordinate">{p.list2}</option>
          </select>
        </label>
        <label>
          <span>{p.colStage}</span>
          <select
            data-testid="project-status"
            value={search.status ?? ''}
            onChange={(e) => setSearch({ status: e.currentTarget.value || undefined })}
          >
            <option value="">{t.any}</option>
            {stages.map((s) => (
              <option key={s} value={s}>
                {p.stage[s]}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>{t.filterAgency}</span>
          <select
            data-testid="project-agency"
            value={search.agency ?? '*'}
            onChange={(e) => setSearch({ agency: e.currentTarget.value === '*' ? undefined : e.currentTarget.value })}
          >
            <option value="*">{t.any}</option>
            {agencies.map((a) => (
              <option key={a} value={a}>
                {a === '' ? t.noAgency : a}
              </option>
            ))}
          </select>
        </label>
        {filtered && (
          <button
            type="button"
            className="link-button"
            onClick={() => setSearch({ status: undefined, agency: undefined, list: undefined })}
          >
            {t.clearFilters}
          </button>
        )}
      </section>
      <p role="status" className="muted" data-testid="shown">
        {p.projectsShown(num(shown.length), num(all.length))}
      </p>
      {shown.length === 0 && <p>{p.noProjects}</p>}
      {(['lead', 'coordinate'] as const).map((role) => {
        const list = shown.filter((x) => x.role === role);
        return list.length === 0 ? null : (
          <section key={role} data-testid={`list-${role}`}>
            <ProjectTable
              plan={plan}
              projects={list}
              caption={`${role === 'lead' ? p.list1 : p.list2} (${num(list.length)})`}
            />
          </section>
        );
      })}
    </>
  );
}
