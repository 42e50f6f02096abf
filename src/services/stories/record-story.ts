// Tells the story behind a number for a target and period (nguyên nhân / giải pháp / kiến nghị). Whoever may enter
// the target's figures may tell it (an agency editor only for its agency's indicators). Each telling is a new
// version; nothing is overwritten, and every version is audited.
import { isPeriodCode } from '../../core/periods/period.ts';
import { NotFound, ValidationError, type FieldIssue } from '../../core/errors.ts';
import { findStoryTarget, insertStory } from '../../storage/repositories/stories-repo.ts';
import { writeAudit } from '../audit.ts';
import type { ServiceContext } from '../context.ts';
import { authorize } from '../policy.ts';
import { checkAgency, checkCommune } from '../observations/access.ts';

export interface RecordStoryInput {
  targetId: string;
  period: string;
  cause: string;
  measures: string;
  requests?: string | null;
}

const clean = (s: string | null | undefined): string => (s ?? '').normalize('NFC').trim();

export async function recordStory({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: RecordStoryInput;
}): Promise<{ id: string; seq: number }> {
  const scope = authorize(ctx.actor, 'observation.enter');
  const cause = clean(input.cause);
  const measures = clean(input.measures);
  const requests = clean(input.requests) || null;
  const issues: FieldIssue[] = [];
  const required = { vi: 'bắt buộc, không được để trống', en: 'required, must not be empty' };
  if (!isPeriodCode(input.period))
    issues.push({ path: 'period', reason: { vi: 'kỳ không hợp lệ', en: 'not a valid period' } });
  if (!cause) issues.push({ path: 'cause', reason: required });
  if (!measures) issues.push({ path: 'measures', reason: required });
  if (issues.length > 0) {
    throw new ValidationError(
      {
        vi: `Giải trình chưa đủ: ${issues.map((i) => `${i.path}: ${i.reason.vi}`).join('; ')}`,
        en: `The explanation is incomplete: ${issues.map((i) => `${i.path}: ${i.reason.en}`).join('; ')}`,
      },
      issues,
    );
  }
  const tenantId = ctx.actor.tenantId;
  return ctx.db.transaction(async (tx) => {
    const target = tenantId ? await findStoryTarget(tx, tenantId, input.targetId) : null;
    if (!tenantId || !target) throw new NotFound({ vi: 'mục tiêu', en: 'Target' });
    checkAgency(ctx.actor, scope, target.owner_agency_id);
    // A commune editor explains only a target set for its own commune (never the city's).
    checkCommune(ctx.actor, scope, target.unit_id ?? '');
    const written = await insertStory(tx, {
      tenantId,
      targetId: target.id,
      period: input.period,
      cause,
      measures,
      requests,
      authorId: ctx.actor.userId,
    });
    await writeAudit(tx, ctx, {
      tenantId,
      action: 'create',
      entity: 'target_story',
      entityId: written.id,
      after: { targetId: target.id, period: input.period, seq: written.seq, cause, measures, requests },
    });
    return written;
  });
}
