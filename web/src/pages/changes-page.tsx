// What changed: the stored verdicts that moved since the estimates (the vintage that moved each), or since a date
// the reader picks; the date is in the URL.
import { Link, useNavigate, useParams, useSearch } from '@tanstack/react-router';
import { Loading, LoadError } from '../components/states.tsx';
import { StatusBadge } from '../components/status-badge.tsx';
import { useEvaluationChanges } from '../data/queries.ts';
import { useLocale } from '../i18n/locale.tsx';
import type { ChangesSearch } from '../search-params.ts';
import { isPrinted, statusWord } from '../vocabulary.ts';

export function ChangesPage() {
  const { plan } = useParams({ strict: false }) as { plan: string };
  const search = useSearch({ strict: false }) as ChangesSearch;
  const navigate = useNavigate();
  const { t, locale, num, date } = useLocale();
  const changes = useEvaluationChanges(plan);
  if (changes.isPending) return <Loading />;
  if (changes.isError) return <LoadError error={changes.error} />;
  const items = changes.data.filter((c) => !search.since || c.at.slice(0, 10) >= search.since);
  const word = (s: string | null) =>
    s && isPrinted(s) ? <StatusBadge status={s} text={statusWord(s, locale)} /> : <span className="muted">—</span>;
  return (
    <>
      <h1>{t.changesTitle}</h1>
      <div className="filters">
        <label>
          <span>{t.changesSince}</span>
          <input
            type="date"
            value={search.since ?? ''}
            onChange={(e) =>
              void navigate({ to: '.', search: { since: e.currentTarget.value || undefined }, replace: true } as never)
            }
          />
        </label>
        {!search.since && <p className="muted">{t.changesSinceEstimates}</p>}
      </div>
      {items.length === 0 ? (
        <p data-testid="no-changes">{t.changesNone}</p>
      ) : (
        <div className="table-wrap" tabIndex={0}>
          <table className="data" data-testid="changes">
            <thead>
              <tr>
                <th scope="col">{t.colDataDate}</th>
                <th scope="col">{t.colIndicator}</th>
                <th scope="col">{t.changesBefore}</th>
                <th scope="col">{t.changesAfter}</th>
                <th scope="col">{t.changesReason}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((c) => (
                <tr key={`${c.at}-${c.indicator.code}-${c.target}`}>
                  <td>{date(c.at)}</td>
                  <td>
                    <Link to="/plans/$plan/indicators/$code" params={{ plan, code: c.indicator.code }}>
                      {c.indicator.code}. {c.indicator.name}
                    </Link>
                  </td>
                  <td>
                    {word(c.before.status)} {c.before.value !== null ? num(c.before.value) : ''}
                  </td>
                  <td>
                    {word(c.after.status)} {c.after.value !== null ? num(c.after.value) : ''}
                  </td>
                  <td>
                    {c.cause
                      ? `${c.cause.period}: ${c.cause.value !== null ? num(c.cause.value) : '—'} (${c.cause.label ?? t.vintage[c.cause.status] ?? c.cause.status})${c.cause.source ? ` · ${c.cause.source}` : ''}`
                      : '—'}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
