// A parent indicator evaluated from its sub-indicators by a declared rule: every child met (the worst child decides),
// or the parent's own target (children kept for reference).
import { InvalidTarget } from '../errors.ts';
import type { Evaluation, EvaluationStatus, TrackStatus } from './types.ts';

export type CompositeRule = 'all_children_met' | 'own_target';

const toTrack = (s: EvaluationStatus): TrackStatus => {
  switch (s) {
    case 'exceeded':
    case 'met':
    case 'on_track':
      return 'on_track';
    case 'not_met':
    case 'off_track':
      return 'off_track';
    case 'at_risk':
      return 'at_risk';
    case 'no_data':
      return 'no_data';
  }
};

function allMet(children: Evaluation[]): { status: EvaluationStatus; phase: Evaluation['phase'] } {
  if (children.every((c) => c.phase === 'final')) {
    const s = children.map((c) => c.status);
    if (s.includes('not_met')) return { status: 'not_met', phase: 'final' };
    if (s.includes('no_data')) return { status: 'no_data', phase: 'final' };
    return { status: s.every((x) => x === 'exceeded') ? 'exceeded' : 'met', phase: 'final' };
  }
  const t = children.map((c) => toTrack(c.status));
  const worst: TrackStatus = t.includes('off_track')
    ? 'off_track'
    : t.includes('at_risk')
      ? 'at_risk'
      : t.includes('no_data')
        ? 'no_data'
        : 'on_track';
  return { status: worst, phase: 'in_term' };
}

export function evaluateComposite(parentRule: CompositeRule, children: Evaluation[], own?: Evaluation): Evaluation {
  if (parentRule === 'own_target') {
    if (own === undefined) {
      throw new InvalidTarget(
        {
          vi: 'Chỉ tiêu tổng hợp theo mục tiêu riêng cần đánh giá của chính nó',
          en: 'A composite judged on its own target needs its own evaluation',
        },
        { parentRule },
      );
    }
    return {
      ...own,
      intermediates: { ...own.intermediates, rule: parentRule, children: children.map((c) => c.status).join(',') },
    };
  }
  if (children.length === 0) {
    throw new InvalidTarget(
      { vi: 'Chỉ tiêu tổng hợp không có chỉ tiêu con', en: 'A composite indicator has no children' },
      { parentRule },
    );
  }
  const { status, phase } = allMet(children);
  const counted = children.filter(
    (c) => c.status === 'met' || c.status === 'exceeded' || c.status === 'on_track',
  ).length;
  return {
    status,
    phase,
    actual: {
      value: String(counted),
      period: null,
      method: 'children_meeting_targets',
      restsOn: children.flatMap((c) => c.actual.restsOn),
      estimatesOnly: children.length > 0 && children.every((c) => c.actual.estimatesOnly),
      anyEstimate: children.some((c) => c.actual.anyEstimate),
    },
    achievement: null,
    required: null,
    projection: null,
    method: { name: 'all_children_met', parameters: { children: children.length } },
    intermediates: {
      rule: parentRule,
      children: children.map((c) => c.status).join(','),
      childrenReached: String(counted),
    },
    explanation: {
      vi: `${counted}/${children.length} chỉ tiêu con đạt hoặc đúng hướng`,
      en: `${counted} of ${children.length} sub-indicators met or on track`,
    },
  };
}
