// For a units-meeting-standard target, the share of units meeting the standard is computed from the per-unit
// figures and the units valid on each year's evaluation date (vn-conventions §6.4 UNIT-2): after a merger the
// denominator changes, so it is never typed in. The computed share becomes one observation per year for the engine.
import { countMeeting, unitsValidOn, type UnitRecord } from '../units/index.ts';
import type { ObservationInput, ObservationStatus } from '../targets/target.ts';
import type { SnapshotUnit, SnapshotVersion } from './snapshot.ts';

export interface UnitShare {
  period: string;
  date: string;
  count: number;
  of: number;
  share: string;
  status: ObservationStatus;
  /**
   * The units valid on the date that do not meet the standard, in code order: `not_met` when the unit's figure says
   * so, `no_figure` when it has none for the year. (Their owners are people, added when the evaluation is read.)
   */
  notMeeting: NotMeetingUnit[];
}

export interface NotMeetingUnit {
  code: string;
  name: string;
  reason: 'not_met' | 'no_figure';
}

const STATUS_RANK: Record<ObservationStatus, number> = { estimate: 0, preliminary: 1, official: 2 };

/** One share per year that has per-unit figures; the weakest status among the figures counted is the share's. */
export function unitShares(children: readonly SnapshotUnit[], perUnit: readonly SnapshotVersion[]): UnitShare[] {
  const records = children.map((c) => ({
    code: c.code,
    name: c.name,
    level: c.level as UnitRecord['level'],
    validFrom: c.valid_from ?? '1900-01-01',
    validTo: c.valid_to,
    id: c.id,
  }));
  const years = [...new Set(perUnit.filter((v) => /^\d{4}$/.test(v.period)).map((v) => v.period))].sort();
  const out: UnitShare[] = [];
  for (const year of years) {
    const figures = perUnit.filter((v) => v.period === year && v.value !== null);
    const done = new Set(figures.filter((v) => v.value !== null && Number(v.value) === 1).map((v) => v.unit_id));
    const reported = new Set(figures.map((v) => v.unit_id));
    // Units are counted as they stand at the end of the year the figures describe.
    const date = `${year}-12-31`;
    const c = countMeeting(records, date, (u) => done.has(u.id));
    if (c.share === null) continue;
    const status = figures.reduce<ObservationStatus>(
      (worst, v) => (STATUS_RANK[v.status] < STATUS_RANK[worst] ? v.status : worst),
      'official',
    );
    const notMeeting = unitsValidOn(records, date)
      .filter((u) => !done.has(u.id))
      .sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0))
      .map((u): NotMeetingUnit => ({
        code: u.code,
        name: u.name,
        reason: reported.has(u.id) ? 'not_met' : 'no_figure',
      }));
    out.push({
      period: year,
      date,
      count: c.count,
      of: c.of,
      share: c.share.toSignificantDigits(30).toFixed(),
      status,
      notMeeting,
    });
  }
  return out;
}

export function shareObservation(s: UnitShare): ObservationInput {
  return { period: s.period, value: s.share, status: s.status, measure: 'share' };
}
