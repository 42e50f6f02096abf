// Số liệu từng xã, phường: for an indicator counted over communes, every commune of the year with its figure, its
// standing against the standard and who is in charge (for members), sortable, filterable and downloadable with the
// same selection; the city's figure is one click back on the indicator page. The selection lives in the URL. A plan
// owner splits the city target by commune here; once split, each commune's target and its status are columns.
import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate, useParams, useSearch } from '@tanstack/react-router';
import type { CommuneTable } from '../../../src/services/consolidation/commune-table.ts';
import { Missing } from '../components/figures.tsx';
import { Loading, LoadError } from '../components/states.tsx';
import { RegisterImporter } from '../components/register-importer.tsx';
import { StatusBadge } from '../components/status-badge.tsx';
import { TargetSplitter } from '../components/target-splitter.tsx';
import { may, useMaybeSession } from '../data/session.tsx';
import { useSplitText } from '../i18n/split-messages.ts';
import { useLocale } from '../i18n/locale.tsx';
import { usePlanPagesText } from '../i18n/plan-pages-messages.ts';
import type { CommunesSearch } from '../search-params.ts';
import { isPrinted, type PrintedStatus } from '../vocabulary.ts';
import { PlanHeading } from './plan-page-parts.tsx';

/** A commune's standing borrows a verdict's look: meeting reads as met, not yet as not met, no figure as no data. */
const LOOK: Record<CommuneTable['rows'][number]['status'], PrintedStatus> = {
  meets: 'met',
  not_met: 'not_met',
  no_figure: 'no_data',
  reported: 'on_track',
};
const COLUMNS = ['code', 'name', 'value', 'status'] as const;

function query(search: CommunesSearch, format?: 'csv' | 'xlsx'): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(search)) if (v !== undefined) q.set(k, String(v));
  if (format) q.set('format', format);
  const s = q.toString();
  return s ? `?${s}` : '';
}

export function CommunesPage() {
  const { plan, code } = useParams({ strict: false }) as { plan: string; code: string };
  const search = useSearch({ strict: false }) as CommunesSearch;
  const navigate = useNavigate();
  const { num, locale } = useLocale();
  const p = usePlanPagesText();
  const s = useSplitText();
  const session = useMaybeSession();
  const mayEdit = may(session?.user ?? null, 'reference.manage');
  const base = `/api/plans/${encodeURIComponent(plan)}/indicators/${encodeURIComponent(code)}/communes`;
  const table = useQuery({
    queryKey: ['communes', plan, code, search],
    queryFn: async () => {
      const r = await fetch(`${base}${query(search)}`, { credentials: 'same-origin' });
      if (!r.ok) throw new Error(`HTTP ${r.status}`);
      return (await r.json()) as CommuneTable;
    },
  });
  const set = (change: Partial<CommunesSearch>) =>
    void navigate({ to: '.', search: { ...search, ...change } as never, replace: true });
  const sortBy = (column: (typeof COLUMNS)[number]) =>
    set({ sort: column, order: search.sort === column && search.order !== 'desc' ? 'desc' : 'asc' });
  const heading: Record<(typeof COLUMNS)[number], string> = {
    code: p.communesCode,
    name: p.communesName,
    value: p.communesValue,
    status: p.communesStatus,
  };

  return (
    <section className="page" data-testid="communes-page">
      <p>
        <Link to="/plans/$plan/indicators/$code" params={{ plan, code }}>
          {p.communesBack}
        </Link>
      </p>
      <PlanHeading plan={plan} title={p.communesTitle} />
      {table.isPending ? (
        <Loading />
      ) : table.isError ? (
        <LoadError error={table.error} />
      ) : (
        <>
          <p className="subtitle">
            {table.data.indicator.code}. {table.data.indicator.name}
            {table.data.year !== null ? ` · ${p.communesYear(String(table.data.year))}` : ''}
            {table.data.standard ? ` · ${p.communesStandard(table.data.standard)}` : ''}
          </p>
          {table.data.split && (
            <p data-testid="communes-split">{s.splitOf(table.data.split.text, table.data.split.communes)}</p>
          )}
          {mayEdit && (
            <p>
              {table.data.cityTarget && <TargetSplitter plan={plan} indicator={code} />}
              {/* One importer whatever the register holds, so its notice outlives the table filling in. */}
              <RegisterImporter empty={table.data.totals.communes === 0} />
            </p>
          )}
          {table.data.totals.communes === 0 ? (
            <p className="missing" data-testid="communes-empty">
              {p.communesNone}
            </p>
          ) : (
            <>
              <p data-testid="communes-totals">
                {table.data.meetsStandard
                  ? p.communesTotals(
                      table.data.totals.meets,
                      table.data.totals.communes,
                      table.data.totals.notMet,
                      table.data.totals.noFigure,
                    )
                  : p.communesReported(
                      table.data.totals.communes - table.data.totals.noFigure,
                      table.data.totals.communes,
                      table.data.totals.noFigure,
                    )}
              </p>
              <div className="filters">
                <label>
                  {p.communesSearch}
                  <input
                    type="search"
                    defaultValue={search.q ?? ''}
                    onChange={(e) => set({ q: e.currentTarget.value.trim() || undefined })}
                  />
                </label>
                <label>
                  {p.communesStatus}
                  <select
                    value={search.status ?? ''}
                    onChange={(e) =>
                      set({ status: (e.currentTarget.value || undefined) as CommunesSearch['status'] | undefined })
                    }
                  >
                    <option value="">{p.communesAll}</option>
                    {(['meets', 'not_met', 'no_figure', 'reported'] as const).map((s) => (
                      <option key={s} value={s}>
                        {p.communeStatus[s]}
                      </option>
                    ))}
                  </select>
                </label>
              </div>
              <p>
                {p.communesDownload}:{' '}
                {(['csv', 'xlsx'] as const).map((f) => (
                  <a key={f} href={`${base}${query(search, f)}`} data-testid={`communes-page-${f}`}>
                    {f.toUpperCase()}{' '}
                  </a>
                ))}
              </p>
              {table.data.rows.length === 0 ? (
                <p className="missing">{p.communesNone}</p>
              ) : (
                <div className="table-wrap" tabIndex={0}>
                  <table className="data communes-table" data-testid="communes">
                    <caption>{p.communesCaption}</caption>
                    <thead>
                      <tr>
                        {COLUMNS.map((c) => (
                          <th
                            key={c}
                            scope="col"
                            aria-sort={
                              search.sort === c ? (search.order === 'desc' ? 'descending' : 'ascending') : undefined
                            }
                          >
                            <button type="button" className="sort" onClick={() => sortBy(c)}>
                              {heading[c]}
                            </button>
                          </th>
                        ))}
                        {table.data.split && (
                          <>
                            <th scope="col">{s.communeTarget}</th>
                            <th scope="col">{s.communeTargetStatus}</th>
                          </>
                        )}
                        <th scope="col">{p.communesOwners}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {table.data.rows.map((r) => (
                        <tr key={r.code} data-code={r.code}>
                          <td>{r.code}</td>
                          <td>{r.name}</td>
                          <td className="num">{r.value !== null ? num(r.value) : <Missing />}</td>
                          <td>
                            <StatusBadge status={LOOK[r.status]} text={p.communeStatus[r.status]} />
                          </td>
                          {table.data.split && (
                            <>
                              <td className="num" data-testid="commune-target">
                                {r.target ? num(r.target.value) : <Missing />}
                              </td>
                              <td data-testid="commune-target-status">
                                {isPrinted(r.target?.status) ? (
                                  <StatusBadge
                                    status={r.target.status}
                                    text={r.target.displayStatus?.[locale] ?? r.target.status}
                                  />
                                ) : (
                                  <Missing />
                                )}
                              </td>
                            </>
                          )}
                          <td>{r.owners.join(', ')}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              )}
            </>
          )}
        </>
      )}
    </section>
  );
}
