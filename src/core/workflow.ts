// The review workflow of everything entered by one person and published by another (figures, task and project
// progress reports): its states, the moves between them, and the four-eyes rule. One module, used by both.
import { ChitieuError, Forbidden } from './errors.ts';
import type { WorkflowState } from './vocabulary.ts';

export const WORKFLOW_MOVES = {
  submit: { from: ['draft'], to: 'submitted' },
  return: { from: ['submitted'], to: 'returned' },
  approve: { from: ['submitted'], to: 'approved' },
} as const satisfies Record<string, { from: readonly WorkflowState[]; to: WorkflowState }>;
export type WorkflowMove = keyof typeof WORKFLOW_MOVES;

export class WrongWorkflowState extends ChitieuError {
  constructor(state: string, wanted: readonly string[]) {
    super(
      'wrong_workflow_state',
      'conflict',
      {
        vi: `Không thể thực hiện khi số liệu đang ở trạng thái "${state}"`,
        en: `Not possible while the figure is "${state}"`,
      },
      { details: { state, allowedFrom: [...wanted] } },
    );
  }
}

const SELF_APPROVAL = {
  figure: { vi: 'Người nhập số liệu không được tự phê duyệt', en: 'Whoever entered a figure may not approve it' },
  report: { vi: 'Người nhập báo cáo không được tự phê duyệt', en: 'Whoever entered a report may not approve it' },
} as const;

/**
 * The state a move leads to, or the reason it is refused: a move from a state it does not start from, or an
 * approval by the person who entered the item (four eyes). An item entered by the system (enteredBy null: the
 * dataset import, the operator's CLI) may be approved by anyone allowed to review.
 */
export function checkMove(
  move: WorkflowMove,
  state: string,
  who: { enteredBy: string | null; actorId: string | null },
  subject: keyof typeof SELF_APPROVAL,
): WorkflowState {
  const rule = WORKFLOW_MOVES[move];
  if (!(rule.from as readonly string[]).includes(state)) throw new WrongWorkflowState(state, rule.from);
  if (move === 'approve' && who.enteredBy !== null && who.enteredBy === who.actorId) {
    throw new Forbidden(SELF_APPROVAL[subject]);
  }
  return rule.to;
}
