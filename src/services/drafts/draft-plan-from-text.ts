// Use case: draft a plan from a resolution's text for the plan owner to review. Read-only: nothing is saved, so no
// transaction and no audit row; the permission is checked like any other use case.
import { ValidationError } from '../../core/errors.ts';
import { draftPlan } from '../../core/drafting/draft-plan.ts';
import type { Draft } from '../../core/drafting/types.ts';
import type { ServiceContext } from '../context.ts';
import { authorize } from '../policy.ts';

/** A resolution is a few hundred kilobytes; a limit keeps one request from holding the server. */
export const DRAFT_TEXT_MAX = 2_000_000;

export interface DraftPlanInput {
  text: string;
  /** "2026-2030" when the text does not say its term. */
  term?: string;
}

export function draftPlanFromText({
  ctx,
  input,
}: {
  ctx: Pick<ServiceContext, 'actor'>;
  input: DraftPlanInput;
}): Draft {
  authorize(ctx.actor, 'plan.draft');
  const issues = [];
  if (input.text.trim().length === 0) {
    issues.push({ path: '/text', reason: { vi: 'văn bản trống', en: 'the text is empty' } });
  }
  if (input.text.length > DRAFT_TEXT_MAX) {
    issues.push({
      path: '/text',
      reason: {
        vi: `văn bản dài quá ${DRAFT_TEXT_MAX} ký tự`,
        en: `the text is longer than ${DRAFT_TEXT_MAX} characters`,
      },
    });
  }
  const term = input.term === undefined ? undefined : /^(\d{4})-(\d{4})$/.exec(input.term);
  if (term === null || (term && Number(term[1]) > Number(term[2]))) {
    issues.push({
      path: '/term',
      reason: { vi: 'nhiệm kỳ phải có dạng 2026-2030', en: 'the term must look like 2026-2030' },
    });
  }
  if (issues.length > 0) {
    throw new ValidationError({ vi: 'Không lập được dự thảo kế hoạch', en: 'Cannot draft the plan' }, issues);
  }
  return draftPlan(input.text, term ? { term: { firstYear: Number(term[1]), lastYear: Number(term[2]) } } : {});
}
