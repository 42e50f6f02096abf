// Hooks that read the API through the typed client; pages compose these and hold no fetching of their own.
import { useQuery } from '@tanstack/react-query';
// The evaluation, indicator and observation routes have no item schema in the OpenAPI document yet, so their shape is the service's own
// type (type-only import: nothing of the server is bundled). When the routes gain schemas, use the generated types.
import type { PlanEvaluationView } from '../../../src/services/evaluations/evaluate-plan.ts';
import type { ObservationView } from '../../../src/services/observations/present-observation.ts';
import type { IndicatorView } from '../../../src/services/reference/list-indicators.ts';
import { api, ApiError, unwrap } from '../api/client.ts';
import { keys } from './keys.ts';

export type Evaluations = PlanEvaluationView;
export type EvaluationRow = PlanEvaluationView['rows'][number];

export function usePlans() {
  return useQuery({
    queryKey: keys.plans(),
    queryFn: async () => unwrap(await api.GET('/api/plans')).items,
    staleTime: 60_000,
  });
}
export type PlanItem = NonNullable<ReturnType<typeof usePlans>['data']>[number];

export function useEvaluations(plan: string) {
  return useQuery({
    queryKey: keys.evaluations(plan),
    queryFn: async () => {
      const r = await api.GET('/api/plans/{code}/evaluations', { params: { path: { code: plan } } });
      if (!r.response.ok) throw new ApiError(r.response.status);
      return r.data as unknown as Evaluations;
    },
    staleTime: 60_000,
  });
}

/** Every indicator of a plan (group, agency); the API pages by 200 at most, so follow the cursor. */
export function useIndicators(plan: string) {
  return useQuery({
    queryKey: keys.indicators(plan),
    queryFn: async () => {
      const items: IndicatorView[] = [];
      let cursor: string | undefined;
      do {
        const page = unwrap(await api.GET('/api/indicators', { params: { query: { plan, limit: 200, cursor } } }));
        items.push(...(page.items as IndicatorView[]));
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      return items;
    },
    staleTime: 60_000,
  });
}
export type IndicatorItem = IndicatorView;

export function useObservations(plan: string, indicatorId: string | undefined) {
  return useQuery({
    queryKey: keys.observations(plan, indicatorId ?? ''),
    enabled: indicatorId !== undefined,
    queryFn: async () =>
      unwrap(
        await api.GET('/api/observations', { params: { query: { plan, indicatorId: indicatorId ?? '', limit: 200 } } }),
      ).items as ObservationView[],
    staleTime: 60_000,
  });
}
export type ObservationItem = ObservationView;

/** Stored verdict changes of a plan, newest first; the page narrows them to a chosen date itself. */
export function useEvaluationChanges(plan: string) {
  return useQuery({
    queryKey: keys.changes(plan),
    queryFn: async () =>
      unwrap(await api.GET('/api/plans/{code}/evaluation-changes', { params: { path: { code: plan } } })).items,
  });
}
export type EvaluationChange = NonNullable<ReturnType<typeof useEvaluationChanges>['data']>[number];
