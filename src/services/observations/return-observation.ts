// An approver sends a submitted figure back with a comment saying what to fix; the agency revises it. The return
// and its reason are kept in the figure's history (a review row), which the agency's inbox shows as "returned", and
// the person who entered the figure is told: under the bell, and by e-mail when SMTP is configured (sent only after
// the commit, so no e-mail announces a return that rolled back).
import { ValidationError } from '../../core/errors.ts';
import type { ServiceContext } from '../context.ts';
import { mailNotifications, notify } from '../notifications/notify.ts';
import { transitionObservation, type TransitionInput } from './transition-observation.ts';

export async function returnObservation({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: TransitionInput;
}): Promise<{ id: string; version: number }> {
  const comment = input.comment?.trim() ?? '';
  if (comment === '') {
    throw new ValidationError({ vi: 'Cần ghi rõ lý do trả lại', en: 'Say why the figure is returned' }, [
      { path: 'body/comment', reason: { vi: 'bắt buộc', en: 'required' } },
    ]);
  }
  let told: string[] = [];
  const written = await transitionObservation(
    ctx,
    {
      action: 'observation.review',
      review: 'return',
      after: async (tx, c, obs, latest) => {
        if (!latest.entered_by) return;
        const sent = await notify(
          c,
          {
            userId: latest.entered_by,
            kind: 'figure_returned',
            subject: `Số liệu chỉ tiêu ${obs.indicator_code} kỳ ${obs.period} bị trả lại: ${comment}`,
            link: obs.plan_code ? `/plans/${encodeURIComponent(obs.plan_code)}/inbox` : '/',
          },
          tx,
        );
        told = sent.ids;
      },
    },
    input,
  );
  await mailNotifications(ctx, told);
  return written;
}
