// chitieu's reading of each peer's categories. Kept apart from the methods so that a peer's own category is never
// renamed: "Fair progress but acceleration needed" stays that in `peerStatus`, and only `track` says at_risk.
import type { EustatStatus } from './eustat-eurostat-variant.ts';
import type { StatcanStatus } from './statcan-score.ts';
import type { EvCategory, EvRule } from './un-2023-expected-value.ts';
import type { UndpStatus } from './un-progress-chart-cr.ts';
import type { Track } from './types.ts';

export function statcanTrack(s: StatcanStatus): Track {
  switch (s) {
    case 'target_achieved':
      return 'achieved';
    case 'substantial_progress':
      return 'on_track';
    case 'moderate_progress':
      return 'at_risk';
    case 'limited_progress':
    case 'deterioration':
      return 'off_track';
    case 'not_available':
      return 'no_data';
  }
}

export function undpTrack(s: UndpStatus): Track {
  switch (s) {
    case 'Target Achieved':
      return 'achieved';
    case 'On Track':
      return 'on_track';
    case 'Fair progress but acceleration needed':
      return 'at_risk';
    case 'Limited or No Progress':
    case 'Deterioration':
      return 'off_track';
    case 'Insufficient Data':
      return 'no_data';
  }
}

/** EUSTAT reports a met target as significant_progress; chitieu still says achieved, from the peer's own flag. */
export function eustatTrack(s: EustatStatus, targetAchieved: boolean): Track {
  if (targetAchieved) return 'achieved';
  switch (s) {
    case 'significant_progress':
      return 'on_track';
    case 'moderate_progress':
      return 'at_risk';
    case 'no_progress':
    case 'moderate_deterioration':
    case 'significant_deterioration':
      return 'off_track';
    case 'not_available':
      return 'no_data';
  }
}

export function evTrack(category: EvCategory | null, rule: EvRule): Track {
  if (category === null) return 'no_data';
  if (rule === 'target_met' || rule === 'near_bound') return 'achieved';
  if (category === 3) return 'on_track';
  if (category === 2) return 'at_risk';
  return 'off_track';
}
