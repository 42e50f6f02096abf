// How a figure, a pace and a missing value read in a cell: the number in the reader's notation, its period and an
// "ước" marker for estimates; a missing figure is the words "chưa có số liệu", never 0.
import { useLocale } from '../i18n/locale.tsx';
import type { OverviewRow } from '../data/overview-rows.ts';

export function Missing() {
  const { t } = useLocale();
  return <span className="missing">{t.noData}</span>;
}

export function Figure({
  value,
  unit,
  period,
  estimate,
}: {
  value: string | null;
  unit: string;
  period?: string | null;
  estimate?: boolean;
}) {
  const { t, num } = useLocale();
  if (value === null) return <Missing />;
  return (
    <span className="figure">
      {/* The number never breaks; its unit may go to the next line in a narrow column rather than overflow it. */}
      <span className="figure-value">
        <span className="figure-number">{num(value)}</span>
        {unit ? ` ${unit}` : ''}
      </span>
      {estimate && <span className="estimate">{t.estimate}</span>}
      {period && <span className="figure-period">{period}</span>}
    </span>
  );
}

export function PaceNeeded({ row }: { row: OverviewRow }) {
  const { t, num } = useLocale();
  const p = row.paceNeeded;
  if (!p) return <span className="muted">—</span>;
  switch (p.kind) {
    case 'done':
      return <span>{t.paceDone}</span>;
    case 'average_rate':
      return (
        <span>
          {num(p.value)} %{t.perYear}
        </span>
      );
    case 'yearly_flow':
    case 'yearly_change':
      return (
        <span>
          {num(p.value)} {row.unit}
          {t.perYear}
        </span>
      );
  }
}

export function PaceAchieved({ row }: { row: OverviewRow }) {
  const { t, num } = useLocale();
  if (row.paceAchieved === null) return <span className="muted">—</span>;
  return (
    <span>
      {num(row.paceAchieved)} {row.kind === 'growth_average' ? `%${t.perYear}` : row.unit}
    </span>
  );
}
