// One verdict explained: method, the formula with the API's own numbers substituted, each input with its vintage,
// source and approval state, the thresholds, and what would change the verdict. Nothing is recomputed here.
import { Link, useParams } from '@tanstack/react-router';
import { Figure } from '../components/figures.tsx';
import { Loading, LoadError } from '../components/states.tsx';
import { StatusBadge } from '../components/status-badge.tsx';
import { useTargetEvaluation, type EvaluationRow } from '../data/queries.ts';
import { targetTextOf } from '../data/target-text.ts';
import { intermediateLabel, intermediateValue, isYearKey } from '../i18n/intermediate-labels.ts';
import { useLocale } from '../i18n/locale.tsx';
import { isPrinted } from '../vocabulary.ts';
import { RequiredText } from './indicator-parts.tsx';

type Num = (v: string) => string;

/** Substitution lines per kind, from the figures the evaluation returned. */
function formulaLines(row: EvaluationRow, t: ReturnType<typeof useLocale>['t'], num: Num): string[] {
  const i = row.intermediates;
  const p = (row.method?.parameters ?? {}) as Record<string, unknown>;
  const lines: string[] = [];
  const bound = typeof p.min === 'string' ? p.min : typeof p.value === 'string' ? p.value : null;
  const op = p.direction === 'lower_better' ? '≤' : typeof p.op === 'string' ? p.op : '≥';
  if (i.growthFactor && i.realisedYears && i.averageExact)
    lines.push(t.formulaGeometric(num(i.growthFactor), i.realisedYears, num(i.averageExact)));
  if (i.total && i.span) lines.push(t.formulaTotal(i.span, num(i.total)));
  if (i.yearsMet && i.yearsWithFigures) lines.push(t.formulaYears(i.yearsMet, i.yearsWithFigures));
  if (row.actual.value !== null && bound !== null) lines.push(t.formulaCompare(num(row.actual.value), op, num(bound)));
  if (row.actual.value !== null && bound !== null && row.achievement !== null)
    lines.push(
      t.formulaAchievement(
        num(row.actual.value),
        num(bound),
        num(String(Math.round(Number(row.achievement) * 10000) / 100)),
      ),
    );
  return lines;
}

function Explanation({ portal }: { portal: boolean }) {
  const { plan, targetId } = useParams({ strict: false }) as { plan: string; targetId: string };
  const { t, locale, num, date } = useLocale();
  const evaluations = useTargetEvaluation(plan, targetId);
  if (evaluations.isPending) return <Loading />;
  if (evaluations.isError) return <LoadError error={evaluations.error} />;
  const row = evaluations.data.rows.find((r) => r.targetId === targetId);
  if (!row) return <p role="alert">{t.notFound}</p>;
  const status = isPrinted(row.status) ? row.status : 'no_data';
  const params = Object.entries((row.method?.parameters ?? {}) as Record<string, unknown>);
  const p = Object.fromEntries(params);
  const bound = typeof p.min === 'string' ? p.min : typeof p.value === 'string' ? p.value : null;
  const lines = formulaLines(row, t, num);
  const show = (k: string, v: unknown) =>
    isYearKey(k)
      ? String(v)
      : typeof v === 'string' && /^-?\d+(\.\d+)?$/.test(v)
        ? num(v)
        : typeof v === 'string'
          ? (t.direction[v] ?? intermediateValue(v, locale))
          : String(v);

  return (
    <article className="explanation" data-testid="explanation" data-target={row.targetId}>
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
        {t.explanationTitle}
        <span className="subtitle">
          {row.indicator.code}. {row.indicator.name}
        </span>
      </h1>
      <div className="verdict-line">
        <StatusBadge status={status} text={row.displayStatus?.[locale] ?? ''} />
        <span>{row.explanation[locale]}</span>
      </div>

      <section aria-labelledby="x-method">
        <h2 id="x-method">{t.method}</h2>
        <p data-testid="method">
          {t.methodName(intermediateValue(row.method?.name ?? '—', locale))}
          {row.actual.method ? ` · ${intermediateValue(row.actual.method, locale)}` : ''}
        </p>
        <p>
          {t.targetText}: «{targetTextOf(row, locale)}»
          {row.target.line ? ` (${t.sourceLine(String(row.target.line))})` : ''}
        </p>
        {row.period && (
          <p>
            {t.period}: {row.period.label} · {t.cutoff}: {row.period.cutoffLabel}
          </p>
        )}
      </section>

      <section aria-labelledby="x-formula">
        <h2 id="x-formula">{t.formula}</h2>
        {lines.length > 0 ? (
          <ul className="formula" data-testid="formula">
            {lines.map((l) => (
              <li key={l}>{l}</li>
            ))}
          </ul>
        ) : (
          <p className="muted">—</p>
        )}
        {Object.keys(row.intermediates).length > 0 && (
          <table className="kv" data-testid="intermediates">
            <caption>{t.intermediates}</caption>
            <tbody>
              {Object.entries(row.intermediates).map(([k, v]) => (
                <tr key={k} data-key={k}>
                  <th scope="row">{intermediateLabel(k, locale)}</th>
                  <td>{show(k, v)}</td>
                </tr>
              ))}
              {row.achievement !== null && (
                <tr data-key="achievement">
                  <th scope="row">{t.achievement}</th>
                  <td>{num(row.achievement)}</td>
                </tr>
              )}
            </tbody>
          </table>
        )}
      </section>

      <section aria-labelledby="x-inputs">
        <h2 id="x-inputs">{t.inputs}</h2>
        {row.inputs.length === 0 ? (
          <p className="missing">{t.noInputs}</p>
        ) : (
          <div className="table-wrap" tabIndex={0}>
            <table className="data" data-testid="inputs">
              <thead>
                <tr>
                  <th scope="col">{t.colPeriod}</th>
                  <th scope="col">{t.colValue}</th>
                  <th scope="col">{t.colVintage}</th>
                  <th scope="col">{t.colSource}</th>
                  <th scope="col">{t.colPublished}</th>
                  <th scope="col">{t.colApproval}</th>
                </tr>
              </thead>
              <tbody>
                {row.inputs.map((v) => (
                  <tr key={v.versionId} data-value={v.value ?? ''}>
                    <td>{v.period}</td>
                    <td>
                      <Figure value={v.value} unit={row.indicator.unit} estimate={v.status === 'estimate'} />
                    </td>
                    <td>{v.label ?? t.vintage[v.status] ?? v.status}</td>
                    <td>
                      {v.source ?? '—'}
                      {row.target.line && v.source === row.target.document?.title
                        ? ` (${t.sourceLine(String(row.target.line))})`
                        : ''}
                    </td>
                    <td>{v.publishedOn ? date(v.publishedOn) : '—'}</td>
                    <td>{t.approval[v.workflowState] ?? v.workflowState}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section aria-labelledby="x-thresholds">
        <h2 id="x-thresholds">{t.thresholds}</h2>
        <table className="kv" data-testid="thresholds">
          <tbody>
            {params.map(([k, v]) => (
              <tr key={k} data-key={k}>
                <th scope="row">{t.param[k] ?? k}</th>
                <td>{show(k, v)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <section aria-labelledby="x-change">
        <h2 id="x-change">{t.whatWouldChange}</h2>
        <ul data-testid="what-would-change">
          {status === 'no_data' && <li>{t.changeNoData(row.period?.label ?? '')}</li>}
          {row.required && (
            <li>
              <RequiredText required={row.required} unit={row.indicator.unit} />
            </li>
          )}
          {bound !== null && status !== 'no_data' && (
            <li>{t.changeBound(p.direction === 'lower_better' ? '>' : '<', num(bound))}</li>
          )}
          {row.actual.estimate && <li>{t.changeEstimate}</li>}
        </ul>
      </section>
    </article>
  );
}

export function ExplanationPage() {
  return <Explanation portal={false} />;
}

export function PortalExplanationPage() {
  return <Explanation portal />;
}
