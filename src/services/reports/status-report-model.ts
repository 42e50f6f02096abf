// The plan status report as plain data: the summary sentence ("đạt và vượt N/M chỉ tiêu"), the count of each verdict,
// every target not met or off track with its owner and its story (cause / measures / requests), the overdue tasks, the
// projects behind schedule, and the verdicts that later figures changed. Pure: the .docx and PDF writers draw this one
// model.
import { formatDateShort } from '../../core/format/date.ts';
import { formatNumber } from '../../core/format/number.ts';
import { scheduleSlips, type ProjectClock } from '../../core/progress-tracking/project-schedule.ts';
import { taskTimeliness, type TaskClock } from '../../core/progress-tracking/task-timeliness.ts';
import { wordFor, type PrintedStatus } from '../../core/wording/index.ts';
import type { PlanEvaluationView } from '../evaluations/evaluate-plan.ts';
import type { EvaluationChangeView } from '../evaluations/list-evaluation-changes.ts';
import { baselineLine, notMeetingLine } from './consolidation-lines.ts';

export interface StatusReportModel {
  title: string;
  planName: string;
  planCode: string;
  asOf: string;
  basisLine: string;
  summary: string;
  counts: { word: string; count: number }[];
  attention: {
    code: string;
    name: string;
    target: string;
    actual: string;
    verdict: string;
    owner: string;
    /** The target's current story, or null: "chưa giải trình". */
    story: { period: string; cause: string; measures: string; requests: string | null } | null;
  }[];
  overdueTasks: { code: string; title: string; owner: string; deadline: string; progress: string }[];
  lateProjects: { code: string; title: string; owner: string; reasons: string }[];
  changes: { code: string; name: string; before: string; after: string; cause: string }[];
  /** A merged unit's base-period figures: each row's calculation, or the inputs missing. */
  baselines: { code: string; name: string; text: string }[];
  /** Targets counted over communes: the count and the communes not yet meeting the standard. */
  communes: { code: string; name: string; target: string; text: string }[];
}

/** What the report reads beside the evaluation: stories by target, the plan's tasks and projects. */
export interface StatusReportExtras {
  stories: ReadonlyMap<string, { period: string; cause: string; measures: string; requests: string | null }>;
  tasks: (TaskClock & { code: string; title: string; agency: string | null; progressPercent: string | null })[];
  projects: (ProjectClock & { code: string; title: string; agency: string | null })[];
  agencyNames: ReadonlyMap<string, string>;
}

/** Statuses a leader must act on: missed at the end of the term, or heading that way while it runs. */
const ATTENTION = new Set(['not_met', 'off_track', 'at_risk']);

export function buildStatusReport(
  view: PlanEvaluationView,
  changes: EvaluationChangeView[],
  owners: ReadonlyMap<string, string>,
  extras: StatusReportExtras,
): StatusReportModel {
  const agency = (code: string | null): string =>
    code === null ? 'Chưa phân công' : (extras.agencyNames.get(code) ?? code);
  // The counts and the list of targets needing attention are the plan's counted targets, as its summary counts them
  // (a draft, another scope's or a parallel target is shown on screen, labelled, and left out here).
  const counted = view.rows.filter((r) => r.notCounted === undefined);
  const counts = new Map<string, number>();
  for (const r of counted) {
    const word = r.displayStatus?.vi ?? 'Không đánh giá được';
    counts.set(word, (counts.get(word) ?? 0) + 1);
  }
  const word = (status: string | null) =>
    status === null ? '—' : wordFor(status as PrintedStatus, { exceededAs: view.plan.exceededAs });
  const summary = view.summary.vi;
  return {
    title: 'BÁO CÁO TÌNH HÌNH THỰC HIỆN CÁC CHỈ TIÊU',
    planName: view.plan.name,
    planCode: view.plan.code,
    asOf: view.asOf,
    basisLine: `Đánh giá đến ngày ${formatDateShort(view.asOf)} trên ${view.dataBasis === 'approved' ? 'số liệu đã phê duyệt' : 'mọi số liệu đã nhập, kể cả chưa phê duyệt'}`,
    summary: summary ? `Kết quả: ${summary}.` : 'Chưa có chỉ tiêu nào được đánh giá.',
    counts: [...counts].map(([w, count]) => ({ word: w, count })),
    attention: counted
      .filter((r) => r.status !== null && ATTENTION.has(r.status))
      .map((r) => ({
        code: r.indicator.code,
        name: r.indicator.name,
        // A parent judged from its rows has no figure of its own: it is missed because one of them is.
        target: r.composite ? 'Mọi chỉ tiêu thành phần đạt' : r.target.text,
        actual: r.composite ? '—' : (r.actual.text ?? '—'),
        verdict: r.displayStatus?.vi ?? '',
        owner: owners.get(r.indicator.code) ?? 'Chưa phân công',
        story: extras.stories.get(r.targetId) ?? null,
      })),
    overdueTasks: extras.tasks
      .filter((t) => taskTimeliness(t, view.asOf) === 'overdue')
      .map((t) => ({
        code: t.code,
        title: t.title,
        owner: agency(t.agency),
        deadline: t.deadline === null ? '—' : formatDateShort(t.deadline),
        progress: t.progressPercent === null ? 'Chưa báo cáo' : `${formatNumber(t.progressPercent)}%`,
      })),
    lateProjects: extras.projects
      .map((p) => ({ p, slips: scheduleSlips(p, view.asOf) }))
      .filter((x) => x.slips.length > 0)
      .map(({ p, slips }) => ({
        code: p.code,
        title: p.title,
        owner: agency(p.agency),
        reasons: slips
          .map((s) =>
            s.kind === 'milestone_overdue'
              ? `Mốc "${s.title}" đến hạn ${formatDateShort(s.dueDate)} chưa đạt`
              : `Quá thời hạn hoàn thành ${formatDateShort(s.endDate)}`,
          )
          .join('; '),
      })),
    baselines: view.rows.flatMap((r) => {
      const text = baselineLine(r);
      return text === null ? [] : [{ code: r.indicator.code, name: r.indicator.name, text }];
    }),
    communes: view.rows.flatMap((r) => {
      const text = notMeetingLine(r);
      return text === null ? [] : [{ code: r.indicator.code, name: r.indicator.name, target: r.target.text, text }];
    }),
    changes: changes
      .filter((c) => c.before.status !== c.after.status)
      .map((c) => ({
        code: c.indicator.code,
        name: c.indicator.name,
        before: word(c.before.status),
        after: word(c.after.status),
        cause: c.cause
          ? [
              c.cause.value === null ? '' : formatNumber(c.cause.value),
              c.cause.source ?? '',
              c.cause.publishedOn ? `công bố ngày ${formatDateShort(c.cause.publishedOn)}` : '',
            ]
              .filter((x) => x !== '')
              .join(', ')
          : '',
      })),
  };
}

/** One target's story as the report prints it, or that it has none. */
export function storyLine(a: StatusReportModel['attention'][number]): string {
  if (a.story === null) return `${a.code}. ${a.name}: chưa giải trình.`;
  const end = (t: string): string => (/[.!?…]$/.test(t) ? t : `${t}.`);
  return [
    `${a.code}. ${a.name} (kỳ ${a.story.period}): Nguyên nhân: ${end(a.story.cause)}`,
    `Giải pháp: ${end(a.story.measures)}`,
    ...(a.story.requests ? [`Kiến nghị: ${end(a.story.requests)}`] : []),
  ].join(' ');
}
