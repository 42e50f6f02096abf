// The owning agency answers a request for explanation in place. A later answer replaces the shown one (the audit
// keeps every earlier answer); the asker is notified.
import { NotFound, ValidationError } from '../../core/errors.ts';
import { findRequest, saveAnswer } from '../../storage/repositories/requests-repo.ts';
import { writeAudit } from '../audit.ts';
import type { ServiceContext } from '../context.ts';
import { mailNotifications, notify } from '../notifications/notify.ts';
import { authorize } from '../policy.ts';
import { Forbidden } from '../../core/errors.ts';
import { presentRequest, type RequestView } from './present-request.ts';
import { requestLink } from './send-request.ts';

const NOT_FOUND = { vi: 'yêu cầu giải trình', en: 'Request for explanation' };

export async function answerRequest({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { id: string; answer: string };
}): Promise<RequestView> {
  const scope = authorize(ctx.actor, 'explanation.answer');
  const tenantId = ctx.actor.tenantId;
  if (!tenantId) throw new NotFound(NOT_FOUND);
  const answer = input.answer.normalize('NFC').trim();
  if (answer === '')
    throw new ValidationError({ vi: 'Cần nội dung giải trình', en: 'The answer is empty' }, [
      { path: 'body/answer', reason: { vi: 'bắt buộc', en: 'required' } },
    ]);
  const { view, ids } = await ctx.db.transaction(async (tx) => {
    const row = await findRequest(tx, tenantId, input.id, true);
    if (!row) throw new NotFound(NOT_FOUND);
    if (scope === 'agency' && ctx.actor.agencyId !== row.agency_id)
      throw new Forbidden({
        vi: 'Yêu cầu này gửi cho cơ quan khác',
        en: 'This request is addressed to another agency',
      });
    await saveAnswer(tx, tenantId, row.id, { answer, by: ctx.actor.userId, at: ctx.now() });
    await writeAudit(tx, ctx, {
      tenantId,
      action: 'answer_explanation',
      entity: 'explanation_request',
      entityId: row.id,
      before: { answer: row.answer, answeredAt: row.answered_at },
      after: { answer },
    });
    const sent = row.requested_by
      ? await notify(
          ctx,
          {
            userId: row.requested_by,
            kind: 'explanation_answered',
            subject: `${row.agency_name} đã giải trình: ${row.item_label ?? ''}`,
            link: requestLink(row.item_kind, row.item_id),
          },
          tx,
        )
      : { ids: [] };
    const after = await findRequest(tx, tenantId, row.id);
    return { view: presentRequest(after as NonNullable<typeof after>, ctx.now()), ids: sent.ids };
  });
  await mailNotifications(ctx, ids);
  return view;
}
