// A plan owner's manual override: the status is replaced, the computed one is kept beside it, and the reason is
// shown in the explanation (Open SDG's manual progress_status, made visible rather than silent).
import { InvalidTarget } from '../errors.ts';
import { EVALUATION_STATUSES, isOneOf } from '../vocabulary.ts';
import type { Evaluation, ManualOverride } from './types.ts';

export function applyOverride(e: Evaluation, o: ManualOverride): Evaluation {
  if (!isOneOf(EVALUATION_STATUSES, o.status) || o.reason.trim() === '' || o.by.trim() === '') {
    throw new InvalidTarget(
      {
        vi: 'Điều chỉnh thủ công cần trạng thái hợp lệ, lý do và người điều chỉnh',
        en: 'A manual override needs a valid status, a reason and who made it',
      },
      { override: o },
    );
  }
  return {
    ...e,
    status: o.status,
    override: { ...o, original: e.status },
    explanation: {
      vi: `${e.explanation.vi} [Điều chỉnh thủ công bởi ${o.by}: ${o.reason}]`,
      en: `${e.explanation.en} [Manual override by ${o.by}: ${o.reason}]`,
    },
  };
}
