// An approver accepts a submitted progress report: from now on it is public.
import type { ServiceContext } from '../context.ts';
import { transitionProgressReport, type TransitionProgressInput } from './transition-progress-report.ts';

export async function approveProgressReport({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: TransitionProgressInput;
}): Promise<{ id: string; version: number }> {
  return transitionProgressReport(ctx, 'approve', input);
}
