// A leader (plan owner, admin) asks the agency that owns a target, task or project to explain it by a deadline.
// The agency's people are notified; the request, its deadline and the asker are kept and audited.
import { ValidationError, NotFound, type FieldIssue } from '../../core/errors.ts';
import { isIsoDate, vietnamDateOf } from '../../core/format/date.ts';
import type { ItemKind } from '../../core/vocabulary.ts';
import { findItemOwner, findRequest, insertRequest } from '../../storage/repositories/requests-repo.ts';
import { writeAudit } from '../audit.ts';
import type { ServiceContext } from '../context.ts';
import { mailNotifications, notify } from '../notifications/notify.ts';
import { authorize } from '../policy.ts';
import { presentRequest, type RequestView } from './present-request.ts';

export interface SendRequestInput {
  itemKind: ItemKind;
  itemId: string;
  question: string;
  /** YYYY-MM-DD, today or later */
  deadline: string;
}

const ITEM_WORD: Record<ItemKind, { vi: string; en: string }> = {
  target: { vi: 'mục tiêu', en: 'Target' },
  task: { vi: 'nhiệm vụ', en: 'Task' },
  project: { vi: 'dự án', en: 'Project' },
};

export function requestLink(kind: ItemKind, id: string): string {
  return `/requests?itemKind=${kind}&itemId=${id}`;
}

export async function sendRequest({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: SendRequestInput;
}): Promise<RequestView> {
  authorize(ctx.actor, 'explanation.request');
  const tenantId = ctx.actor.tenantId;
  if (!tenantId) throw new NotFound(ITEM_WORD[input.itemKind]);
  const question = input.question.normalize('NFC').trim();
  const issues: FieldIssue[] = [];
  if (question === '') issues.push({ path: 'body/question', reason: { vi: 'bắt buộc', en: 'required' } });
  const today = vietnamDateOf(ctx.now());
  if (!isIsoDate(input.deadline))
    issues.push({
      path: 'body/deadline',
      reason: { vi: 'ngày không hợp lệ (YYYY-MM-DD)', en: 'not a valid date (YYYY-MM-DD)' },
    });
  else if (input.deadline < today)
    issues.push({ path: 'body/deadline', reason: { vi: 'hạn trả lời đã qua', en: 'the deadline is already past' } });
  if (issues.length > 0) {
    const first = issues[0] as FieldIssue;
    throw new ValidationError(
      {
        vi: `Yêu cầu giải trình: ${first.path}: ${first.reason.vi}`,
        en: `Request for explanation: ${first.path}: ${first.reason.en}`,
      },
      issues,
    );
  }
  const { view, ids } = await ctx.db.transaction(async (tx) => {
    const item = await findItemOwner(tx, tenantId, input.itemKind, input.itemId);
    if (!item) throw new NotFound(ITEM_WORD[input.itemKind]);
    if (!item.agency_id)
      throw new ValidationError(
        {
          vi: `${ITEM_WORD[input.itemKind].vi} "${item.label}" chưa có cơ quan chủ trì để gửi yêu cầu`,
          en: `${ITEM_WORD[input.itemKind].en} "${item.label}" has no owning agency to ask`,
        },
        [{ path: 'body/itemId', reason: { vi: 'chưa có cơ quan chủ trì', en: 'no owning agency' } }],
        'no_owner_agency',
      );
    const id = await insertRequest(tx, {
      tenantId,
      itemKind: input.itemKind,
      itemId: input.itemId,
      agencyId: item.agency_id,
      question,
      deadline: input.deadline,
      by: ctx.actor.userId,
      at: ctx.now(),
    });
    await writeAudit(tx, ctx, {
      tenantId,
      action: 'request_explanation',
      entity: 'explanation_request',
      entityId: id,
      after: {
        itemKind: input.itemKind,
        itemId: input.itemId,
        agencyId: item.agency_id,
        question,
        deadline: input.deadline,
      },
    });
    const sent = await notify(
      ctx,
      {
        agencyId: item.agency_id,
        kind: 'explanation_requested',
        subject: `Yêu cầu giải trình: ${item.label} (hạn ${input.deadline.split('-').reverse().join('/')})`,
        link: requestLink(input.itemKind, input.itemId),
      },
      tx,
    );
    const row = await findRequest(tx, tenantId, id);
    return { view: presentRequest(row as NonNullable<typeof row>, ctx.now()), ids: sent.ids };
  });
  await mailNotifications(ctx, ids);
  return view;
}
