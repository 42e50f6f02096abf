// Before a figure is submitted, the targets resting on its indicator are evaluated with it (every latest figure,
// approved or not). A target the figure leaves off track, at risk or not met needs a story for that period; the
// submission is refused until one is told (400 `story_required`, naming the field `story` and the targets).
// A figure of a period that ends before a plan's term (the base the term starts from, often entered late for a
// merged unit) needs no story for that plan: there is no performance in the term to explain, only history.
import { ValidationError } from '../../core/errors.ts';
import { lastYearOf } from '../../core/periods/period.ts';
import { STORY_STATUSES } from '../../core/vocabulary.ts';
import type { Queryable } from '../../storage/db.ts';
import { plansRestingOn } from '../../storage/repositories/plan-evaluations-repo.ts';
import { targetsWithStory } from '../../storage/repositories/stories-repo.ts';
import { asOfMonth } from '../evaluations/recompute-evaluations.ts';
import { loadEvaluationSnapshot } from '../evaluations/evaluation-snapshot.ts';
import { evaluateRowsOffThread } from '../evaluations/plan-evaluation-thread.ts';

export interface TargetNeedingStory {
  targetId: string;
  indicatorCode: string;
  text: string;
  status: string;
}

/** The targets of an indicator the current figures (drafts and submissions included) leave short, without a story. */
export async function targetsNeedingStory(
  tx: Queryable,
  at: { tenantId: string; indicatorId: string; period: string; versionId: string; now: Date },
): Promise<TargetNeedingStory[]> {
  const short: TargetNeedingStory[] = [];
  const lastYear = lastYearOf(at.period);
  for (const plan of await plansRestingOn(tx, at.tenantId, [at.indicatorId])) {
    if (lastYear < plan.first_year) continue;
    const snapshot = await loadEvaluationSnapshot(tx, plan, { approvedOnly: false, publishedOn: null });
    const ofIndicator = new Set(
      snapshot.targets.filter((t) => t.indicator_id === at.indicatorId).map((t) => t.target_id),
    );
    // Off the event loop (plan-evaluation-thread.ts): a whole plan's evaluation, the same as a recompute's.
    const { rows } = await evaluateRowsOffThread(snapshot, asOfMonth(at.now), [...ofIndicator]);
    for (const r of rows) {
      // Only the verdicts resting on this very figure: a figure of another year leaves a target judged elsewhere alone.
      const restsOnIt = r.inputs.some((v) => v.versionId === at.versionId);
      if (
        ofIndicator.has(r.targetId) &&
        restsOnIt &&
        r.status !== null &&
        (STORY_STATUSES as readonly string[]).includes(r.status)
      ) {
        short.push({ targetId: r.targetId, indicatorCode: r.indicator.code, text: r.target.text, status: r.status });
      }
    }
  }
  const told = await targetsWithStory(
    tx,
    at.tenantId,
    short.map((s) => s.targetId),
    at.period,
  );
  return short.filter((s) => !told.has(s.targetId));
}

/** Refuses the submission while a target it leaves short has no story for the period. */
export async function requireStories(
  tx: Queryable,
  at: { tenantId: string; indicatorId: string; period: string; versionId: string; now: Date },
): Promise<void> {
  const missing = await targetsNeedingStory(tx, at);
  if (missing.length === 0) return;
  const reason = {
    vi: `số liệu này làm mục tiêu không đạt hoặc có nguy cơ không đạt; cần giải trình (nguyên nhân, giải pháp, kiến nghị) cho kỳ ${at.period}`,
    en: `this figure leaves the target off track, at risk or not met; tell its story (cause, measures, requests) for ${at.period}`,
  };
  throw new ValidationError(
    { vi: `Chưa giải trình: ${reason.vi}`, en: `Explanation missing: ${reason.en}` },
    [{ path: 'story', reason }],
    'story_required',
    { period: at.period, targets: missing },
  );
}
