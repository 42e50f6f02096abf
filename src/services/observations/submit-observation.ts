// An agency sends its draft (or a revised figure) for approval. A figure that leaves a target off track, at risk
// or not met goes only with its story for that period (stories/story-required.ts): the whole submit is refused
// otherwise, in the same transaction, so nothing is half-written. The approvers are told an approval is due (the
// bell, and e-mail when SMTP is configured, sent after the commit), as they are for progress reports.
import type { ServiceContext } from '../context.ts';
import { mailNotifications, notify } from '../notifications/notify.ts';
import { requireStories } from '../stories/story-required.ts';
import { transitionObservation, type TransitionInput } from './transition-observation.ts';

export async function submitObservation({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: TransitionInput;
}): Promise<{ id: string; version: number }> {
  let told: string[] = [];
  const written = await transitionObservation(
    ctx,
    {
      action: 'observation.submit',
      review: 'submit',
      after: async (tx, c, obs, latest) => {
        await requireStories(tx, {
          tenantId: obs.tenant_id,
          indicatorId: obs.indicator_id,
          period: obs.period,
          versionId: latest.id,
          now: c.now(),
        });
        const where = obs.plan_code ? `/plans/${encodeURIComponent(obs.plan_code)}/worklist` : '/';
        const sent = await notify(
          c,
          {
            role: 'approver',
            kind: 'approval_due',
            subject: `Số liệu chỉ tiêu ${obs.indicator_code} kỳ ${obs.period} chờ duyệt`,
            link: obs.plan_code ? `${where}?period=${encodeURIComponent(obs.period)}` : where,
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
