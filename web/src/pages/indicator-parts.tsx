// Pieces of the indicator page also used by the explanation: the required pace in words.
import { Link } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import type { EvaluationRow } from '../data/queries.ts';
import { useLocale } from '../i18n/locale.tsx';
import { usePlanPagesText } from '../i18n/plan-pages-messages.ts';

export function RequiredText({ required, unit }: { required: NonNullable<EvaluationRow['required']>; unit: string }) {
  const { t, num } = useLocale();
  const years = num(required.remainingYears);
  switch (required.kind) {
    case 'average_rate':
      return <span data-testid="required">{t.requiredRate(`${num(required.value)} %${t.perYear}`, years)}</span>;
    case 'yearly_flow':
      return <span data-testid="required">{t.requiredFlow(`${num(required.value)} ${unit}`, years)}</span>;
    case 'yearly_change':
      return <span data-testid="required">{t.requiredChange(`${num(required.value)} ${unit}`, years)}</span>;
    case 'done':
      return <span data-testid="required">{t.requiredDone}</span>;
  }
}

/**
 * A merged unit's base-period figure: where it came from and its calculation step by step (issue 19). When it is
 * missing, `entry` (the plan owner's dialog to enter it) takes the place of the words saying who may enter it.
 */
export function MergedBaseline({
  baseline,
  entered,
  unit,
  entry,
}: {
  baseline: NonNullable<EvaluationRow['baseline']>;
  /** The figure entered for the merged unit's base period (the row's input of that period), when the source is it. */
  entered?: { value: string; source: string | null } | null;
  /** The indicator's unit of measure. */
  unit: string;
  entry?: ReactNode;
}) {
  const { locale, num } = useLocale();
  const p = usePlanPagesText();
  const c = baseline.consolidation;
  if (baseline.source === 'entered')
    return (
      <div className="verdict-card" data-testid="merged-baseline" data-source={baseline.source}>
        <span className="muted">{p.baselineTitle(baseline.period)}</span>
        <strong>
          {p.baselineSource.entered}
          {entered ? `: ${num(entered.value)} ${unit}` : ''}
        </strong>
        {entered?.source && <p>{p.baselineEnteredSource(entered.source)}</p>}
        {c.comparison && <p>{c.comparison[locale]}</p>}
      </div>
    );
  return (
    <div className="verdict-card" data-testid="merged-baseline" data-source={baseline.source}>
      <span className="muted">{p.baselineTitle(baseline.period)}</span>
      <strong>
        {p.baselineSource[baseline.source]}
        {c.text ? `: ${c.text}` : ''}
      </strong>
      <p>
        {c.method[locale]}: {c.formula[locale]}
      </p>
      <ul>
        {c.inputs.map((i) => (
          <li key={`${i.unit}-${i.series}-${i.period}-${i.role}`}>
            {i.unitName ?? i.unit}: {i.text} ({i.plan} · {i.indicator}
            {i.source.line ? ` · ${locale === 'vi' ? 'dòng' : 'line'} ${i.source.line}` : ''})
          </li>
        ))}
        {c.missing.map((m) => (
          <li key={`missing-${m.unit}-${m.series}`} className="differs-note">
            {p.baselineMissing}: {m.reason[locale]}
          </li>
        ))}
      </ul>
      {c.comparison && <p>{c.comparison[locale]}</p>}
      {/* The API's own hint names the route to call; the page says it in a reader's words, or offers the entry. */}
      {baseline.source === 'missing' &&
        (entry ? <div>{entry}</div> : c.enterInstead && <p className="muted">{p.baselineEnterHint}</p>)}
    </div>
  );
}

/** The latest count of units meeting a standard and the units not yet meeting it, with who is in charge. */
export function UnitsNotMeeting({
  counts,
  plan,
  indicator,
}: {
  counts: NonNullable<EvaluationRow['unitCounts']>;
  plan: string;
  indicator: string;
}) {
  const { num } = useLocale();
  const p = usePlanPagesText();
  const latest = counts.at(-1);
  if (!latest) return null;
  const missing = latest.notMeeting ?? [];
  return (
    <div className="verdict-card" data-testid="units-not-meeting">
      <strong>
        {p.unitsTitle(latest.period, num(latest.count), num(latest.of), num(Number(latest.share).toFixed(1)))}
      </strong>
      {missing.length > 0 && (
        <details>
          <summary>{p.unitsNotMeeting(num(missing.length))}</summary>
          <ul>
            {missing.map((n) => (
              <li key={n.code} data-code={n.code}>
                {n.code} {n.name}
                {n.reason === 'no_figure' ? ` (${p.unitsNoFigure})` : ''}
                {n.owners.length > 0 ? ` · ${p.unitsOwners}: ${n.owners.join(', ')}` : ''}
              </li>
            ))}
          </ul>
        </details>
      )}
      <p>
        <Link
          to="/plans/$plan/indicators/$code/communes"
          params={{ plan, code: indicator }}
          search={{ year: Number(latest.period) || undefined }}
          data-testid="communes-view"
        >
          {p.unitsView}
        </Link>
        {' · '}
        {p.unitsTable}:{' '}
        {(['csv', 'xlsx'] as const).map((f) => (
          <a
            key={f}
            href={`/api/plans/${encodeURIComponent(plan)}/indicators/${encodeURIComponent(indicator)}/communes?year=${latest.period}&format=${f}`}
            data-testid={`communes-${f}`}
          >
            {f.toUpperCase()}{' '}
          </a>
        ))}
      </p>
    </div>
  );
}
