// A plan's evaluation as readers get it: served from the stored snapshot (computed when its inputs last changed),
// with words applied now. Only an evaluation asked for on other terms (as published on a date, another month,
// unapproved figures) is computed on request, within a small bound (compute-slots.ts).
import { NotFound, ValidationError } from '../../core/errors.ts';
import {
  CORE_ROW_SCHEMA_VERSION,
  evaluatePlanSnapshot,
  type CoreRow,
  type PlanCounts,
} from '../../core/plan-evaluation/index.ts';
import {
  findPlanEvaluationHead,
  planEvaluationVersion,
  readStoredRows,
  type PlanEvaluationHead,
} from '../../storage/repositories/plan-evaluations-repo.ts';
import { hasRole, type Role, type ServiceContext } from '../context.ts';
import { onRequestSlots } from './compute-slots.ts';
import {
  exceededAsOf,
  presentationOf,
  presentationTag,
  presentRow,
  presentSummary,
  listRowOf,
  type EvaluationListRow,
  type EvaluationRow,
} from './present-evaluation.ts';
import { storeCurrentEvaluation } from './recompute-evaluations.ts';
import { loadEvaluationSnapshot } from './evaluation-snapshot.ts';
import { communeOwners } from '../consolidation/commune-owners.ts';

export interface EvaluatePlanInput {
  planCode: string;
  asOf?: string;
  dataBasis?: 'approved' | 'all';
  publishedOn?: string;
}

export interface PlanEvaluationView {
  plan: { code: string; name: string; term: { firstYear: number; lastYear: number }; exceededAs: 'exceeded' | 'met' };
  asOf: string;
  dataBasis: 'approved' | 'all';
  publishedOn: string | null;
  summary: { vi: string; en: string };
  /** The counts the summary is written from; `targets` is the plan's one count of targets. */
  counts: PlanCounts;
  /** When the stored evaluation last changed (computed with other rows); null when computed on request. */
  computedAt: string | null;
  rows: EvaluationRow[];
}

/** The plan's evaluation as its lists show it: the same answer with list rows (present-evaluation.ts, listRowOf). */
export interface PlanEvaluationListView extends Omit<PlanEvaluationView, 'rows'> {
  rows: EvaluationListRow[];
}

export function listViewOf(v: PlanEvaluationView): PlanEvaluationListView {
  return { ...v, rows: v.rows.map(listRowOf) };
}

export interface PlanEvaluationAnswer {
  /** A strong validator of the answer when it is served from storage; null when computed on request. */
  tag: string | null;
  view(): Promise<PlanEvaluationView>;
}

/** Roles that may see evaluations that include unapproved figures (drafts and submissions). */
const DRAFT_READERS: readonly Role[] = ['admin', 'plan_owner', 'approver', 'agency_editor', 'inspector'];

function checkDate(value: string | undefined, field: string): void {
  // A real calendar date: 2026-02-30 is refused here, not answered with a database error.
  const parsed = value === undefined ? null : new Date(`${value}T00:00:00Z`);
  const ok =
    value === undefined ||
    (/^\d{4}-\d{2}-\d{2}$/.test(value) &&
      parsed !== null &&
      !Number.isNaN(parsed.getTime()) &&
      parsed.toISOString().slice(0, 10) === value);
  if (!ok) {
    throw new ValidationError(
      {
        vi: `${field} phải là một ngày có thật dạng YYYY-MM-DD, nhận "${value}"`,
        en: `${field} must be a real date YYYY-MM-DD, got "${value}"`,
      },
      [{ path: field, reason: { vi: 'ngày không hợp lệ', en: 'invalid date' } }],
    );
  }
}

function checkDataBasis(ctx: ServiceContext, dataBasis: 'approved' | 'all'): void {
  // The public and readers without a role see evaluations on approved figures only.
  if (dataBasis === 'all' && ctx.actor.kind === 'public') {
    throw new ValidationError(
      { vi: 'Công chúng chỉ xem được số liệu đã phê duyệt', en: 'The public sees approved figures only' },
      [{ path: 'dataBasis', reason: { vi: 'không được phép', en: 'not allowed' } }],
    );
  }
  if (dataBasis === 'all' && ctx.actor.kind === 'user' && !DRAFT_READERS.some((r) => hasRole(ctx.actor, r))) {
    throw new ValidationError(
      { vi: 'Bạn chỉ xem được số liệu đã phê duyệt', en: 'You may see approved figures only' },
      [{ path: 'dataBasis', reason: { vi: 'không được phép', en: 'not allowed' } }],
    );
  }
}

/** One refresh per plan at a time: concurrent readers of a missing or outdated snapshot wait for the same one. */
const refreshing = new Map<string, Promise<void>>();

function refresh(ctx: ServiceContext, head: PlanEvaluationHead): Promise<void> {
  const running = refreshing.get(head.id);
  if (running) return running;
  const work = ctx.db
    .transaction(async (tx) => {
      await storeCurrentEvaluation(tx, head, ctx.now());
    })
    .finally(() => refreshing.delete(head.id));
  refreshing.set(head.id, work);
  return work;
}

/**
 * The stored snapshot is current unless it is missing (a plan imported before snapshots existed), of an older row
 * schema, or made in an earlier month (in-term verdicts are judged by month): then it is recomputed once, stored,
 * and served like any other.
 */
function isCurrent(head: PlanEvaluationHead, now: Date): boolean {
  return (
    head.digest !== null &&
    head.schema_version === CORE_ROW_SCHEMA_VERSION &&
    head.as_of !== null &&
    head.as_of.slice(0, 7) === now.toISOString().slice(0, 7)
  );
}

function view(
  head: PlanEvaluationHead,
  meta: { asOf: string; dataBasis: 'approved' | 'all'; publishedOn: string | null; computedAt: string | null },
  rows: CoreRow[],
  counts: PlanCounts,
): PlanEvaluationView {
  const presentation = presentationOf(head);
  return {
    plan: {
      code: head.code,
      name: head.name,
      term: { firstYear: head.first_year, lastYear: head.last_year },
      exceededAs: exceededAsOf(head),
    },
    asOf: meta.asOf,
    dataBasis: meta.dataBasis,
    publishedOn: meta.publishedOn,
    summary: presentSummary(rows, presentation),
    counts,
    computedAt: meta.computedAt,
    rows: rows.map((r) => presentRow(r, presentation)),
  };
}

/**
 * The owners of the units a units-meeting target lists as not meeting the standard: the commune editors, read when
 * the evaluation is presented (people change roles without the evaluation being recomputed, and the stored rows
 * keep no names), and only to the tenant's own members.
 */
async function withOwners(ctx: ServiceContext, tenantId: string, v: PlanEvaluationView): Promise<PlanEvaluationView> {
  const codes = new Set(
    v.rows.flatMap((r) => (r.unitCounts ?? []).flatMap((c) => (c.notMeeting ?? []).map((n) => n.code))),
  );
  const owners = await communeOwners(ctx, tenantId, [...codes]);
  if (owners.size === 0) return v;
  return {
    ...v,
    rows: v.rows.map((r) =>
      r.unitCounts
        ? {
            ...r,
            unitCounts: r.unitCounts.map((c) =>
              c.notMeeting
                ? { ...c, notMeeting: c.notMeeting.map((n) => ({ ...n, owners: owners.get(n.code) ?? [] })) }
                : c,
            ),
          }
        : r,
    ),
  };
}

export async function readPlanEvaluation({
  ctx: asked,
  input,
}: {
  ctx: ServiceContext;
  input: EvaluatePlanInput;
}): Promise<PlanEvaluationAnswer> {
  let ctx = asked;
  checkDate(input.asOf, 'asOf');
  checkDate(input.publishedOn, 'publishedOn');
  const dataBasis = input.dataBasis ?? 'approved';
  checkDataBasis(ctx, dataBasis);
  const tenantId = ctx.actor.kind === 'public' ? null : ctx.actor.tenantId;
  let head = await findPlanEvaluationHead(ctx.db, tenantId, input.planCode);
  /** Reads from the primary from here on (when on a replica that cannot answer): the answer says so. */
  const toPrimary = async (): Promise<boolean> => {
    if (!ctx.primary) return false;
    ctx.primary.use();
    ctx = { ...ctx, db: ctx.primary.db };
    head = (await findPlanEvaluationHead(ctx.db, tenantId, input.planCode)) ?? head;
    return true;
  };
  // A plan just made may not have reached the replica yet.
  if (!head) await toPrimary();
  if (!head) throw new NotFound({ vi: `nghị quyết "${input.planCode}"`, en: `Plan "${input.planCode}"` });
  const now = ctx.now();
  const asOf = input.asOf ?? now.toISOString().slice(0, 10);
  const publishedOn = input.publishedOn ?? null;
  const sameMonth = asOf.slice(0, 7) === now.toISOString().slice(0, 7);
  if (dataBasis === 'approved' && publishedOn === null && sameMonth) {
    if (!isCurrent(head, now)) {
      // A replica cannot store the recomputed snapshot (and may not have the primary's yet): the primary answers.
      await toPrimary();
      if (!isCurrent(head, now)) await refresh(ctx, head);
      head = await findPlanEvaluationHead(ctx.db, tenantId, input.planCode);
    }
    const current = head;
    if (!current?.digest)
      throw new NotFound({ vi: `đánh giá của "${input.planCode}"`, en: `Evaluation of "${input.planCode}"` });
    const digest = current.digest;
    return {
      // The answer names the plan (its name and term), read with the head: they are part of what the tag covers.
      tag: presentationTag(
        digest,
        current,
        `${asOf}\n${JSON.stringify([current.name, current.first_year, current.last_year])}`,
      ),
      view: async () => {
        // A write landing between the head and the rows makes this answer newer than its tag: the next
        // conditional read then sees another tag and gets the rows again, so nothing stale is ever kept.
        const stored = await readStoredRows(ctx.db, current.tenant_id, current.id);
        if (!stored)
          throw new NotFound({ vi: `đánh giá của "${input.planCode}"`, en: `Evaluation of "${input.planCode}"` });
        const computedAt = current.computed_at ? new Date(current.computed_at).toISOString() : null;
        return withOwners(
          ctx,
          current.tenant_id,
          view(current, { asOf, dataBasis, publishedOn, computedAt }, stored.rows, stored.counts),
        );
      },
    };
  }
  const plan = head;
  const [year, month] = asOf.split('-').map(Number) as [number, number];
  const computed = await onRequestSlots.run(async () => {
    const snapshot = await loadEvaluationSnapshot(ctx.db, plan, {
      approvedOnly: dataBasis === 'approved',
      publishedOn,
    });
    return evaluatePlanSnapshot(snapshot, { year, month });
  });
  return {
    tag: null,
    view: async () =>
      withOwners(
        ctx,
        plan.tenant_id,
        view(plan, { asOf, dataBasis, publishedOn, computedAt: null }, computed.rows, computed.counts),
      ),
  };
}

/** The whole view at once (CLI, tests, services that need the rows). */
export async function evaluatePlan(args: {
  ctx: ServiceContext;
  input: EvaluatePlanInput;
}): Promise<PlanEvaluationView> {
  return (await readPlanEvaluation(args)).view();
}

/**
 * The version of what a reader's default evaluation (approved figures, today) is built from: equal versions give the
 * same answer on the same day. One indexed lookup, so a cache of the presented answer can check it on every read.
 */
export async function planEvaluationVersionOf(ctx: ServiceContext, planCode: string): Promise<string | null> {
  return planEvaluationVersion(ctx.db, ctx.actor.kind === 'public' ? null : ctx.actor.tenantId, planCode);
}
