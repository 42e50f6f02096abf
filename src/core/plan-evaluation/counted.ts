// Which targets a plan's summary counts: exactly one target in force per indicator, scope and horizon. A draft, a
// target set for another scope (a former unit before a merger, another unit), or a second target in force for the
// same indicator, scope and final year stays in the rows, labelled, and out of the counts (issue 22: parallel
// targets must not all count).
import type { SnapshotTarget } from './snapshot.ts';

/** Why a row is shown but not counted in the plan's summary. */
export type NotCounted =
  | { reason: 'draft' }
  /** splitFrom: the city target this one is the commune's share of (a split by commune). */
  | { reason: 'other_scope'; scope: { code: string; name: string }; splitFrom?: string }
  | { reason: 'parallel'; countedTargetId: string };

/** The rule as data: each target's reason for not counting, or null when it is the one that counts. */
export function notCountedReasons(targets: readonly SnapshotTarget[]): Map<string, NotCounted | null> {
  const out = new Map<string, NotCounted | null>();
  const first = new Map<string, string>();
  for (const t of targets) {
    if ((t.stage ?? 'in_force') === 'draft') {
      out.set(t.target_id, { reason: 'draft' });
      continue;
    }
    if (t.scope && !t.scope.own) {
      out.set(t.target_id, {
        reason: 'other_scope',
        scope: { code: t.scope.code, name: t.scope.name },
        ...(t.split_from ? { splitFrom: t.split_from } : {}),
      });
      continue;
    }
    // The final year of the term, not the target's year alone: a plan's stated later horizon (Hải Dương's "Mục tiêu
    // đến 2030" in its 2020–2025 plan) is a target of its own, not a parallel value of the 2025 one.
    const lastYear = (t.spec as { term?: { lastYear?: number } } | null)?.term?.lastYear ?? null;
    const key = `${t.indicator_id}/${t.unit_id}/${String(lastYear)}`;
    const counted = first.get(key);
    if (counted === undefined) {
      first.set(key, t.target_id);
      out.set(t.target_id, null);
    } else out.set(t.target_id, { reason: 'parallel', countedTargetId: counted });
  }
  return out;
}
