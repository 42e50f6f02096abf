// Nhiệm vụ, giải pháp: the resolution's task outline as a tree (1, 1.1, 1.1.1), each task with its owner, deadline,
// standing against the deadline and latest progress report; the official split (on time, late, in progress,
// overdue) on top, each count a filter kept in the URL. Overdue tasks stand out (marked row, icon and word).
import { useNavigate, useParams, useSearch } from '@tanstack/react-router';
import { useMemo } from 'react';
import { TASK_TIMELINESS } from '../../../src/core/progress-tracking/vocabulary.ts';
import { OutlineItemCreator } from '../components/outline-item-creator.tsx';
import { OutlineItemEditor } from '../components/outline-item-editor.tsx';
import { Loading, LoadError } from '../components/states.tsx';
import { useTasks, type TaskItem } from '../data/queries.ts';
import { may, useMaybeSession } from '../data/session.tsx';
import { useLocale } from '../i18n/locale.tsx';
import { usePlanPagesText } from '../i18n/plan-pages-messages.ts';
import { useTargetEditText } from '../i18n/target-edit-messages.ts';
import type { TasksSearch } from '../search-params.ts';
import { AgencyLink, PlanHeading, TimelinessBadge } from './plan-page-parts.tsx';

/** The outline in reading order with each task's depth (1 → 0, 1.1 → 1, 1.1.1 → 2), from parentId. */
function outline(tasks: readonly TaskItem[]): { task: TaskItem; depth: number }[] {
  const children = new Map<string | null, TaskItem[]>();
  const ids = new Set(tasks.map((t) => t.id));
  for (const t of tasks) {
    const parent = t.parentId !== null && ids.has(t.parentId) ? t.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), t]);
  }
  const collator = new Intl.Collator('vi', { numeric: true });
  const out: { task: TaskItem; depth: number }[] = [];
  const walk = (parent: string | null, depth: number) => {
    for (const t of [...(children.get(parent) ?? [])].sort((a, b) => collator.compare(a.code, b.code))) {
      out.push({ task: t, depth });
      walk(t.id, depth + 1);
    }
  };
  walk(null, 0);
  return out;
}

export function TasksPage() {
  const { plan } = useParams({ strict: false }) as { plan: string };
  const search = useSearch({ strict: false }) as TasksSearch;
  const navigate = useNavigate();
  const { t, num, date } = useLocale();
  const p = usePlanPagesText();
  const e = useTargetEditText();
  const session = useMaybeSession();
  const mayEdit = may(session?.user ?? null, 'reference.manage');
  const tasks = useTasks(plan);
  const rows = useMemo(() => outline(tasks.data ?? []), [tasks.data]);
  if (tasks.isPending) return <Loading />;
  if (tasks.isError) return <LoadError error={tasks.error} />;

  const setSearch = (patch: Partial<TasksSearch>) =>
    void navigate({ to: '.', search: (prev: TasksSearch) => ({ ...prev, ...patch }), replace: true } as never);
  const counts = new Map<string, number>();
  for (const x of tasks.data) counts.set(x.timeliness, (counts.get(x.timeliness) ?? 0) + 1);
  const agencies = [...new Set(tasks.data.map((x) => x.agency ?? ''))].sort();
  const shown = rows.filter(
    (r) =>
      (!search.standing || r.task.timeliness === search.standing) &&
      (search.agency === undefined || (r.task.agency ?? '') === search.agency),
  );
  const filtered = Boolean(search.standing) || search.agency !== undefined;

  return (
    <>
      <PlanHeading plan={plan} title={p.tasksTitle} />
      {mayEdit && <OutlineItemCreator plan={plan} kind="task" />}
      {tasks.data.length === 0 ? (
        <p>{p.noTasks}</p>
      ) : (
        <>
          <section aria-labelledby="task-split" className="status-counts">
            <h2 id="task-split" className="section-label">
              {p.tasksSplit}
            </h2>
            <div className="count-row">
              <button
                type="button"
                className="count-card"
                aria-pressed={!search.standing}
                onClick={() => setSearch({ standing: undefined })}
              >
                <span className="count-number">{num(tasks.data.length)}</span>
                <span className="count-word">{t.allStatuses}</span>
              </button>
              {TASK_TIMELINESS.filter(
                (s) => ['on_time', 'late', 'in_progress', 'overdue'].includes(s) || counts.has(s),
              ).map((s) => (
                <button
                  key={s}
                  type="button"
                  className="count-card"
                  data-testid={`split-${s}`}
                  aria-pressed={search.standing === s}
                  onClick={() => setSearch({ standing: search.standing === s ? undefined : s })}
                >
                  <span className="count-number">{num(counts.get(s) ?? 0)}</span>
                  <TimelinessBadge value={s} />
                </button>
              ))}
            </div>
          </section>
          <section aria-label={t.filters} className="filters">
            <label>
              <span>{t.filterAgency}</span>
              <select
                data-testid="task-agency"
                value={search.agency ?? '*'}
                onChange={(e) =>
                  setSearch({ agency: e.currentTarget.value === '*' ? undefined : e.currentTarget.value })
                }
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
                onClick={() => setSearch({ standing: undefined, agency: undefined })}
              >
                {t.clearFilters}
              </button>
            )}
          </section>
          <p role="status" className="muted" data-testid="shown">
            {p.tasksShown(num(shown.length), num(rows.length))}
          </p>
          <div className="table-wrap" tabIndex={0}>
            <table className="cards tasks" data-testid="tasks">
              <caption className="sr-only">{p.tasksCaption}</caption>
              <thead>
                <tr>
                  <th scope="col">{p.colTask}</th>
                  <th scope="col">{p.colOwner}</th>
                  <th scope="col">{p.colDeadline}</th>
                  <th scope="col">{p.colTaskStatus}</th>
                  <th scope="col">{p.colReport}</th>
                </tr>
              </thead>
              <tbody>
                {shown.map(({ task, depth }) => (
                  <tr
                    key={task.id}
                    data-code={task.code}
                    data-depth={Math.min(depth, 3)}
                    data-timeliness={task.timeliness}
                    className={task.timeliness === 'overdue' ? 'overdue' : undefined}
                  >
                    <th scope="row" data-label={p.colTask} className={`depth-${Math.min(depth, 3)}`}>
                      <span>
                        <span className="code">{task.code}</span> {task.title}
                      </span>
                      {mayEdit && (
                        <>
                          {' '}
                          <OutlineItemEditor
                            plan={plan}
                            kind="task"
                            code={task.code}
                            version={task.version}
                            buttonLabel={e.edit}
                            title={e.editTask(task.code)}
                            fields={[
                              {
                                name: 'title',
                                label: e.taskTitle,
                                value: task.title,
                                type: 'textarea',
                                required: true,
                              },
                              { name: 'deadline', label: e.taskDeadline, value: task.deadline, type: 'date' },
                            ]}
                          />
                        </>
                      )}
                    </th>
                    <td data-label={p.colOwner}>
                      <AgencyLink plan={plan} agency={task.agency} />
                    </td>
                    <td data-label={p.colDeadline}>
                      {task.deadline ? date(task.deadline) : <span className="missing">{p.noDeadline}</span>}
                    </td>
                    <td data-label={p.colTaskStatus}>
                      <TimelinessBadge value={task.timeliness} />
                    </td>
                    <td data-label={p.colReport}>
                      {task.latestReport ? (
                        <span>
                          <strong>
                            {p.reportLine(
                              task.latestReport.period,
                              task.latestReport.progressPercent ? num(task.latestReport.progressPercent) : '',
                            )}
                          </strong>{' '}
                          {task.latestReport.narrative}
                          {task.latestReport.workflowState !== 'approved' && (
                            <span className="estimate">
                              {t.approval[task.latestReport.workflowState] ?? task.latestReport.workflowState}
                            </span>
                          )}
                        </span>
                      ) : (
                        <span className="missing">{p.noReport}</span>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </>
  );
}
