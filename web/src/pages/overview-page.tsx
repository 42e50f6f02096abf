// Tổng quan: every target of a plan, worst first, with counts by status that filter, filters, diacritic-free search
// and sorting by any column; the selection lives in the URL.
import { Link, useNavigate, useParams, useSearch } from '@tanstack/react-router';
import { useMemo } from 'react';
import { Figure, PaceAchieved, PaceNeeded } from '../components/figures.tsx';
import {
  CompositeLatest,
  ForecastCell,
  PlanDocuments,
  PlanEditor,
  ReportDownloads,
} from '../components/plan-extras.tsx';
import { Loading, LoadError } from '../components/states.tsx';
import { StatusBadge } from '../components/status-badge.tsx';
import { IndicatorCreator } from '../components/indicator-creator.tsx';
import { StoryNote, storyOwed, useCurrentStories } from '../components/story-note.tsx';
import { filterRows, overviewRows, sortRows, type OverviewRow, type SortColumn } from '../data/overview-rows.ts';
import { useEvaluationList, useIndicators, usePlans } from '../data/queries.ts';
import { may, useMaybeSession } from '../data/session.tsx';
import { useLocale } from '../i18n/locale.tsx';
import { usePlanPagesText } from '../i18n/plan-pages-messages.ts';
import { groupNames, kindNames, type Messages } from '../i18n/messages.ts';
import type { OverviewSearch } from '../search-params.ts';
import { PRINTED_STATUSES, statusWord, type RowKind } from '../vocabulary.ts';

/** The label keys of the core columns; the forecast column's label is in the plan pages' catalogue (null here). */
const COLUMNS: readonly { id: SortColumn; label: keyof Messages | null }[] = [
  { id: 'status', label: 'colStatus' },
  { id: 'indicator', label: 'colIndicator' },
  { id: 'latest', label: 'colLatest' },
  { id: 'target', label: 'colTarget' },
  { id: 'paceNeeded', label: 'colPaceNeeded' },
  { id: 'paceAchieved', label: 'colPaceAchieved' },
  { id: 'agency', label: 'colAgency' },
  { id: 'dataDate', label: 'colDataDate' },
  { id: 'explanation', label: 'colExplanation' },
  { id: 'forecast', label: null },
];

function label(t: Messages, key: keyof Messages): string {
  const v = t[key];
  return typeof v === 'string' ? v : '';
}

function Overview({ portal }: { portal: boolean }) {
  const { plan } = useParams({ strict: false }) as { plan: string };
  const search = useSearch({ strict: false }) as OverviewSearch;
  const navigate = useNavigate();
  const { t, locale, num, date } = useLocale();
  const p = usePlanPagesText();
  const evaluations = useEvaluationList(plan);
  const indicators = useIndicators(plan);
  const plans = usePlans();
  const stories = useCurrentStories(plan, portal);
  // The plan owner (and the admin) add an indicator with its first target here, with a reason.
  const session = useMaybeSession();
  const mayAdd = !portal && may(session?.user ?? null, 'reference.manage');

  const rows = useMemo(
    () => (evaluations.data && indicators.data ? overviewRows(evaluations.data.rows, indicators.data, locale) : []),
    [evaluations.data, indicators.data, locale],
  );
  const shown = useMemo(
    () => sortRows(filterRows(rows, search), search.sort ?? 'status', search.desc ?? false),
    [rows, search],
  );

  if (evaluations.isPending || indicators.isPending) return <Loading />;
  if (evaluations.isError) return <LoadError error={evaluations.error} />;
  if (indicators.isError) return <LoadError error={indicators.error} />;

  const setSearch = (patch: Partial<OverviewSearch>) =>
    void navigate({ to: '.', search: (prev: OverviewSearch) => ({ ...prev, ...patch }), replace: true } as never);

  // The counts are the plan's: a draft, another scope's target or a parallel one is listed, labelled, not counted.
  const counted = rows.filter((r) => r.notCounted === null);
  const counts = new Map<string, number>();
  for (const r of counted) counts.set(r.status, (counts.get(r.status) ?? 0) + 1);
  const planInfo = plans.data?.find((p) => p.code === plan);
  const groups = [...new Set(rows.map((r) => r.group ?? ''))].sort();
  const agencies = [...new Set(rows.map((r) => r.agency ?? ''))].sort();
  const kinds = [...new Set(rows.map((r) => r.kind))];
  const filtered = Boolean(search.status || search.group || search.agency || search.kind || search.q);
  const groupLabel = (g: string) => (g === '' ? t.groupNone : (groupNames[locale][g] ?? g));

  const indicatorLink = (r: OverviewRow) =>
    portal ? (
      <Link to="/portal/$plan/indicators/$code" params={{ plan, code: r.code }}>
        {r.name}
      </Link>
    ) : (
      <Link to="/plans/$plan/indicators/$code" params={{ plan, code: r.code }}>
        {r.name}
      </Link>
    );
  const explainLink = (r: OverviewRow) => (
    <Link
      to={portal ? '/portal/$plan/targets/$targetId/explanation' : '/plans/$plan/targets/$targetId/explanation'}
      params={{ plan, targetId: r.targetId }}
      aria-label={t.explainLabel(r.name)}
      className="explain-link"
      data-testid="explain-link"
    >
      {t.explain}
    </Link>
  );

  return (
    <>
      <h1>
        {t.overviewTitle}
        <span className="subtitle">{evaluations.data.plan.name}</span>
      </h1>
      <p className="muted">
        {t.evaluatedOn(date(evaluations.data.asOf))} · {evaluations.data.summary[locale]}
      </p>
      {mayAdd && (
        <div className="plan-actions">
          <IndicatorCreator plan={plan} />
          <PlanEditor plan={plan} />
        </div>
      )}
      <ReportDownloads plan={plan} />

      <section aria-labelledby="by-status" className="status-counts">
        <h2 id="by-status" className="section-label">
          {t.byStatus}
        </h2>
        <div className="count-row">
          <button
            type="button"
            className="count-card"
            aria-pressed={!search.status}
            onClick={() => setSearch({ status: undefined })}
          >
            <span className="count-number">{num(counted.length)}</span>
            <span className="count-word">{t.allStatuses}</span>
          </button>
          {PRINTED_STATUSES.filter((s) => counts.has(s)).map((s) => (
            <button
              key={s}
              type="button"
              className={`count-card count-${s}`}
              data-testid={`count-${s}`}
              aria-pressed={search.status === s}
              onClick={() => setSearch({ status: search.status === s ? undefined : s })}
            >
              <span className="count-number">{num(counts.get(s) ?? 0)}</span>
              <StatusBadge status={s} text={statusWord(s, locale)} />
            </button>
          ))}
          {planInfo && (
            <div className="count-card count-static" data-testid="count-breakthroughs">
              <span className="count-number">{num(planInfo.counts.breakthroughs)}</span>
              <span className="count-word">{t.countBreakthroughs('').trim()}</span>
            </div>
          )}
          {planInfo && (
            <div className="count-card count-static" data-testid="count-projects">
              <span className="count-number">{num(planInfo.counts.projects)}</span>
              <span className="count-word">{t.countProjects('').trim()}</span>
            </div>
          )}
        </div>
      </section>

      <section aria-label={t.filters} className="filters">
        <label>
          <span>{t.search}</span>
          <input
            type="search"
            data-testid="search"
            value={search.q ?? ''}
            placeholder={t.searchHint}
            onChange={(e) => setSearch({ q: e.currentTarget.value || undefined })}
          />
        </label>
        <label>
          <span>{t.filterStatus}</span>
          <select
            data-testid="filter-status"
            value={search.status ?? ''}
            onChange={(e) => setSearch({ status: e.currentTarget.value || undefined })}
          >
            <option value="">{t.any}</option>
            {PRINTED_STATUSES.filter((s) => counts.has(s)).map((s) => (
              <option key={s} value={s}>
                {statusWord(s, locale)}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>{t.filterGroup}</span>
          <select value={search.group ?? ''} onChange={(e) => setSearch({ group: e.currentTarget.value || undefined })}>
            <option value="">{t.any}</option>
            {groups.map((g) => (
              <option key={g} value={g}>
                {groupLabel(g)}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>{t.filterAgency}</span>
          <select
            data-testid="filter-agency"
            value={search.agency ?? ''}
            onChange={(e) => setSearch({ agency: e.currentTarget.value || undefined })}
          >
            <option value="">{t.any}</option>
            {agencies.map((a) => (
              <option key={a} value={a}>
                {a === '' ? t.noAgency : a}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>{t.filterKind}</span>
          <select value={search.kind ?? ''} onChange={(e) => setSearch({ kind: e.currentTarget.value || undefined })}>
            <option value="">{t.any}</option>
            {kinds.map((k) => (
              <option key={k} value={k}>
                {kindNames[locale][k as RowKind]}
              </option>
            ))}
          </select>
        </label>
        {filtered && (
          <button
            type="button"
            className="link-button"
            onClick={() =>
              setSearch({ status: undefined, group: undefined, agency: undefined, kind: undefined, q: undefined })
            }
          >
            {t.clearFilters}
          </button>
        )}
      </section>

      <p role="status" className="muted" data-testid="shown">
        {t.shown(num(shown.length), num(rows.length))}
      </p>

      <div className="table-wrap" tabIndex={0}>
        <table className="targets" data-testid="targets">
          <caption className="sr-only">{t.tableCaption}</caption>
          <thead>
            <tr>
              {COLUMNS.map((c) => {
                const active = (search.sort ?? 'status') === c.id;
                const desc = active && (search.desc ?? false);
                return (
                  <th key={c.id} scope="col" aria-sort={active ? (desc ? 'descending' : 'ascending') : undefined}>
                    <button
                      type="button"
                      className="sort-button"
                      data-sort={c.id}
                      onClick={() => setSearch({ sort: c.id, desc: active && !desc ? true : undefined })}
                    >
                      {c.label ? label(t, c.label) : p.colForecast}
                      <span aria-hidden="true" className="sort-mark">
                        {active ? (desc ? '▼' : '▲') : '↕'}
                      </span>
                    </button>
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody>
            {shown.map((r) => (
              <tr key={r.targetId} data-code={r.code} data-status={r.status}>
                <td data-label={t.colStatus}>
                  <StatusBadge status={r.status} text={r.statusText} />
                  {stories && (
                    <StoryNote
                      status={r.status}
                      story={stories.get(r.targetId)}
                      owed={storyOwed(r.latestPeriod, evaluations.data.plan.term.firstYear)}
                    />
                  )}
                </td>
                <td data-label={t.colIndicator} className="cell-indicator">
                  <span>
                    <span className="code">{r.code}</span> {indicatorLink(r)}
                  </span>
                  {r.notCounted && (
                    <span className="muted not-counted" data-testid="not-counted">
                      {r.notCounted}
                    </span>
                  )}
                </td>
                <td data-label={t.colLatest}>
                  {r.composite ? (
                    <CompositeLatest row={r} />
                  ) : (
                    <Figure value={r.latest} unit={r.unit} period={r.latestPeriod} estimate={r.estimate} />
                  )}
                </td>
                <td data-label={t.colTarget}>{r.targetText}</td>
                <td data-label={t.colPaceNeeded}>
                  <PaceNeeded row={r} />
                </td>
                <td data-label={t.colPaceAchieved}>
                  <PaceAchieved row={r} />
                </td>
                <td data-label={t.colAgency}>{r.agency ?? <span className="muted">{t.noAgency}</span>}</td>
                <td data-label={t.colDataDate}>{r.dataDate ? date(r.dataDate) : <span className="muted">—</span>}</td>
                <td data-label={t.colExplanation} className="cell-explanation">
                  <span>
                    {r.explanation} {explainLink(r)}
                  </span>
                </td>
                <td data-label={p.colForecast}>
                  <ForecastCell row={r} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {shown.length === 0 && <p>{t.noMatch}</p>}
      </div>
      {portal && <PlanDocuments plan={plan} />}
    </>
  );
}

export function OverviewPage() {
  return <Overview portal={false} />;
}

export function PortalOverviewPage() {
  return <Overview portal />;
}
