// An approver sends a submitted figure back with a comment saying what to fix; the agency revises it.
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
  return transitionObservation(ctx, { action: 'observation.review', review: 'return' }, input);
}
