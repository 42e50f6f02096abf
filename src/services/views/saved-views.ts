// A leader's saved views: the targets, projects and tasks that matter to them, pinned and in their order, kept on
// the server (so every session and device sees them) and readable by anyone of the tenant with the link.
import { Conflict, NotFound, StaleVersion, ValidationError, type FieldIssue } from '../../core/errors.ts';
import {
  deleteView,
  findView,
  insertView,
  itemLabels,
  itemPlans,
  listViewsOf,
  updateView,
  type SavedViewRow,
  type ViewItem,
} from '../../storage/repositories/saved-views-repo.ts';
import type { Queryable } from '../../storage/db.ts';
import { writeAudit } from '../audit.ts';
import type { ServiceContext } from '../context.ts';
import { authorize } from '../policy.ts';

const NOT_FOUND = { vi: 'dạng xem đã lưu', en: 'Saved view' };
export const MAX_VIEW_ITEMS = 200;

async function present(db: Queryable, tenantId: string, v: SavedViewRow, actorId: string | null) {
  const labels = await itemLabels(db, tenantId, v.items);
  const plans = await itemPlans(db, tenantId, v.items);
  return {
    id: v.id,
    name: v.name,
    owner: v.owner_name,
    mine: v.user_id === actorId,
    version: v.version,
    updatedAt: v.updated_at,
    // An item deleted since it was pinned stays in the list, marked missing, so the order is never silently lost.
    items: v.items.map((i) => ({
      kind: i.kind,
      id: i.id,
      label: labels.get(`${i.kind}:${i.id}`) ?? null,
      plan: plans.get(`${i.kind}:${i.id}`) ?? null,
    })),
  };
}

export type SavedView = Awaited<ReturnType<typeof present>>;

export async function listSavedViews({
  ctx,
}: {
  ctx: ServiceContext;
  input?: unknown;
}): Promise<{ items: SavedView[] }> {
  authorize(ctx.actor, 'view.manage');
  const { tenantId, userId } = ctx.actor;
  if (!tenantId || !userId) return { items: [] };
  const rows = await listViewsOf(ctx.db, tenantId, userId);
  return { items: await Promise.all(rows.map((r) => present(ctx.db, tenantId, r, userId))) };
}

export async function getSavedView({ ctx, input }: { ctx: ServiceContext; input: { id: string } }): Promise<SavedView> {
  authorize(ctx.actor, 'view.read');
  const tenantId = ctx.actor.tenantId;
  const row = tenantId ? await findView(ctx.db, tenantId, input.id) : null;
  if (!tenantId || !row) throw new NotFound(NOT_FOUND);
  return present(ctx.db, tenantId, row, ctx.actor.userId);
}

export interface SaveViewInput {
  /** Absent: a new view. Present: one of the actor's own views, at this version. */
  id?: string;
  version?: number;
  name: string;
  items: ViewItem[];
}

/** Creates or replaces one of the actor's own views (name and ordered items); audited. */
export async function saveView({ ctx, input }: { ctx: ServiceContext; input: SaveViewInput }): Promise<SavedView> {
  authorize(ctx.actor, 'view.manage');
  const { tenantId, userId } = ctx.actor;
  if (!tenantId || !userId) throw new NotFound(NOT_FOUND);
  const name = input.name.normalize('NFC').trim();
  const issues: FieldIssue[] = [];
  if (name === '') issues.push({ path: 'body/name', reason: { vi: 'bắt buộc', en: 'required' } });
  const seen = new Set<string>();
  input.items.forEach((i, n) => {
    const key = `${i.kind}:${i.id}`;
    if (seen.has(key))
      issues.push({ path: `body/items/${n}`, reason: { vi: 'đã có trong danh sách', en: 'already in the list' } });
    seen.add(key);
  });
  if (issues.length > 0) {
    const first = issues[0] as FieldIssue;
    throw new ValidationError(
      { vi: `Dạng xem: ${first.path}: ${first.reason.vi}`, en: `View: ${first.path}: ${first.reason.en}` },
      issues,
    );
  }
  return ctx.db.transaction(async (tx) => {
    const labels = await itemLabels(tx, tenantId, input.items);
    const missing = input.items.findIndex((i) => !labels.has(`${i.kind}:${i.id}`));
    if (missing >= 0)
      throw new ValidationError(
        {
          vi: `Dạng xem: mục thứ ${missing + 1} không có trong đơn vị`,
          en: `View: item ${missing + 1} does not exist in this tenant`,
        },
        [{ path: `body/items/${missing}`, reason: { vi: 'không tìm thấy', en: 'not found' } }],
      );
    let id = input.id;
    if (id === undefined) {
      id = await insertView(tx, { tenantId, userId, name, items: input.items, at: ctx.now() });
      await writeAudit(tx, ctx, {
        tenantId,
        action: 'create',
        entity: 'saved_view',
        entityId: id,
        after: { name, items: input.items },
      });
    } else {
      const before = await findView(tx, tenantId, id, true);
      if (!before || before.user_id !== userId) throw new NotFound(NOT_FOUND);
      if (input.version !== undefined && input.version !== before.version)
        throw new StaleVersion({ id, version: before.version });
      await updateView(tx, tenantId, id, { name, items: input.items, at: ctx.now() });
      await writeAudit(tx, ctx, {
        tenantId,
        action: 'edit',
        entity: 'saved_view',
        entityId: id,
        before: { name: before.name, items: before.items },
        after: { name, items: input.items },
      });
    }
    const row = await findView(tx, tenantId, id);
    if (!row) throw new Conflict('view_gone', { vi: 'Dạng xem vừa bị xoá', en: 'The view was just deleted' });
    return present(tx, tenantId, row, userId);
  });
}

export async function deleteSavedView({ ctx, input }: { ctx: ServiceContext; input: { id: string } }): Promise<void> {
  authorize(ctx.actor, 'view.manage');
  const { tenantId, userId } = ctx.actor;
  if (!tenantId || !userId) throw new NotFound(NOT_FOUND);
  await ctx.db.transaction(async (tx) => {
    const before = await findView(tx, tenantId, input.id, true);
    if (!before || before.user_id !== userId) throw new NotFound(NOT_FOUND);
    await deleteView(tx, tenantId, input.id);
    await writeAudit(tx, ctx, {
      tenantId,
      action: 'delete',
      entity: 'saved_view',
      entityId: input.id,
      before: { name: before.name, items: before.items },
    });
  });
}
