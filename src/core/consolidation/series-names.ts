// The human name of a series an aggregation method reads. A method names its series by key: the indicator's own code
// ("5") or a statistical series of the former units' figures ("population", "grdp_usd"); readers of a calculation or
// of what is missing see the name, never the key.
type Bilingual = { vi: string; en: string };

/** The statistical series the bundled declarations read as weights, numerators and levels (GSO's own names). */
const SERIES: Record<string, Bilingual> = {
  population: { vi: 'dân số trung bình', en: 'average population' },
  labour_force: { vi: 'lực lượng lao động', en: 'labour force' },
  grdp_current: { vi: 'GRDP theo giá hiện hành', en: 'GRDP at current prices' },
  grdp_comparable: { vi: 'GRDP theo giá so sánh', en: 'GRDP at comparable prices' },
  grdp_usd: { vi: 'GRDP theo giá hiện hành tính bằng USD', en: 'GRDP at current prices in USD' },
  urban_wastewater: { vi: 'lượng nước thải đô thị', en: 'urban wastewater volume' },
};

/**
 * The series' name: the indicator's own name when the series is the indicator's own value (the role "value" of a
 * sum, a mean or a count, or its code), a known statistical series by its name, else the key as declared (shown
 * rather than hidden).
 */
export function seriesName(series: string, role: string, indicator: { code: string; name: string }): Bilingual {
  if (role === 'value' || series === indicator.code) return { vi: indicator.name, en: indicator.name };
  return SERIES[series] ?? { vi: series, en: series };
}
