// An approver sends a submitted figure back with a comment saying what to fix; the agency revises it. The return
// and its reason are kept in the figure's history (a review row), which the agency's inbox shows as "returned".
import { ValidationError } from '../../core/errors.ts';
import type { ServiceContext } from '../context.ts';
import { transitionObservation, type TransitionInput } from './transition-observation.ts';

export async function returnObservation({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: TransitionInput;
}): Promise<{ id: string; version: number }> {
  if (!input.comment || input.comment.trim() === '') {
    throw new ValidationError({ vi: 'Cần ghi rõ lý do trả lại', en: 'Say why the figure is returned' }, [
      { path: 'body/comment', reason: { vi: 'bắt buộc', en: 'required' } },
    ]);
  }
  return transitionObservation(
    ctx,
    {
      action: 'observation.review',
      review: 'return',
      // Notification point: the submitter (latest.entered_by) is told here, in the same transaction, once an
      // in-app notification service exists (issue 17, item 7). Until then the review row written by the
      // transition is the record the submitter's inbox reads.
    },
    input,
  );
}
