// Small pieces the overview adds around its table: the forecast cell (P(met) as "3/10 (30 %)"), a composite
// parent's latest value in words, the report downloads, the plan's documents (portal) and the plan owner's dialog to
// correct the plan's own name and description.
import type { OverviewRow } from '../data/overview-rows.ts';
import { usePlan } from '../data/queries.ts';
import { may, useMaybeSession } from '../data/session.tsx';
import { useLocale } from '../i18n/locale.tsx';
import { usePlanPagesText } from '../i18n/plan-pages-messages.ts';
import { useTargetEditText } from '../i18n/target-edit-messages.ts';
import { OutlineItemEditor } from './outline-item-editor.tsx';
import '../plan-pages.css';

/** P(met) in tenths, as a leader reads it ("khoảng 3/10"), with the percent beside. */
export function ForecastCell({ row }: { row: OverviewRow }) {
  const { num } = useLocale();
  const p = usePlanPagesText();
  const f = row.forecast;
  if (!f) return <span className="muted">—</span>;
  if ('unavailable' in f)
    return (
      <span className="missing" data-forecast="unavailable">
        {p.forecastUnavailable}
        {/* Without figures the latest-value cell already says why; any other reason is spelled out. */}
        {f.code !== 'no_figures' && <span className="figure-period"> ({f.unavailable})</span>}
      </span>
    );
  return (
    <span className="forecast-cell" data-forecast={String(f.pMet)} title={f.sentence}>
      {p.forecastTenths(num(Math.round(f.pMet * 10)), num(Math.round(f.pMet * 100)))}
      <span className="sr-only">. {f.sentence}</span>
    </span>
  );
}

export function CompositeLatest({ row }: { row: OverviewRow }) {
  const { t, num } = useLocale();
  const p = usePlanPagesText();
  if (!row.composite) return null;
  return (
    <span className="figure" data-testid="composite-latest">
      <span className="figure-value composite-value">
        {p.compositeLatest(num(row.composite.reached), num(row.composite.of))}
      </span>
      {row.estimate && <span className="estimate">{t.estimate}</span>}
    </span>
  );
}

const FORMATS = ['xlsx', 'docx', 'pdf'] as const;

export function ReportDownloads({ plan }: { plan: string }) {
  const p = usePlanPagesText();
  const user = useMaybeSession()?.user ?? null;
  const base = `/api/plans/${encodeURIComponent(plan)}`;
  // Open formats: the key projects as OC4IDS for everyone; the figures and targets (CSV, SDMX-CSV) for the tenant's
  // members; the whole plan as one JSON document (what `chitieu import` reads back) for its owner. The API decides.
  const data: { href: string; label: string; format: string }[] = [
    { href: `${base}/oc4ids.json`, label: p.downloadOc4ids, format: 'oc4ids' },
    ...(may(user, 'data.export')
      ? [
          { href: `${base}/exports/csv`, label: p.downloadFiguresCsv, format: 'csv' },
          { href: `${base}/exports/targets-csv`, label: p.downloadTargetsCsv, format: 'targets-csv' },
          { href: `${base}/exports/sdmx-csv`, label: p.downloadSdmxCsv, format: 'sdmx-csv' },
        ]
      : []),
    ...(may(user, 'plan.document')
      ? [{ href: `${base}/document.json`, label: p.downloadPlanJson, format: 'json' }]
      : []),
  ];
  return (
    <div className="downloads-group">
      <nav aria-label={p.downloads} className="downloads" data-testid="downloads">
        <span className="muted">{p.downloads}:</span>
        {FORMATS.map((f) => (
          <a key={f} href={`${base}/reports/results.${f}`} download data-format={f}>
            {p.downloadResults(f.toUpperCase())}
          </a>
        ))}
      </nav>
      <nav aria-label={p.openData} className="downloads" data-testid="open-data">
        <span className="muted">{p.openData}:</span>
        {data.map((d) => (
          <a key={d.format} href={d.href} download data-format={d.format}>
            {d.label}
          </a>
        ))}
      </nav>
    </div>
  );
}

export function PlanDocuments({ plan }: { plan: string }) {
  const { date } = useLocale();
  const p = usePlanPagesText();
  const detail = usePlan(plan);
  if (!detail.data || detail.data.documents.length === 0) return null;
  return (
    <section aria-labelledby="plan-docs" className="documents">
      <h2 id="plan-docs">{p.documentsTitle}</h2>
      <ul data-testid="documents">
        {detail.data.documents.map((d, i) => (
          <li key={`${d.title}-${i}`}>
            {d.url ? <a href={d.url}>{d.title}</a> : <strong>{d.title}</strong>}
            <span className="muted">
              {' '}
              · {d.number ?? p.docNoNumber}
              {d.issuedOn ? ` · ${date(d.issuedOn)}` : ''}
              {d.issuer ? ` · ${d.issuer}` : ''} · {d.role === 'plan' ? p.docPlan : p.docOther}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The plan owner's dialog to correct the plan's own name and description, with a reason (If-Match: its version). */
export function PlanEditor({ plan }: { plan: string }) {
  const e = useTargetEditText();
  const detail = usePlan(plan);
  if (!detail.data) return null;
  const d = detail.data;
  return (
    <OutlineItemEditor
      plan={plan}
      kind="plan"
      code={plan}
      version={d.version}
      buttonLabel={e.editPlan}
      title={e.editPlanTitle}
      fields={[
        { name: 'name', label: e.planName, value: d.name, type: 'textarea', required: true },
        { name: 'description', label: e.planDescription, value: d.description, type: 'textarea' },
      ]}
    />
  );
}
