// The public shapes of the named peer progress methods: what the evaluation engine sends and gets back.

export type ProgressMethodName =
  | 'statcan_opensdg'
  | 'statcan_opensdg_indicator'
  | 'un_progress_chart_cr'
  | 'undp_aarr'
  | 'undp_growth_rate_811'
  | 'un_2023_expected_value'
  | 'eustat_eurostat_variant';

export interface ProgressInput {
  /** Observations, one per year; values as canonical decimal strings ("14.5"). */
  points: { year: number; value: string }[];
  target?: string;
  targetYear: number;
  baseYear?: number;
  direction: 'higher_better' | 'lower_better';
  /** Natural bound (e.g. 100 for a percentage), used only by the no-target branch of the Open SDG family. */
  limit?: string;
  /**
   * A zero base value: 'refuse' (default) where the peer would guess (StatCan and EUSTAT aim from 0.001, UNDP's AARR
   * reads ln ∞ ≥ ln ∞ as On Track), or 'peer' to run exactly as the peer does. UNDP's current ratio reports
   * Insufficient Data either way, as its peer does; the UN 2023 method has no peer code and always refuses.
   */
  zeroBase?: 'refuse' | 'peer';
  /** The series of one indicator, for the indicator-level methods (statcan_opensdg_indicator); each as above. */
  series?: Omit<ProgressInput, 'series' | 'zeroBase'>[];
}

/** chitieu's own reading of a peer category; the peer's category stays in `peerStatus`. */
export type Track = 'achieved' | 'on_track' | 'at_risk' | 'off_track' | 'no_data';

export interface ProgressResult {
  method: ProgressMethodName;
  peerStatus: string;
  value: number | null;
  score: number | null;
  track: Track;
  intermediates: Record<string, string | number | null>;
}

/** One observation in binary floating point, the arithmetic every peer uses. */
export interface FloatPoint {
  year: number;
  value: number;
}
