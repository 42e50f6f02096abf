// Hooks that read the API through the typed client; pages compose these and hold no fetching of their own. Every row
// type is the generated OpenAPI type of its route (api/schema.ts), never written by hand.
import { useQuery } from '@tanstack/react-query';
import { api, ApiError, unwrap } from '../api/client.ts';
import type { paths } from '../api/schema.ts';
import { keys } from './keys.ts';

/** The JSON body of a GET route's 200 answer, as generated from docs/openapi.json. */
type Ok<P extends keyof paths> = paths[P] extends {
  get: { responses: { 200: { content: { 'application/json': infer B } } } };
}
  ? B
  : never;

export type Evaluations = Ok<'/api/plans/{code}/evaluations'>;
export type EvaluationRow = Evaluations['rows'][number];
export type EvaluationList = Ok<'/api/plans/{code}/evaluations/list'>;
export type EvaluationListRow = EvaluationList['rows'][number];
export type PlanItem = Ok<'/api/plans'>['items'][number];
export type PlanDetail = Ok<'/api/plans/{code}'>;
export type IndicatorItem = Ok<'/api/indicators'>['items'][number];
export type ObservationItem = Ok<'/api/observations/{id}'>;
export type EvaluationChange = Ok<'/api/plans/{code}/evaluation-changes'>['items'][number];
export type TaskItem = Ok<'/api/tasks'>['items'][number];
export type ProjectItem = Ok<'/api/projects'>['items'][number];
export type AgencyItem = Ok<'/api/agencies'>['items'][number];
export type BreakthroughRollups = Ok<'/api/plans/{code}/breakthroughs'>;

export function usePlans() {
  return useQuery({
    queryKey: keys.plans(),
    queryFn: async () => unwrap(await api.GET('/api/plans')).items,
    staleTime: 60_000,
  });
}

/** One plan with the documents it rests on (the portal lists them). */
export function usePlan(plan: string) {
  return useQuery({
    queryKey: keys.plan(plan),
    queryFn: async () => unwrap(await api.GET('/api/plans/{code}', { params: { path: { code: plan } } })),
    staleTime: 60_000,
  });
}

/** One indicator's evaluation: the full rows of its targets and its sub-indicators' (the indicator page). */
export function useIndicatorEvaluation(plan: string, indicator: string) {
  return useQuery({
    queryKey: keys.indicatorEvaluation(plan, indicator),
    queryFn: async () =>
      unwrap(
        await api.GET('/api/plans/{code}/indicators/{indicator}/evaluations', {
          params: { path: { code: plan, indicator } },
        }),
      ),
    staleTime: 60_000,
  });
}

/** One target's evaluation: its full row (the explanation page). */
export function useTargetEvaluation(plan: string, target: string) {
  return useQuery({
    queryKey: keys.targetEvaluation(plan, target),
    queryFn: async () =>
      unwrap(
        await api.GET('/api/plans/{code}/targets/{target}/evaluations', { params: { path: { code: plan, target } } }),
      ),
    staleTime: 60_000,
  });
}

/** The plan's evaluation as its lists show it (the overview, an agency's targets): about half the full answer. */
export function useEvaluationList(plan: string) {
  return useQuery({
    queryKey: keys.evaluationList(plan),
    queryFn: async () => {
      const r = await api.GET('/api/plans/{code}/evaluations/list', { params: { path: { code: plan } } });
      if (!r.response.ok || r.data === undefined) throw new ApiError(r.response.status);
      return r.data;
    },
    staleTime: 60_000,
  });
}

/** Follows a list's cursor to the end (the API pages by 200 at most): the plan pages show whole lists. */
async function all<T>(fetchPage: (cursor: string | undefined) => Promise<{ items: T[]; nextCursor: string | null }>) {
  const items: T[] = [];
  let cursor: string | undefined;
  do {
    const page = await fetchPage(cursor);
    items.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return items;
}

/** Every indicator of a plan (group, agency). */
export function useIndicators(plan: string) {
  return useQuery({
    queryKey: keys.indicators(plan),
    queryFn: () =>
      all(async (cursor) =>
        unwrap(await api.GET('/api/indicators', { params: { query: { plan, limit: 200, cursor } } })),
      ),
    staleTime: 60_000,
  });
}

export function useObservations(plan: string, indicatorId: string | undefined) {
  return useQuery({
    queryKey: keys.observations(plan, indicatorId ?? ''),
    enabled: indicatorId !== undefined,
    queryFn: async () =>
      unwrap(
        await api.GET('/api/observations', { params: { query: { plan, indicatorId: indicatorId ?? '', limit: 200 } } }),
      ).items,
    staleTime: 60_000,
  });
}

/** Stored verdict changes of a plan, newest first; the page narrows them to a chosen date itself. */
export function useEvaluationChanges(plan: string) {
  return useQuery({
    queryKey: keys.changes(plan),
    queryFn: async () =>
      unwrap(await api.GET('/api/plans/{code}/evaluation-changes', { params: { path: { code: plan } } })).items,
  });
}

/** The plan's task outline in outline order, each with its latest report and timeliness. */
export function useTasks(plan: string) {
  return useQuery({
    queryKey: keys.tasks(plan),
    queryFn: () =>
      all(async (cursor) => unwrap(await api.GET('/api/tasks', { params: { query: { plan, limit: 200, cursor } } }))),
    staleTime: 60_000,
  });
}

export function useProjects(plan: string) {
  return useQuery({
    queryKey: keys.projects(plan),
    queryFn: () =>
      all(async (cursor) =>
        unwrap(await api.GET('/api/projects', { params: { query: { plan, limit: 200, cursor } } })),
      ),
    staleTime: 60_000,
  });
}

export function useAgencies() {
  return useQuery({
    queryKey: keys.agencies(),
    queryFn: () =>
      all(async (cursor) => unwrap(await api.GET('/api/agencies', { params: { query: { limit: 200, cursor } } }))),
    staleTime: 60_000,
  });
}

export function useBreakthroughRollups(plan: string) {
  return useQuery({
    queryKey: keys.breakthroughs(plan),
    queryFn: async () =>
      unwrap(await api.GET('/api/plans/{code}/breakthroughs', { params: { path: { code: plan } } })),
    staleTime: 60_000,
  });
}
