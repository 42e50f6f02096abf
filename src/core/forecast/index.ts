// Public surface of the forecast: P(met at the term's end) for one target, its row field, and the default priors.
export { forecastTarget } from './forecast-target.ts';
export { DEFAULT_PRIORS, STATUS_ERROR } from './prior.ts';
export { MIN_PEERS, termCrossSection, termPrior } from './pool.ts';
export type { PeerSeries, PoolStructure, TermCrossSection } from './pool.ts';
export { FORECAST_METHODS, FORECAST_UNAVAILABLE_CODES, isUnavailable } from './types.ts';
export type {
  FanPoint,
  Forecast,
  ForecastInterval,
  ForecastMethod,
  ForecastOptions,
  ForecastPriors,
  ForecastResult,
  ForecastUnavailable,
  ScalePrior,
  UnitsPrior,
} from './types.ts';
