// What every plan evaluation reads: the stored snapshot (storage/evaluation-inputs-repo.ts) and, for a plan whose
// unit was formed by a merger, its declared baselines consolidated from the former units with the same choice of
// figures (approved only, known on a date), so a target needing the base year reads the consolidation when no
// figure of that year is stored for the merged unit.
import type { PlanSnapshot } from '../../core/plan-evaluation/index.ts';
import type { Queryable } from '../../storage/db.ts';
import { loadPlanSnapshot } from '../../storage/repositories/evaluation-inputs-repo.ts';
import { snapshotBaselines } from '../consolidation/consolidated-baselines.ts';

export async function loadEvaluationSnapshot(
  db: Queryable,
  plan: { id: string; tenant_id: string; settings: Record<string, unknown> },
  opts: { approvedOnly: boolean; publishedOn: string | null },
): Promise<PlanSnapshot> {
  const snapshot = await loadPlanSnapshot(db, plan, opts);
  const baselines = await snapshotBaselines(db, plan, opts);
  return baselines.length === 0 ? snapshot : { ...snapshot, baselines };
}
