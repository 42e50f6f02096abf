// Pieces of the indicator page also used by the explanation: the required pace in words.
import type { EvaluationRow } from '../data/queries.ts';
import { useLocale } from '../i18n/locale.tsx';

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
