// One typed refusal for every input a peer would crash on or silently guess about, so callers see a code, not NaN.
import { ValidationError } from '../errors.ts';

export type RefusalReason =
  | 'duplicate_year'
  | 'base_year_after_data'
  | 'zero_base'
  | 'sign_change'
  | 'target_required'
  | 'target_equals_base'
  | 'growth_rate_not_assessable'
  | 'invalid_year'
  | 'series_required';

const TEXT: Record<RefusalReason, { vi: string; en: string }> = {
  duplicate_year: { vi: 'Chuỗi số liệu có năm bị lặp', en: 'The series has a repeated year' },
  base_year_after_data: {
    vi: 'Không có số liệu từ năm gốc trở về sau',
    en: 'There is no data in or after the base year',
  },
  zero_base: {
    vi: 'Giá trị năm gốc bằng 0 nên không tính được tốc độ tăng',
    en: 'The base value is zero, so no growth rate exists',
  },
  sign_change: { vi: 'Giá trị năm gốc và năm gần nhất trái dấu', en: 'The base and latest values have opposite signs' },
  target_required: { vi: 'Phương pháp này cần giá trị mục tiêu', en: 'This method needs a target value' },
  target_equals_base: {
    vi: 'Mục tiêu bằng giá trị năm gốc nên không tính được tỷ lệ hoàn thành',
    en: 'The target equals the base value, so no completion ratio exists',
  },
  growth_rate_not_assessable: {
    vi: 'Chỉ tiêu tốc độ tăng không đánh giá được bằng phương pháp này (cần chuyên gia đánh giá)',
    en: 'A growth-rate indicator cannot be assessed by this method (expert judgement needed)',
  },
  invalid_year: { vi: 'Năm không phải số nguyên', en: 'A year is not an integer' },
  series_required: {
    vi: 'Phương pháp cấp chỉ tiêu cần ít nhất một chuỗi số liệu',
    en: 'An indicator-level method needs at least one series',
  },
};

export function refuseProgressInput(
  reason: RefusalReason,
  path: string,
  details: Record<string, unknown> = {},
): ValidationError {
  const reasonText = TEXT[reason];
  return new ValidationError(reasonText, [{ path, reason: reasonText }], 'progress_input_invalid', {
    reason,
    ...details,
  });
}
