// The web app's message catalogue: Vietnamese first, English available. Vietnamese lives here, not in identifiers.
export type Locale = 'vi' | 'en';

export const messages = {
  vi: {
    appName: 'chitieu',
    tagline: 'Theo dõi, đánh giá chỉ tiêu nghị quyết',
    plans: 'Nghị quyết, kế hoạch',
    term: 'Nhiệm kỳ',
    targets: 'chỉ tiêu',
    tasks: 'nhiệm vụ',
    projects: 'dự án',
    breakthroughs: 'đột phá',
    loading: 'Đang tải…',
    empty: 'Chưa có nghị quyết nào.',
    loadError: 'Không tải được danh sách nghị quyết.',
    language: 'English',
  },
  en: {
    appName: 'chitieu',
    tagline: 'Tracking and evaluating the targets of a resolution',
    plans: 'Plans',
    term: 'Term',
    targets: 'targets',
    tasks: 'tasks',
    projects: 'projects',
    breakthroughs: 'breakthroughs',
    loading: 'Loading…',
    empty: 'No plans yet.',
    loadError: 'Could not load the plans.',
    language: 'Tiếng Việt',
  },
} as const satisfies Record<Locale, Record<string, string>>;

export type MessageKey = keyof (typeof messages)['vi'];

const numberFormats: Record<Locale, Intl.NumberFormat> = {
  vi: new Intl.NumberFormat('vi-VN'),
  en: new Intl.NumberFormat('en-GB'),
};

export function formatCount(n: number, locale: Locale): string {
  return numberFormats[locale].format(n);
}
