// A target relative to a benchmark series ("thấp hơn bình quân cả nước", "cao hơn mức bình quân vùng"): the judged
// year's figure against the benchmark's figure of the same year, both entered as figures with their source. Nothing
// is assumed about a benchmark year that has no figure: the verdict is "no data" and says which figure is missing.
// While the term runs, the latest year with both figures tells whether the relation holds so far (no projection: the
// benchmark moves too, and chitieu does not forecast it).
import { InvalidTarget } from '../../errors.ts';
import type { BenchmarkTarget, ObservationInput } from '../../targets/target.ts';
import type { KindContext, KindEvaluation } from '../context.ts';
import { cmp, parseExact, type Exact } from '../exact.ts';
import { amount, estimateMark, join, unitPhrase, type Phrase } from '../explain.ts';
import { restsOn, type PreparedObservation } from '../prepare.ts';
import { DEFAULT_PROGRESS_METHOD } from '../progress-adapter.ts';
import { yearlyOf } from './series.ts';

/** Whether `a` stands in the target's relation to the benchmark `b`. */
function holds(t: BenchmarkTarget, a: Exact, b: Exact): boolean {
  const c = cmp(a, b);
  if (t.direction === 'higher_better') return t.strict === true ? c > 0 : c >= 0;
  return t.strict === true ? c < 0 : c <= 0;
}

/** "thấp hơn bình quân cả nước" / "không cao hơn …" as the target says it. */
function relationWords(t: BenchmarkTarget): Phrase {
  const name = t.benchmark.name;
  if (t.direction === 'higher_better') {
    return t.strict === true
      ? { vi: `cao hơn ${name}`, en: `above ${name}` }
      : { vi: `không thấp hơn ${name}`, en: `not below ${name}` };
  }
  return t.strict === true
    ? { vi: `thấp hơn ${name}`, en: `below ${name}` }
    : { vi: `không cao hơn ${name}`, en: `not above ${name}` };
}

/** The benchmark's full-year figures by year (a span or a quarter of the benchmark is not a yearly benchmark). */
function benchmarkByYear(series: readonly ObservationInput[]): Map<number, ObservationInput> {
  const out = new Map<number, ObservationInput>();
  for (const o of series) if (/^\d{4}$/.test(o.period)) out.set(Number(o.period), o);
  return out;
}

export function evaluateBenchmark(ctx: KindContext<BenchmarkTarget>): KindEvaluation {
  const t = ctx.target;
  if (t.direction === 'band' || !t.benchmark || typeof t.benchmark.indicator !== 'string' || !t.benchmark.name) {
    throw new InvalidTarget(
      {
        vi: 'Mục tiêu so với chuẩn so sánh cần chiều cao hơn / thấp hơn và tên, mã chỉ tiêu của chuẩn so sánh',
        en: 'A benchmark-relative target needs a higher or lower direction and the benchmark indicator’s code and name',
      },
      { direction: t.direction, benchmark: t.benchmark },
    );
  }
  const unit = unitPhrase(ctx.unit);
  const rel = relationWords(t);
  const bench = benchmarkByYear(ctx.benchmark);
  const own = yearlyOf(ctx.obs, ['level', 'share', 'growth_rate', 'count', 'flow'])
    .filter((o) => o.year <= t.year)
    .sort((a, b) => a.year - b.year);
  const parameters = { benchmark: t.benchmark.indicator, benchmarkName: t.benchmark.name, judgedYear: t.year };
  const noData = (current: PreparedObservation | undefined, why: Phrase): KindEvaluation => ({
    status: 'no_data',
    actual: {
      value: current?.value.text ?? null,
      period: current?.input.period ?? null,
      method: 'compared_with_benchmark',
      ...(current ? restsOn([current]) : { restsOn: [], estimatesOnly: false, anyEstimate: false }),
    },
    achievement: null,
    required: null,
    projection: null,
    method: { name: DEFAULT_PROGRESS_METHOD, parameters },
    intermediates: {},
    explanation: why,
  });
  // The judged year once the term is over; while it runs, the latest year that has both figures.
  const final = ctx.phase === 'final';
  const pair = final ? own.filter((o) => o.year === t.year) : own.filter((o) => bench.has(o.year));
  const current = pair[pair.length - 1];
  if (current === undefined) {
    const latest = own[own.length - 1];
    if (final && latest?.year !== t.year) {
      return noData(undefined, {
        vi: `Chưa có số liệu năm ${t.year} (mục tiêu ${rel.vi})`,
        en: `No figure for ${t.year} (target: ${rel.en})`,
      });
    }
    if (latest === undefined) {
      return noData(undefined, {
        vi: `Chưa có số liệu (mục tiêu ${rel.vi} năm ${t.year})`,
        en: `No figures yet (target: ${rel.en} in ${t.year})`,
      });
    }
    const said = amount(latest.value.text, unit);
    return noData(latest, {
      vi: `Năm ${latest.year} đạt ${said.vi}, nhưng chưa có số liệu ${t.benchmark.name} năm ${latest.year} để so sánh`,
      en: `${said.en} in ${latest.year}, but there is no figure of ${t.benchmark.name} for ${latest.year} to compare with`,
    });
  }
  const b = bench.get(current.year);
  const said = join(amount(current.value.text, unit), estimateMark(current.input.status === 'estimate'));
  if (b === undefined) {
    return noData(current, {
      vi: `Năm ${current.year} đạt ${said.vi}, nhưng chưa có số liệu ${t.benchmark.name} năm ${current.year} để so sánh`,
      en: `${said.en} in ${current.year}, but there is no figure of ${t.benchmark.name} for ${current.year} to compare with`,
    });
  }
  const bValue = parseExact(b.value, 'benchmark');
  const ok = holds(t, current.value, bValue);
  const benchSaid = join(amount(b.value, unit), estimateMark(b.status === 'estimate'));
  const verdict: Phrase = ok
    ? { vi: `đạt mục tiêu ${rel.vi}`, en: `meeting the target (${rel.en})` }
    : { vi: `không đạt mục tiêu ${rel.vi}`, en: `missing the target (${rel.en})` };
  const status = final ? (ok ? 'met' : 'not_met') : ok ? 'on_track' : 'off_track';
  const soFar: Phrase = final
    ? { vi: '', en: '' }
    : {
        vi: ` (năm gần nhất có cả hai số liệu; mục tiêu xét năm ${t.year})`,
        en: ` (latest year with both figures; judged in ${t.year})`,
      };
  return {
    status,
    actual: {
      value: current.value.text,
      period: current.input.period,
      method: 'compared_with_benchmark',
      ...restsOn([current]),
    },
    achievement: null,
    required: null,
    projection: null,
    method: { name: DEFAULT_PROGRESS_METHOD, parameters },
    intermediates: {
      latestYear: String(current.year),
      benchmarkValue: b.value,
      benchmarkPeriod: b.period,
      benchmarkStatus: b.status,
      ...(b.vintageId === undefined ? {} : { benchmarkVintageId: b.vintageId }),
    },
    explanation: {
      vi: `Năm ${current.year} đạt ${said.vi}; ${t.benchmark.name} ${benchSaid.vi}: ${verdict.vi}${soFar.vi}`,
      en: `${said.en} in ${current.year}; ${t.benchmark.name} ${benchSaid.en}: ${verdict.en}${soFar.en}`,
    },
  };
}
