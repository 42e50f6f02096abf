// The word lists of tasks, key projects and breakthrough roll-ups, declared once for the core, the API and the web.

/** A task's recorded state (the `tasks.status` column). */
export const TASK_STATUSES = ['not_started', 'in_progress', 'done', 'overdue', 'cancelled'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

/**
 * The official split of tasks in a progress report (Quy định 08-QC/TW style): finished on time, finished late, still
 * running within its deadline, and overdue (not finished, deadline passed); tasks without a deadline are counted apart.
 */
export const TASK_TIMELINESS = ['on_time', 'late', 'in_progress', 'overdue', 'no_deadline', 'cancelled'] as const;
export type TaskTimeliness = (typeof TASK_TIMELINESS)[number];

/** A key project's stage (OC4IDS projectStatus codelist, the `projects.status` column). */
export const PROJECT_STATUSES = [
  'identification',
  'preparation',
  'implementation',
  'completion',
  'completed',
  'cancelled',
] as const;
export type ProjectStatus = (typeof PROJECT_STATUSES)[number];

/** A key project's role in the plan: list 1 (the city leads) or list 2 (the city coordinates). */
export const PROJECT_ROLES = ['lead', 'coordinate'] as const;
export type ProjectRole = (typeof PROJECT_ROLES)[number];

/** A project milestone's state (OC4IDS milestoneStatus). */
export const MILESTONE_STATUSES = ['scheduled', 'met', 'notMet', 'partiallyMet'] as const;
export type MilestoneStatus = (typeof MILESTONE_STATUSES)[number];

/** How one member of a breakthrough weighs in its roll-up. */
export const MEMBER_STANDINGS = ['good', 'running', 'concern', 'bad', 'unknown', 'excluded'] as const;
export type MemberStanding = (typeof MEMBER_STANDINGS)[number];

/** A breakthrough's rolled-up status: the in-term verdicts, since a breakthrough is judged while the term runs. */
export const ROLLUP_STATUSES = ['on_track', 'at_risk', 'off_track', 'no_data'] as const;
export type RollupStatus = (typeof ROLLUP_STATUSES)[number];
