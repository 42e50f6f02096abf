// An agency sends its draft progress report (or a revised one) for approval.
import type { ServiceContext } from '../context.ts';
import { transitionProgressReport, type TransitionProgressInput } from './transition-progress-report.ts';

export async function submitProgressReport({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: TransitionProgressInput;
}): Promise<{ id: string; version: number }> {
  return transitionProgressReport(ctx, 'submit', input);
}
