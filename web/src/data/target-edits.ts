// A target's history (every target an indicator has had, with its documents) and the two writes a plan owner makes
// on it: a correction in place and a revision by a later document. Both answer with the verdicts they moved; the
// evaluation, the history and the changes list are read again after either.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../api/client.ts';
import type { paths } from '../api/schema.ts';
import { keys } from './keys.ts';
import type { Problem } from './session.tsx';

type HistoryPath = paths['/api/plans/{code}/indicators/{indicator}/target-history']['get'];
export type TargetHistoryItem =
  HistoryPath['responses'][200]['content']['application/json']['items'][number];
export type EditBody = NonNullable<
  paths['/api/plans/{code}/indicators/{indicator}/target']['put']['requestBody']
>['content']['application/json'];
export type ReviseBody = NonNullable<
  paths['/api/plans/{code}/indicators/{indicator}/target-revisions']['post']['requestBody']
>['content']['application/json'];

export function useTargetHistory(plan: string, indicator: string) {
  return useQuery({
    queryKey: keys.targetHistory(plan, indicator),
    queryFn: async () =>
      unwrap(
        await api.GET('/api/plans/{code}/indicators/{indicator}/target-history', {
          params: { path: { code: plan, indicator } },
        }),
      ).items,
    staleTime: 60_000,
  });
}

/** The target in force after the write (a revision's new one), and how many verdicts moved. */
export type WriteOutcome = { ok: true; targetId: string; changes: number } | { ok: false; problem: Problem };

/** Sends a correction or a revision and reads again what it moved. */
export function useTargetWrites(plan: string, indicator: string) {
  const qc = useQueryClient();
  const path = { path: { code: plan, indicator } };
  const after = async (r: { data?: { targetId: string; changes: unknown[] }; error?: unknown; response: Response }) => {
    if (!r.data) return { ok: false, problem: { ...((r.error as Problem | undefined) ?? {}), status: r.response.status } } as const;
    await Promise.all(
      [keys.evaluations(plan), keys.changes(plan), keys.targetHistory(plan, indicator)].map((queryKey) =>
        qc.invalidateQueries({ queryKey }),
      ),
    );
    return { ok: true, targetId: r.data.targetId, changes: r.data.changes.length } as const;
  };
  return {
    correct: async (body: EditBody): Promise<WriteOutcome> =>
      after(await api.PUT('/api/plans/{code}/indicators/{indicator}/target', { params: path, body })),
    revise: async (body: ReviseBody): Promise<WriteOutcome> =>
      after(await api.POST('/api/plans/{code}/indicators/{indicator}/target-revisions', { params: path, body })),
  };
}
