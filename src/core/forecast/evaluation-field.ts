// The forecast as the evaluation row carries it: `forecast: { pMet, interval, method, inputs }`, consistent with the
// evaluation it sits in (a decided evaluation never carries a model's probability).
import type { Evaluation } from '../evaluation/index.ts';
import type { Forecast, ForecastInputs, ForecastInterval, ForecastMethod } from './types.ts';

export interface EvaluationForecast {
  pMet: number;
  interval: ForecastInterval;
  method: ForecastMethod;
  inputs: ForecastInputs;
}

/**
 * The `forecast` field of an evaluation row, or null when there is nothing honest to say (no figures, no model, or
 * an evaluation without data). The forecast is meant to come from the same target, figures and date as the evaluation;
 * if the evaluation has the outcome decided, its verdict wins.
 */
export function forecastField(evaluation: Evaluation, forecast: Forecast): EvaluationForecast | null {
  if ('unavailable' in forecast) return null;
  const final = evaluation.phase === 'final' && evaluation.status !== 'no_data';
  if ((final || evaluation.decided !== undefined) && forecast.method !== 'decided') {
    throw new Error(
      'forecastField: the forecast was not made for this evaluation (it is decided, the forecast is not)',
    );
  }
  return { pMet: forecast.pMet, interval: forecast.interval, method: forecast.method, inputs: forecast.inputs };
}
