// Query keys of every API resource the web app reads, in one factory so that invalidation names them the same way.
export const keys = {
  plans: () => ['plans'] as const,
  evaluations: (plan: string) => ['evaluations', plan] as const,
  indicators: (plan: string) => ['indicators', plan] as const,
  observations: (plan: string, indicatorId: string) => ['observations', plan, indicatorId] as const,
  changes: (plan: string) => ['evaluation-changes', plan] as const,
};
