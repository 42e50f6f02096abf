// Messages of the dialog that splits a city target into per-commune targets, and of the commune table's target
// columns. Vietnamese first; the English object has the same keys.
import { useLocale } from './locale.tsx';
import type { Locale } from './messages.ts';

export interface SplitMessages {
  open: string;
  title: string;
  intro: (target: string) => string;
  share: (commune: string) => string;
  sum: (sum: string, target: string) => string;
  sumMatches: string;
  sumDiffers: string;
  rateNote: string;
  reason: string;
  reasonRequired: string;
  save: string;
  cancel: string;
  saved: (n: number) => string;
  communeTarget: string;
  communeTargetStatus: string;
  splitOf: (target: string, n: number) => string;
}

const vi: SplitMessages = {
  open: 'Chia chỉ tiêu theo xã',
  title: 'Chia chỉ tiêu cấp tỉnh theo xã, phường, đặc khu',
  intro: (target) => `Chỉ tiêu cấp tỉnh: ${target}. Nhập phần của từng xã (0 nếu không giao).`,
  share: (commune) => `Phần của ${commune}`,
  sum: (sum, target) => `Tổng các phần: ${sum} / chỉ tiêu cấp tỉnh ${target}`,
  sumMatches: 'khớp',
  sumDiffers: 'chưa khớp',
  rateNote:
    'Với chỉ tiêu tỷ lệ, bình quân, mỗi xã có giá trị riêng và không cộng lại; máy chủ kiểm tra theo phương pháp tổng hợp của chỉ tiêu.',
  reason: 'Lý do',
  reasonRequired: 'Cần nêu lý do',
  save: 'Lưu phân chia',
  cancel: 'Hủy',
  saved: (n) => `Đã chia cho ${n} xã, phường`,
  communeTarget: 'Chỉ tiêu của xã',
  communeTargetStatus: 'Đánh giá chỉ tiêu',
  splitOf: (target, n) => `Chỉ tiêu cấp tỉnh «${target}» đã chia cho ${n} xã, phường; mỗi xã được theo dõi riêng.`,
};

const en: SplitMessages = {
  open: 'Split the target by commune',
  title: 'Split the province-level target by commune, ward and special zone',
  intro: (target) => `The province-level target: ${target}. Enter each commune's share (0 if none).`,
  share: (commune) => `Share of ${commune}`,
  sum: (sum, target) => `Shares add up to ${sum} / province-level target ${target}`,
  sumMatches: 'matches',
  sumDiffers: 'does not match yet',
  rateNote:
    "For a rate or an average each commune has its own value and nothing is added up; the server checks by the indicator's aggregation method.",
  reason: 'Reason',
  reasonRequired: 'A reason is required',
  save: 'Save the split',
  cancel: 'Cancel',
  saved: (n) => `Split among ${n} communes`,
  communeTarget: "Commune's target",
  communeTargetStatus: 'Target status',
  splitOf: (target, n) =>
    `The province-level target «${target}» is split among ${n} communes; each is tracked on its own.`,
};

const catalogue: Record<Locale, SplitMessages> = { vi, en };

export function useSplitText(): SplitMessages {
  return catalogue[useLocale().locale];
}
