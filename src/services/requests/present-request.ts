// A request for explanation as the API shows it: the item, the agency, both ends of the round trip with their dates,
// and whether it is overdue (unanswered past its deadline, by the Vietnamese calendar day).
import { vietnamDateOf } from '../../core/format/date.ts';
import type { RequestRow } from '../../storage/repositories/requests-repo.ts';

export function presentRequest(r: RequestRow, now: Date) {
  return {
    id: r.id,
    item: { kind: r.item_kind, id: r.item_id, label: r.item_label },
    agency: { id: r.agency_id, name: r.agency_name },
    question: r.question,
    deadline: r.deadline,
    requestedBy: r.requested_by_name,
    requestedAt: r.requested_at,
    answer: r.answer,
    answeredBy: r.answered_by_name,
    answeredAt: r.answered_at,
    overdue: r.answered_at === null && r.deadline < vietnamDateOf(now),
  };
}

export type RequestView = ReturnType<typeof presentRequest>;
