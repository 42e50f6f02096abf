// One indicator: its chart drawn from the target's kind with a table view and PNG/CSV downloads, the required pace
// in words, the projection, the figures with vintage, source and publication date, sub-indicators, the printed
// verdict beside the source's own, and the revision history of each figure.
import { useQueries } from '@tanstack/react-query';
import { Link, useNavigate, useParams, useSearch } from '@tanstack/react-router';
import { lazy, Suspense, useMemo, useRef } from 'react';
import { csvField } from '../../../src/core/interchange/csv.ts';
import { api, unwrap } from '../api/client.ts';
import type { ChartHandle } from '../charts/echart.tsx';
import { chartModel, chartOption, periodText, type ChartLabels, type SeriesPoint } from '../charts/indicator-chart.ts';
import { BaseFigureEntry } from '../components/base-figure-entry.tsx';
import { FigureNotes, TargetNotes } from '../components/figure-notes.tsx';
import { OutlineItemEditor } from '../components/outline-item-editor.tsx';
import { Figure } from '../components/figures.tsx';
import { Loading, LoadError } from '../components/states.tsx';
import { StatusBadge } from '../components/status-badge.tsx';
import { StoryNote, storyOwed, useCurrentStories } from '../components/story-note.tsx';
import { TargetEditor } from '../components/target-editor.tsx';
import { TargetHistory } from '../components/target-history.tsx';
import {
  useIndicatorEvaluation,
  useIndicators,
  usePlan,
  useObservations,
  type EvaluationRow,
  type ObservationItem,
} from '../data/queries.ts';
import { may, useMaybeSession } from '../data/session.tsx';
import { useTargetHistory } from '../data/target-edits.ts';
import { targetTextOf } from '../data/target-text.ts';
import { useLocale } from '../i18n/locale.tsx';
import { usePlanPagesText } from '../i18n/plan-pages-messages.ts';
import { useTargetEditText } from '../i18n/target-edit-messages.ts';
import type { IndicatorSearch } from '../search-params.ts';
import { isPrinted, statusWord } from '../vocabulary.ts';
import { MergedBaseline, RequiredText, UnitsNotMeeting } from './indicator-parts.tsx';

const EChart = lazy(() => import('../charts/echart.tsx').then((m) => ({ default: m.EChart })));

function download(name: string, href: string): void {
  const a = document.createElement('a');
  a.href = href;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
}

/** The city target a commune's target was split from, for a row that is a commune's share; else undefined. */
function splitFromOf(r: EvaluationRow): string | undefined {
  return r.notCounted?.reason === 'other_scope' ? r.notCounted.splitFrom : undefined;
}

/** A link that shows one of the indicator's targets on this page (the URL names it). */
function TargetLink({ row, label, bare = false }: { row: EvaluationRow; label: string; bare?: boolean }) {
  const { locale } = useLocale();
  return (
    <Link
      to="."
      search={(prev: IndicatorSearch) => ({ ...prev, target: row.targetId })}
      replace
      data-target={row.targetId}
    >
      {bare ? label : `${label}: «${targetTextOf(row, locale)}»`}
    </Link>
  );
}

function Indicator({ portal }: { portal: boolean }) {
  const { plan, code } = useParams({ strict: false }) as { plan: string; code: string };
  const search = useSearch({ strict: false }) as IndicatorSearch;
  const navigate = useNavigate();
  const { t, locale, num, date } = useLocale();
  const p = usePlanPagesText();
  const te = useTargetEditText();
  const evaluations = useIndicatorEvaluation(plan, code);
  const indicators = useIndicators(plan);
  const stories = useCurrentStories(plan, portal);
  const indicator = indicators.data?.find((i) => i.code === code);
  const observations = useObservations(plan, indicator?.id);
  const history = useQueries({
    queries: (observations.data ?? []).map((o) => ({
      queryKey: ['observation', o.id],
      queryFn: async () =>
        unwrap(await api.GET('/api/observations/{id}', { params: { path: { id: o.id } } })) as ObservationItem,
      staleTime: 60_000,
    })),
  });
  const targetHistory = useTargetHistory(plan, code);
  const session = useMaybeSession();
  const mayEdit = !portal && may(session?.user ?? null, 'reference.manage');
  // The plan's own unit: a missing base figure of a merged unit is entered for it.
  const planUnit = usePlan(plan).data?.unit ?? null;
  const chartRef = useRef<ChartHandle | null>(null);

  const rows = useMemo(
    () => evaluations.data?.rows.filter((r) => r.indicator.code === code) ?? [],
    [evaluations.data, code],
  );
  // A city target split by commune: its commune targets are grouped under it, not listed among the city's targets.
  const { top, shares } = useMemo(() => {
    const byCity = new Map<string, EvaluationRow[]>();
    const own: EvaluationRow[] = [];
    for (const r of rows) {
      const from = splitFromOf(r);
      if (from === undefined) own.push(r);
      else byCity.set(from, [...(byCity.get(from) ?? []), r]);
    }
    const collator = new Intl.Collator('vi');
    for (const list of byCity.values())
      list.sort((a, b) => collator.compare(a.notCounted?.scope?.code ?? '', b.notCounted?.scope?.code ?? ''));
    return { top: own, shares: byCity };
  }, [rows]);
  const children = useMemo(
    () => evaluations.data?.rows.filter((r) => r.indicator.parent === code) ?? [],
    [evaluations.data, code],
  );
  const labels: ChartLabels = useMemo(
    () => ({
      actual: t.seriesActual,
      target: t.seriesTarget,
      required: t.seriesRequired,
      projection: t.seriesProjection,
      cumulative: t.seriesCumulative,
      floor: t.seriesFloor,
      units: t.seriesUnits,
      band: t.seriesBand,
      fan: p.fanLabel,
      fanMedian: p.fanMedian,
      format: (v: number) => num(String(Math.round(v * 1000) / 1000)),
    }),
    [t, p, num],
  );
  const points: SeriesPoint[] = useMemo(
    () =>
      (observations.data ?? []).map((o) => ({
        period: o.period,
        value: o.latest?.value != null ? Number(o.latest.value) : null,
        estimate: o.latest?.status === 'estimate',
      })),
    [observations.data],
  );
  // An indicator may carry several targets (a level and a growth, two documents …): the URL names the one shown.
  const row = rows.find((r) => r.targetId === search.target) ?? top[0] ?? rows[0];
  const model = useMemo(() => (row ? chartModel(row, points, labels) : null), [row, points, labels]);
  const option = useMemo(() => (model ? chartOption(model, labels) : null), [model, labels]);
  // Nothing to draw (no figure, projection or forecast year): words instead of an empty frame and its buttons.
  const chartEmpty = model !== null && model.categories.length === 0;

  if (evaluations.isPending || indicators.isPending) return <Loading />;
  if (evaluations.isError) return <LoadError error={evaluations.error} />;
  if (indicators.isError) return <LoadError error={indicators.error} />;
  if (!row || !indicator) return <p role="alert">{t.notFound}</p>;

  const unit = row.indicator.unit;
  const status = isPrinted(row.status) ? row.status : 'no_data';
  const tableView = search.view === 'table';
  const setView = (view: 'table' | undefined) =>
    void navigate({ to: '.', search: (prev: IndicatorSearch) => ({ ...prev, view }), replace: true } as never);
  const forecast = row.forecast;
  const editable = targetHistory.data?.find((h) => h.id === row.targetId && h.stage === 'in_force');
  // A revision replaces the target shown by a new one: the URL follows it when it named the old one.
  const followTarget = (targetId: string) => {
    if (search.target)
      void navigate({
        to: '.',
        search: (prev: IndicatorSearch) => ({ ...prev, target: targetId }),
        replace: true,
      } as never);
  };
  const inputByVersion = new Map(rows.flatMap((r) => r.inputs).map((v) => [v.versionId, v]));
  // A plan that prints "exceeded" as "met" has no disagreement between the two.
  const printed = (s: string | null) => (s === 'exceeded' && evaluations.data.plan.exceededAs === 'met' ? 'met' : s);
  const reportedDiffers = row.reported !== null && printed(row.reported.status) !== printed(row.status);

  const downloadCsv = () => {
    const head = [t.colPeriod, t.colValue, t.colVintage, t.colSource, t.colPublished];
    const lines = (observations.data ?? []).map((o) => {
      const v = o.latest;
      const input = v ? inputByVersion.get(v.id) : undefined;
      return [
        o.period,
        v?.value ?? '',
        v ? (t.vintage[v.status] ?? v.status) : '',
        v?.sourceText ?? '',
        input?.publishedOn ?? '',
      ];
    });
    const text = [head, ...lines].map((l) => l.map(csvField).join(',')).join('\r\n');
    // A byte-order mark so that Excel opens the Vietnamese text as UTF-8.
    download(`${plan}-${code}.csv`, URL.createObjectURL(new Blob(['\uFEFF', text], { type: 'text/csv' })));
  };
  const downloadPng = () => {
    const url = chartRef.current?.png();
    if (url) download(`${plan}-${code}.png`, url);
  };

  return (
    <article className="indicator" data-testid="indicator" data-code={code}>
      <p>
        {portal ? (
          <Link to="/portal/$plan" params={{ plan }}>
            {t.backToOverview}
          </Link>
        ) : (
          <Link to="/plans/$plan" params={{ plan }}>
            {t.backToOverview}
          </Link>
        )}
      </p>
      <h1>
        <span className="code">{code}</span> {row.indicator.name}
        <span className="subtitle">
          {t.targetText}: «{targetTextOf(row, locale)}» · {unit}
        </span>
      </h1>
      {mayEdit && (
        <p>
          <OutlineItemEditor
            plan={plan}
            kind="indicator"
            code={code}
            buttonLabel={te.editIndicator}
            title={te.editIndicator}
            fields={[
              { name: 'name', label: te.indicatorName, value: indicator.name, type: 'textarea', required: true },
            ]}
          />
        </p>
      )}

      {rows.length > 1 && (
        <nav aria-labelledby="i-targets" className="target-switch">
          <h2 id="i-targets">{p.otherTargets}</h2>
          <ul data-testid="targets-of-indicator">
            {top.map((r, i) => {
              const s = isPrinted(r.status) ? r.status : 'no_data';
              const communes = shares.get(r.targetId) ?? [];
              return (
                <li key={r.targetId}>
                  <TargetLink row={r} label={p.targetN(num(i + 1))} />{' '}
                  <StatusBadge status={s} text={r.displayStatus?.[locale] ?? statusWord(s, locale)} />
                  {communes.length > 0 && (
                    <details
                      className="commune-targets"
                      data-testid="commune-targets"
                      open={communes.some((c) => c.targetId === row.targetId)}
                    >
                      <summary>{p.communeTargets(num(communes.length))}</summary>
                      <p>
                        <Link
                          to="/plans/$plan/indicators/$code/communes"
                          params={{ plan, code }}
                          data-testid="commune-targets-table"
                        >
                          {p.communeTargetsTable}
                        </Link>
                      </p>
                      <ul>
                        {communes.map((c) => {
                          const cs = isPrinted(c.status) ? c.status : 'no_data';
                          return (
                            <li key={c.targetId} data-unit={c.notCounted?.scope?.code}>
                              <TargetLink
                                row={c}
                                label={`${c.notCounted?.scope?.name ?? ''} (${c.notCounted?.scope?.code ?? ''})`}
                                bare
                              />{' '}
                              <StatusBadge status={cs} text={c.displayStatus?.[locale] ?? statusWord(cs, locale)} />
                              {c.actual.value !== null && (
                                <>
                                  {' '}
                                  <Figure
                                    value={c.actual.value}
                                    unit={c.indicator.unit}
                                    period={c.actual.period}
                                    estimate={c.actual.estimate}
                                  />
                                </>
                              )}
                            </li>
                          );
                        })}
                      </ul>
                    </details>
                  )}
                </li>
              );
            })}
          </ul>
        </nav>
      )}

      <section aria-labelledby="i-verdicts" className="verdicts">
        <h2 id="i-verdicts" className="sr-only">
          {t.verdicts}
        </h2>
        <div className="verdict-card">
          <span className="muted">{t.ourVerdict}</span>
          <StatusBadge status={status} text={row.displayStatus?.[locale] ?? ''} />
          <p data-testid="explanation">{row.explanation[locale]}</p>
          {stories && (
            <StoryNote
              status={status}
              story={stories.get(row.targetId)}
              owed={storyOwed(row.actual.period, evaluations.data?.plan.term.firstYear ?? 0)}
              full
            />
          )}
          <Link
            to={portal ? '/portal/$plan/targets/$targetId/explanation' : '/plans/$plan/targets/$targetId/explanation'}
            params={{ plan, targetId: row.targetId }}
            data-testid="explain-link"
          >
            {t.explain}
          </Link>
          {mayEdit && <TargetEditor plan={plan} indicator={code} target={editable} onSaved={followTarget} />}
          {mayEdit && splitFromOf(row) === undefined && !shares.has(row.targetId) && (
            <Link to="/plans/$plan/indicators/$code/communes" params={{ plan, code }} data-testid="split-by-commune">
              {p.splitByCommune}
            </Link>
          )}
        </div>
        {row.reported && (
          <div className={`verdict-card${reportedDiffers ? ' differs' : ''}`} data-testid="reported-verdict">
            <span className="muted">{t.reportedVerdict(String(row.reported.line ?? '—'))}</span>
            <strong>{row.reported.text}</strong>
            {reportedDiffers && <p className="differs-note">{t.verdictsDiffer}</p>}
          </div>
        )}
        <div className="verdict-card">
          <span className="muted">{t.colLatest}</span>
          <Figure value={row.actual.value} unit={unit} period={row.actual.period} estimate={row.actual.estimate} />
          {row.required && (
            <p>
              <RequiredText required={row.required} unit={unit} />
            </p>
          )}
          {forecast && (
            <p data-testid="forecast">
              <strong>{p.forecastTitle}:</strong>{' '}
              {'unavailable' in forecast ? forecast.unavailable[locale] : forecast.sentence[locale]}
            </p>
          )}
          {row.projection && (
            <p data-testid="projection">
              {t.projectionText(`${num(row.projection.value)} ${unit}`, String(row.projection.year))}
            </p>
          )}
        </div>
        {row.unitCounts && row.unitCounts.length > 0 && (
          <UnitsNotMeeting counts={row.unitCounts} plan={plan} indicator={code} />
        )}
        {row.baseline && (
          <MergedBaseline
            baseline={row.baseline}
            unit={unit}
            entered={(() => {
              const used = row.inputs.find((i) => i.period === row.baseline?.period);
              return used?.value ? { value: used.value, source: used.source } : null;
            })()}
            entry={
              mayEdit && planUnit && row.baseline.source === 'missing' ? (
                <BaseFigureEntry
                  indicatorId={indicator.id}
                  unit={planUnit}
                  period={row.baseline.period}
                  unitOfMeasure={unit}
                />
              ) : null
            }
          />
        )}
      </section>

      <TargetNotes plan={plan} indicatorId={indicator.id} targetId={row.targetId} />

      <section aria-labelledby="i-chart" className="chart-section">
        <div className="section-head">
          <h2 id="i-chart">{t.chartTitle}</h2>
          {!chartEmpty && (
            <div className="actions">
              <button type="button" onClick={() => setView(tableView ? undefined : 'table')} data-testid="toggle-view">
                {tableView ? t.showChart : t.showTable}
              </button>
              {!tableView && (
                <button type="button" onClick={downloadPng} data-testid="download-png">
                  {t.downloadPng}
                </button>
              )}
              <button type="button" onClick={downloadCsv} data-testid="download-csv">
                {t.downloadCsv}
              </button>
            </div>
          )}
        </div>
        {chartEmpty && (
          <p className="missing" data-testid="chart-empty">
            {t.chartEmpty}
          </p>
        )}
        {model && option && !tableView && !chartEmpty && (
          <Suspense fallback={<Loading />}>
            <EChart option={option} label={t.chartAlt(row.indicator.name)} handle={chartRef} />
          </Suspense>
        )}
        {model && tableView && !chartEmpty && (
          <div className="table-wrap" tabIndex={0}>
            <table className="data" data-testid="chart-table">
              <caption>{t.chartTitle}</caption>
              <thead>
                <tr>
                  <th scope="col">{t.colPeriod}</th>
                  {model.series.map((s) => (
                    <th scope="col" key={s.name}>
                      {s.name}
                    </th>
                  ))}
                  {model.targetLine !== null && <th scope="col">{t.seriesTarget}</th>}
                  {model.band && <th scope="col">{t.seriesBand}</th>}
                  {model.fan && <th scope="col">{p.fanLabel}</th>}
                </tr>
              </thead>
              <tbody>
                {model.categories.map((c, i) => (
                  <tr key={c}>
                    <th scope="row">{periodText(c)}</th>
                    {model.series.map((s) => {
                      const v = s.data[i];
                      return <td key={s.name}>{v === null || v === undefined ? '—' : labels.format(v)}</td>;
                    })}
                    {model.targetLine !== null && <td>{labels.format(model.targetLine)}</td>}
                    {model.band && (
                      <td>
                        {labels.format(model.band.min)}–{labels.format(model.band.max)}
                      </td>
                    )}
                    {model.fan && (
                      <td>
                        {model.fan.low[i] != null && model.fan.high[i] != null
                          ? `${labels.format(model.fan.low[i] ?? 0)}–${labels.format(model.fan.high[i] ?? 0)}`
                          : '—'}
                      </td>
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section aria-labelledby="i-data">
        <h2 id="i-data">{t.dataTable}</h2>
        {observations.isPending ? (
          <Loading />
        ) : (observations.data ?? []).length === 0 ? (
          <p className="missing">{t.noData}</p>
        ) : (
          <div className="table-wrap" tabIndex={0}>
            <table className="data" data-testid="data-table">
              <thead>
                <tr>
                  <th scope="col">{t.colPeriod}</th>
                  <th scope="col">{t.colValue}</th>
                  <th scope="col">{t.colVintage}</th>
                  <th scope="col">{t.colSource}</th>
                  <th scope="col">{t.colPublished}</th>
                  <th scope="col">{te.colNotes}</th>
                </tr>
              </thead>
              <tbody>
                {(observations.data ?? []).map((o) => {
                  const v = o.latest;
                  const input = v ? inputByVersion.get(v.id) : undefined;
                  return (
                    <tr key={o.id}>
                      <th scope="row">{o.period}</th>
                      <td>
                        <Figure value={v?.value ?? null} unit={unit} estimate={v?.status === 'estimate'} />
                      </td>
                      <td>{v ? (input?.label ?? t.vintage[v.status] ?? v.status) : '—'}</td>
                      <td>{v?.sourceText ?? '—'}</td>
                      <td>{input?.publishedOn ? date(input.publishedOn) : '—'}</td>
                      <td>
                        <FigureNotes notes={o.notes} />
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
      </section>

      {children.length > 0 && (
        <section aria-labelledby="i-children">
          <h2 id="i-children">{t.subIndicators}</h2>
          <ul className="children" data-testid="sub-indicators">
            {children.map((c) => {
              const s = isPrinted(c.status) ? c.status : 'no_data';
              return (
                <li key={c.targetId}>
                  <StatusBadge status={s} text={c.displayStatus?.[locale] ?? statusWord(s, locale)} />{' '}
                  {portal ? (
                    <Link to="/portal/$plan/indicators/$code" params={{ plan, code: c.indicator.code }}>
                      {c.indicator.code}. {c.indicator.name}
                    </Link>
                  ) : (
                    <Link to="/plans/$plan/indicators/$code" params={{ plan, code: c.indicator.code }}>
                      {c.indicator.code}. {c.indicator.name}
                    </Link>
                  )}{' '}
                  <Figure value={c.actual.value} unit={c.indicator.unit} estimate={c.actual.estimate} />
                </li>
              );
            })}
          </ul>
        </section>
      )}

      {targetHistory.data && targetHistory.data.length > 0 && <TargetHistory items={targetHistory.data} />}

      <section aria-labelledby="i-history">
        <h2 id="i-history">{t.revisions}</h2>
        {history.every((h) => (h.data?.versions ?? []).length === 0) ? (
          <p className="muted">{t.noRevisions}</p>
        ) : (
          <div className="table-wrap" tabIndex={0}>
            <table className="data" data-testid="revisions">
              <thead>
                <tr>
                  <th scope="col">{t.colPeriod}</th>
                  <th scope="col">{t.colRevision}</th>
                  <th scope="col">{t.colValue}</th>
                  <th scope="col">{t.colVintage}</th>
                  <th scope="col">{t.colApproval}</th>
                  <th scope="col">{t.colSource}</th>
                </tr>
              </thead>
              <tbody>
                {history.flatMap((h) =>
                  (h.data?.versions ?? []).map((v) => (
                    <tr key={v.id}>
                      <th scope="row">{h.data?.period}</th>
                      <td>{num(v.seq)}</td>
                      <td>
                        <Figure value={v.value} unit={unit} estimate={v.status === 'estimate'} />
                      </td>
                      <td>{t.vintage[v.status] ?? v.status}</td>
                      <td>{t.approval[v.workflowState] ?? v.workflowState}</td>
                      <td>{v.sourceText ?? '—'}</td>
                    </tr>
                  )),
                )}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </article>
  );
}

export function IndicatorPage() {
  return <Indicator portal={false} />;
}

export function PortalIndicatorPage() {
  return <Indicator portal />;
}
