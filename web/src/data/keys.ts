// Query keys of every API resource the web app reads, in one factory so that invalidation names them the same way.
export const keys = {
  plans: () => ['plans'] as const,
  plan: (plan: string) => ['plan', plan] as const,
  evaluations: (plan: string) => ['evaluations', plan] as const,
  /** Under the full rows' key, so that every invalidation of a plan's evaluations reaches the list too. */
  evaluationList: (plan: string) => ['evaluations', plan, 'list'] as const,
  /** One indicator's and one target's evaluation, under the plan's key too, for the same reason. */
  indicatorEvaluation: (plan: string, indicator: string) => ['evaluations', plan, 'indicator', indicator] as const,
  targetEvaluation: (plan: string, target: string) => ['evaluations', plan, 'target', target] as const,
  indicators: (plan: string) => ['indicators', plan] as const,
  observations: (plan: string, indicatorId: string) => ['observations', plan, indicatorId] as const,
  changes: (plan: string) => ['evaluation-changes', plan] as const,
  tasks: (plan: string) => ['tasks', plan] as const,
  projects: (plan: string) => ['projects', plan] as const,
  agencies: () => ['agencies'] as const,
  breakthroughs: (plan: string) => ['breakthroughs', plan] as const,
  targetHistory: (plan: string, indicator: string) => ['target-history', plan, indicator] as const,
};
