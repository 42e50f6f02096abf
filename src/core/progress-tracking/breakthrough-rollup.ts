// A breakthrough's status rolled up from the tasks, key projects and indicators that carry it, with the reasons that
// decide it, so that it can be explained like a target's verdict. The rule is "worst member decides" (the delivery-unit
// practice: a programme is as on track as its weakest line), but only members with evidence count: a task not started
// without a deadline or an indicator without figures says nothing, and a breakthrough with nothing but such members
// reads "no data", never "on track".
import type { EvaluationStatus, JudgedStatus } from '../vocabulary.ts';
import { taskTimeliness, type TaskClock } from './task-timeliness.ts';
import type { MemberStanding, ProjectStatus, RollupStatus } from './vocabulary.ts';

export type RollupMember =
  | { entity: 'indicator'; code: string; name: string; status: EvaluationStatus | JudgedStatus }
  | ({ entity: 'task'; code: string; name: string } & TaskClock)
  | { entity: 'project'; code: string; name: string; status: ProjectStatus; milestonesMissed: number };

export interface RolledMember {
  entity: RollupMember['entity'];
  code: string;
  name: string;
  standing: MemberStanding;
  /** The member's own state as recorded or evaluated (a status code, or a task's timeliness). */
  state: string;
}

export interface BreakthroughRollup {
  status: RollupStatus;
  rule: 'worst_member';
  counts: Record<MemberStanding, number>;
  /** The members that decide the status (the worst standing present), in the order given. */
  decidedBy: RolledMember[];
  members: RolledMember[];
}

function indicatorStanding(status: EvaluationStatus | JudgedStatus): MemberStanding {
  switch (status) {
    case 'exceeded':
    case 'met':
    case 'on_track':
    case 'basically_met':
      return 'good';
    case 'at_risk':
    case 'nearly_met':
      return 'concern';
    case 'not_met':
    case 'off_track':
      return 'bad';
    case 'no_data':
      return 'unknown';
  }
}

function projectStanding(status: ProjectStatus, milestonesMissed: number): MemberStanding {
  if (status === 'cancelled') return 'excluded';
  if (status === 'completed') return 'good';
  // A missed milestone is the one sign of delay the project data carries.
  if (milestonesMissed > 0) return 'concern';
  // Identified but not yet prepared: nothing has happened that could be on or off track.
  if (status === 'identification') return 'unknown';
  return 'running';
}

/** One member's standing and the state word it rests on. */
export function memberStanding(m: RollupMember, today: string): RolledMember {
  const base = { entity: m.entity, code: m.code, name: m.name };
  switch (m.entity) {
    case 'indicator':
      return { ...base, standing: indicatorStanding(m.status), state: m.status };
    case 'project':
      return { ...base, standing: projectStanding(m.status, m.milestonesMissed), state: m.status };
    case 'task': {
      const t = taskTimeliness(m, today);
      const standing: MemberStanding =
        t === 'on_time'
          ? 'good'
          : t === 'late'
            ? 'concern'
            : t === 'overdue'
              ? 'bad'
              : t === 'cancelled'
                ? 'excluded'
                : m.status === 'in_progress'
                  ? 'running'
                  : 'unknown';
      return { ...base, standing, state: t };
    }
  }
}

export function rollUpBreakthrough(members: readonly RollupMember[], today: string): BreakthroughRollup {
  const rolled = members.map((m) => memberStanding(m, today));
  const counts: Record<MemberStanding, number> = { good: 0, running: 0, concern: 0, bad: 0, unknown: 0, excluded: 0 };
  for (const m of rolled) counts[m.standing] += 1;
  const pick = (s: MemberStanding) => rolled.filter((m) => m.standing === s);
  let status: RollupStatus;
  let decidedBy: RolledMember[];
  if (counts.bad > 0) [status, decidedBy] = ['off_track', pick('bad')];
  else if (counts.concern > 0) [status, decidedBy] = ['at_risk', pick('concern')];
  // On track needs evidence: at least one member judged good; running work alone is not yet a result.
  else if (counts.good > 0) [status, decidedBy] = ['on_track', [...pick('good'), ...pick('running')]];
  else [status, decidedBy] = ['no_data', rolled.filter((m) => m.standing !== 'excluded')];
  return { status, rule: 'worst_member', counts, decidedBy, members: rolled };
}
