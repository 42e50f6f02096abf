// Where a task stands against its deadline, for the official split (on time / late / in progress / overdue): from its
// recorded status, its deadline, the day it was finished when known, and today. Pure; dates are ISO "YYYY-MM-DD".
import type { TaskStatus, TaskTimeliness } from './vocabulary.ts';

export interface TaskClock {
  status: TaskStatus;
  deadline: string | null;
  /** The day the task was reported finished (the approved report that said 100 %), when known. */
  finishedOn: string | null;
}

export function taskTimeliness(task: TaskClock, today: string): TaskTimeliness {
  switch (task.status) {
    case 'cancelled':
      return 'cancelled';
    case 'done':
      // Finished with no date known, or by the deadline: on time; a finish recorded after it: late.
      return task.deadline !== null && task.finishedOn !== null && task.finishedOn > task.deadline ? 'late' : 'on_time';
    case 'overdue':
      return 'overdue';
    case 'not_started':
    case 'in_progress':
      if (task.deadline === null) return 'no_deadline';
      return today > task.deadline ? 'overdue' : 'in_progress';
  }
}

/** The count of each timeliness over a list of tasks, every key present (zero when none). */
export function timelinessCounts(tasks: readonly TaskClock[], today: string): Record<TaskTimeliness, number> {
  const counts: Record<TaskTimeliness, number> = {
    on_time: 0,
    late: 0,
    in_progress: 0,
    overdue: 0,
    no_deadline: 0,
    cancelled: 0,
  };
  for (const t of tasks) counts[taskTimeliness(t, today)] += 1;
  return counts;
}
