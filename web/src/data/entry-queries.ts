// Hooks over the data-entry endpoints: the agency inbox, the stories of a plan, the approver's worklist, agencies.
import { useQuery } from '@tanstack/react-query';
import type { AgencyView } from '../../../src/services/reference/list-agencies.ts';
import type { ObservationView } from '../../../src/services/observations/present-observation.ts';
import { api, unwrap } from '../api/client.ts';

export const entryKeys = {
  inbox: (plan: string) => ['inbox', plan] as const,
  obligations: (plan: string) => ['obligations', plan] as const,
  stories: (plan: string) => ['stories', plan] as const,
  worklist: (plan: string, agency: string, period: string) => ['worklist', plan, agency, period] as const,
  agencies: () => ['agencies'] as const,
};

export function useInbox(plan: string, enabled: boolean) {
  return useQuery({
    queryKey: entryKeys.inbox(plan),
    enabled,
    queryFn: async () => unwrap(await api.GET('/api/plans/{code}/inbox', { params: { path: { code: plan } } })),
  });
}
/** What each agency owes (figures due, late, returned), counted by the API from the agencies' inboxes. */
export function useObligations(plan: string, enabled: boolean) {
  return useQuery({
    queryKey: entryKeys.obligations(plan),
    enabled,
    queryFn: async () =>
      unwrap(await api.GET('/api/plans/{code}/obligations', { params: { path: { code: plan } } })),
  });
}
export type Inbox = NonNullable<ReturnType<typeof useInbox>['data']>;
export type InboxItem = Inbox['items'][number];

export function useStories(plan: string, enabled: boolean) {
  return useQuery({
    queryKey: entryKeys.stories(plan),
    enabled,
    queryFn: async () =>
      unwrap(await api.GET('/api/plans/{code}/stories', { params: { path: { code: plan } } })).items,
    staleTime: 30_000,
  });
}
export type Story = NonNullable<ReturnType<typeof useStories>['data']>[number];

/** Submitted figures of a plan awaiting approval, by agency (code) and period. */
export function useWorklist(plan: string, agency: string, period: string, enabled: boolean) {
  return useQuery({
    queryKey: entryKeys.worklist(plan, agency, period),
    enabled,
    queryFn: async () =>
      unwrap(
        await api.GET('/api/observations', {
          params: {
            query: {
              plan,
              status: 'submitted',
              limit: 200,
              ...(agency ? { agency } : {}),
              ...(period ? { period } : {}),
            },
          },
        }),
      ).items as ObservationView[],
  });
}

export function useAgencies(enabled: boolean) {
  return useQuery({
    queryKey: entryKeys.agencies(),
    enabled,
    queryFn: async () =>
      unwrap(await api.GET('/api/agencies', { params: { query: { limit: 200 } } })).items as AgencyView[],
    staleTime: 60_000,
  });
}
