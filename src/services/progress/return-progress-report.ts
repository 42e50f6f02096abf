// An approver sends a submitted progress report back with a comment saying what to fix; the agency revises it.
import { ValidationError } from '../../core/errors.ts';
import type { ServiceContext } from '../context.ts';
import { transitionProgressReport, type TransitionProgressInput } from './transition-progress-report.ts';

export async function returnProgressReport({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: TransitionProgressInput;
}): Promise<{ id: string; version: number }> {
  if (!input.comment || input.comment.trim() === '') {
    throw new ValidationError({ vi: 'Cần ghi rõ lý do trả lại', en: 'Say why the report is returned' }, [
      { path: 'body/comment', reason: { vi: 'bắt buộc', en: 'required' } },
    ]);
  }
  return transitionProgressReport(ctx, 'return', input);
}
