// An agency's inbox (Nhập số liệu): what it owes in a plan now. Each of its indicators' figures for every period
// due so far under the tenant's reporting regime (NĐ 09/2019 by default), with the deadline; a period stays until
// its figure is submitted (an overdue one never drops off), and the current period stays even when done. Beside
// each: the previous period's approved value, the targets with their status, what is still required and the
// current story; a returned figure carries the approver's reason. The agency's tasks and projects are listed as
// due items with their newest progress report.
import { NotFound, ValidationError } from '../../core/errors.ts';
import { duePeriods } from '../../core/periods/due-periods.ts';
import { periodLabel } from '../../core/periods/cutoff.ts';
import { findPlanByCode, type PlanRow } from '../../storage/repositories/plans-repo.ts';
import {
  agencyIndicators,
  agencyWork,
  inboxFigures,
  provinceUnit,
  type InboxFigureRow,
} from '../../storage/repositories/inbox-repo.ts';
import type { ServiceContext } from '../context.ts';
import { evaluatePlan } from '../evaluations/evaluate-plan.ts';
import { reportingRulesOf, type EvaluationRow } from '../evaluations/present-evaluation.ts';
import { plausibilityOf } from '../observations/present-observation.ts';
import { authorize } from '../policy.ts';
import { listStories, type StoryView } from '../stories/list-stories.ts';

const VN_DATE = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' });

export interface InboxTarget {
  targetId: string;
  text: string;
  status: EvaluationRow['status'];
  displayStatus: EvaluationRow['displayStatus'];
  required: EvaluationRow['required'];
  story: StoryView | null;
}

export interface InboxItem {
  indicator: { id: string; code: string; name: string; unitOfMeasure: string };
  unit: { id: string; code: string; name: string };
  period: string;
  periodLabel: { vi: string; en: string };
  dueDate: string;
  overdue: boolean;
  current: boolean;
  state: 'missing' | 'draft' | 'submitted' | 'returned' | 'approved';
  figure: {
    observationId: string;
    version: number;
    valueText: string | null;
    status: string;
    sourceText: string | null;
    reason: string | null;
    plausibility: ReturnType<typeof plausibilityOf>;
  } | null;
  returned: { comment: string | null; at: string } | null;
  previous: { period: string; valueText: string } | null;
  targets: InboxTarget[];
}

export interface InboxView {
  plan: { code: string; name: string };
  agencyId: string | null;
  today: string;
  rules: { id: string; title: { vi: string; en: string } };
  items: InboxItem[];
  work: {
    id: string;
    kind: 'task' | 'project';
    code: string;
    title: string;
    deadline: string | null;
    lastReport: { period: string; state: string } | null;
  }[];
}

export async function agencyInbox({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { planCode: string; agencyId?: string };
}): Promise<InboxView> {
  const scope = authorize(ctx.actor, 'observation.enter');
  const tenantId = ctx.actor.tenantId;
  if (!tenantId) throw new NotFound({ vi: `nghị quyết "${input.planCode}"`, en: `Plan "${input.planCode}"` });
  // An agency editor sees its own agency only; the plan owner and admin choose one (or see every indicator).
  const agencyId = scope === 'agency' ? ctx.actor.agencyId : (input.agencyId ?? null);
  if (scope === 'agency' && agencyId === null) {
    throw new ValidationError({ vi: 'Tài khoản chưa gắn với cơ quan nào', en: 'This account belongs to no agency' }, [
      { path: 'agency', reason: { vi: 'chưa có cơ quan', en: 'no agency' } },
    ]);
  }
  const plan = await findPlanByCode(ctx.db, tenantId, input.planCode);
  if (!plan) throw new NotFound({ vi: `nghị quyết "${input.planCode}"`, en: `Plan "${input.planCode}"` });
  return (await collectInbox(ctx, tenantId, plan, agencyId)).view;
}

/**
 * The inbox of one agency, or of every indicator when agencyId is null, with each indicator's owning agency; no
 * permission check here: agencyInbox and listAgencyObligations check theirs first.
 */
export async function collectInbox(
  ctx: ServiceContext,
  tenantId: string,
  plan: PlanRow,
  agencyId: string | null,
): Promise<{ view: InboxView; ownerOf: Map<string, string | null> }> {
  const rules = reportingRulesOf(plan);
  const today = VN_DATE.format(ctx.now());
  const [indicators, unit, work] = await Promise.all([
    agencyIndicators(ctx.db, tenantId, plan.id, agencyId),
    provinceUnit(ctx.db, tenantId, today),
    agencyWork(ctx.db, tenantId, plan.id, agencyId),
  ]);
  const items: InboxItem[] = [];
  if (unit && indicators.length > 0) {
    const [figures, evaluation, stories] = await Promise.all([
      inboxFigures(
        ctx.db,
        tenantId,
        unit.id,
        indicators.map((i) => i.id),
      ),
      evaluatePlan({ ctx, input: { planCode: plan.code } }),
      listStories({ ctx, input: { planCode: plan.code } }),
    ]);
    const figureOf = new Map<string, InboxFigureRow>(figures.map((f) => [`${f.indicator_id} ${f.period}`, f]));
    const currentStory = new Map(stories.items.filter((s) => s.current).map((s) => [s.targetId, s]));
    for (const ind of indicators) {
      const targets: InboxTarget[] = evaluation.rows
        .filter((r) => r.indicator.code === ind.code && r.composite !== true)
        .map((r) => ({
          targetId: r.targetId,
          text: r.target.text,
          status: r.status,
          displayStatus: r.displayStatus,
          required: r.required,
          story: currentStory.get(r.targetId) ?? null,
        }));
      // Figures are owed for every period of the plan's term (a 2026–2030 plan: from 2026).
      const owed = duePeriods(ind.frequency, { fromYear: plan.first_year, toYear: plan.last_year }, today, rules);
      for (const [n, due] of owed.entries()) {
        // The period before: the year before for a yearly figure, else the owed period before this one.
        const before = /^\d{4}$/.test(due.period) ? String(Number(due.period) - 1) : owed[n - 1]?.period;
        const prior = before ? figureOf.get(`${ind.id} ${before}`) : undefined;
        const previous = prior?.approved_value_text
          ? { period: before ?? '', valueText: prior.approved_value_text }
          : null;
        const f = figureOf.get(`${ind.id} ${due.period}`);
        const state = (f?.workflow_state ?? 'missing') as InboxItem['state'];
        const item: InboxItem = {
          indicator: { id: ind.id, code: ind.code, name: ind.name, unitOfMeasure: ind.unit_of_measure },
          unit,
          period: due.period,
          periodLabel: { vi: periodLabel(due.period, 'vi'), en: periodLabel(due.period, 'en') },
          dueDate: due.dueDate,
          // Late means late only while the figure is not in.
          overdue: due.overdue && (state === 'missing' || state === 'draft' || state === 'returned'),
          current: due.current,
          state,
          figure: f
            ? {
                observationId: f.observation_id,
                version: f.version,
                valueText: f.value_text,
                status: f.status,
                sourceText: f.source_text,
                reason: f.reason,
                plausibility: plausibilityOf(f.provenance),
              }
            : null,
          returned:
            state === 'returned' && f?.returned_at
              ? { comment: f.returned_comment, at: new Date(f.returned_at).toISOString() }
              : null,
          previous,
          targets,
        };
        if (state !== 'approved' || due.current) items.push(item);
      }
    }
  }
  items.sort((a, b) => Number(b.overdue) - Number(a.overdue) || a.dueDate.localeCompare(b.dueDate));
  const view: InboxView = {
    plan: { code: plan.code, name: plan.name },
    agencyId,
    today,
    rules: { id: rules.id, title: rules.title },
    items,
    work: work.map((w) => ({
      id: w.id,
      kind: w.kind,
      code: w.code,
      title: w.title,
      deadline: w.deadline,
      lastReport: w.last_period && w.last_state ? { period: w.last_period, state: w.last_state } : null,
    })),
  };
  return { view, ownerOf: new Map(indicators.map((i) => [i.id, i.owner_agency_id])) };
}
