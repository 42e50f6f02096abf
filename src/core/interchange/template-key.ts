// The hidden key of a template row and the periods a frequency asks for. Pure.
import { isPeriodDue, periodLabel } from '../periods/cutoff.ts';

export const KEY_PREFIX = 'chitieu:1';

export interface TemplateKey {
  planCode: string;
  indicatorCode: string;
  unitCode: string;
  period: string;
}

/** "chitieu:1|plan|indicator|unit|period": what a row is about, whatever the clerk did to the visible columns. */
export function writeKey(k: TemplateKey): string {
  return [KEY_PREFIX, ...[k.planCode, k.indicatorCode, k.unitCode, k.period].map(encodeURIComponent)].join('|');
}

export function readKey(text: string): TemplateKey | null {
  const parts = text.split('|');
  if (parts.length !== 5) return null;
  let decoded: string[];
  try {
    decoded = parts.map((p) => decodeURIComponent(p));
  } catch {
    return null;
  }
  const [prefix, planCode, indicatorCode, unitCode, period] = decoded as [string, string, string, string, string];
  if (prefix !== KEY_PREFIX || !planCode || !indicatorCode || !period) return null;
  return { planCode, indicatorCode, unitCode, period };
}

/** Every period of a frequency within the years, in order. */
export function periodsOf(frequency: string, firstYear: number, lastYear: number): string[] {
  if (frequency === 'term') return [`${firstYear}-${lastYear}`];
  const out: string[] = [];
  for (let y = firstYear; y <= lastYear; y++) {
    if (frequency === 'month') for (let m = 1; m <= 12; m++) out.push(`${y}-M${String(m).padStart(2, '0')}`);
    else if (frequency === 'quarter') for (let q = 1; q <= 4; q++) out.push(`${y}-Q${q}`);
    else if (frequency === 'half') out.push(`${y}-H1`, `${y}-H2`);
    else if (frequency === 'nine_months') out.push(`${y}-9M`);
    else out.push(String(y));
  }
  return out;
}

/** The periods whose report is due by `asOf` (their deadline has passed), from the term's start. */
export function periodsDue(frequency: string, firstYear: number, lastYear: number, asOf: string): string[] {
  return periodsOf(frequency, firstYear, lastYear).filter((p) => isPeriodDue(p, asOf));
}

export { periodLabel };
