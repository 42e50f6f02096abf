// Reads the World Bank GDP and population files into a panel of GDP per head in current US$ (exact decimals), one
// series per country, regional and income aggregates removed.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Decimal } from '../../src/core/decimal.ts';
import type { Panel } from '../../src/core/forecast/backtest/cases.ts';

/**
 * The World Bank's aggregate codes in these files (regions, income groups, lending groups, demographic dividend
 * groups, the world): WDI's "Aggregates" list. What remains are economies.
 */
const AGGREGATES = new Set(
  (
    'AFE AFW ARB CEB CSS EAP EAR EAS ECA ECS EMU EUU FCS HIC HPC IBD IBT IDA IDB IDX INX LAC LCN LDC LIC LMC LMY LTE ' +
    'MEA MIC MNA NAC OED OSS PRE PSS PST SAS SSA SSF SST TEA TEC TLA TMN TSA TSS UMC WLD'
  ).split(' '),
);

/** "Country Name,Country Code,Year,Value", names possibly quoted with commas: the last three fields are plain. */
function readSeries(file: string): Map<string, Map<number, string>> {
  const out = new Map<string, Map<number, string>>();
  const lines = readFileSync(file, 'utf8').split(/\r?\n/).slice(1);
  for (const line of lines) {
    if (line.trim() === '') continue;
    const c3 = line.lastIndexOf(',');
    const c2 = line.lastIndexOf(',', c3 - 1);
    const c1 = line.lastIndexOf(',', c2 - 1);
    const code = line.slice(c1 + 1, c2);
    const year = Number(line.slice(c2 + 1, c3));
    const value = line.slice(c3 + 1).trim();
    if (value === '' || AGGREGATES.has(code)) continue;
    let s = out.get(code);
    if (s === undefined) out.set(code, (s = new Map()));
    s.set(year, value);
  }
  return out;
}

/** GDP ÷ population per country and year to twelve significant digits (some early figures are below a cent). */
export function gdpPerHead(folder: string): Panel {
  const gdp = readSeries(join(folder, 'gdp-current-usd.csv'));
  const pop = readSeries(join(folder, 'population.csv'));
  const panel = new Map<string, Map<number, string>>();
  for (const [code, g] of gdp) {
    const p = pop.get(code);
    if (p === undefined) continue;
    const series = new Map<number, string>();
    for (const [year, value] of g) {
      const people = p.get(year);
      if (people === undefined) continue;
      const perHead = new Decimal(value).div(new Decimal(people));
      if (perHead.gt(0)) series.set(year, perHead.toSignificantDigits(12).toFixed());
    }
    if (series.size > 0) panel.set(code, series);
  }
  return panel;
}
