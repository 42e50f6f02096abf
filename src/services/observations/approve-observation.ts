// An approver accepts a submitted figure: from now on it is public and counts in evaluations and official reports.
import { Forbidden } from '../../core/errors.ts';
import type { ServiceContext } from '../context.ts';
import { afterApproval } from './after-approval.ts';
import { transitionObservation, type TransitionInput } from './transition-observation.ts';

export async function approveObservation({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: TransitionInput;
}): Promise<{ id: string; version: number }> {
  return transitionObservation(
    ctx,
    {
      action: 'observation.review',
      review: 'approve',
      from: ['submitted'],
      to: 'approved',
      // Four eyes: whoever entered a figure does not approve it.
      check: (c, latest) => {
        if (latest.entered_by !== null && latest.entered_by === c.actor.userId) {
          throw new Forbidden({
            vi: 'Người nhập số liệu không được tự phê duyệt',
            en: 'Whoever entered a figure may not approve it',
          });
        }
      },
      after: (tx, c, obs, latest) =>
        afterApproval(tx, c, { indicatorIds: [obs.indicator_id], causeVersionId: latest.id }),
    },
    input,
  );
}
