// The figure checks as the form is typed: the same door every stored figure passes (check-figure.ts), run in a
// transaction that writes nothing. The answer says whether the figure would be accepted, refused (naming each
// field and why, in both languages) or needs a confirmation with a reason (with the plausibility flags).
import { NotFound, ValidationError } from '../../core/errors.ts';
import type { PlausibilityFlag } from '../../core/checks/figure-checks.ts';
import { findIndicatorRef, unitExists } from '../../storage/repositories/observations-repo.ts';
import type { ServiceContext } from '../context.ts';
import { authorize } from '../policy.ts';
import { checkAgency, checkCommune } from './access.ts';
import { checkFigureFor } from './check-figure.ts';

export interface CheckObservationInput {
  indicatorId: string;
  unitId: string;
  period: string;
  value: string;
  confirmImplausible?: boolean;
  reason?: string | null;
}

export interface CheckObservationResult {
  /** accepted: it would be stored; needs_confirmation: implausible, confirm with a reason; refused: cannot be right. */
  outcome: 'accepted' | 'needs_confirmation' | 'refused';
  /** The figure as it would be stored and printed ("8,3–8,5", "102/275"); null when refused. */
  valueText: string | null;
  value: string | null;
  issues: { path: string; reason: { vi: string; en: string } }[];
  flags: { code: string; field: string; value: string; messages: { vi: string; en: string } }[];
  message: { vi: string; en: string } | null;
}

export async function checkObservation({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: CheckObservationInput;
}): Promise<CheckObservationResult> {
  const scope = authorize(ctx.actor, 'observation.enter');
  const tenantId = ctx.actor.tenantId;
  const indicator = tenantId ? await findIndicatorRef(ctx.db, tenantId, input.indicatorId) : null;
  if (!tenantId || !indicator) throw new NotFound({ vi: 'chỉ tiêu', en: 'Indicator' });
  checkAgency(ctx.actor, scope, indicator.owner_agency_id);
  if (!(await unitExists(ctx.db, tenantId, input.unitId))) throw new NotFound({ vi: 'đơn vị hành chính', en: 'Unit' });
  // The same door as entering: a commune editor checks only its own commune's figures.
  checkCommune(ctx.actor, scope, input.unitId);
  try {
    const checked = await checkFigureFor(
      ctx.db,
      { tenantId, indicatorId: input.indicatorId, unitId: input.unitId, now: ctx.now() },
      {
        value: input.value,
        period: input.period,
        confirmImplausible: input.confirmImplausible,
        reason: input.reason ?? null,
      },
    );
    return {
      outcome: 'accepted',
      valueText: checked.valueText,
      value: checked.value,
      issues: [],
      flags: (checked.plausibility?.flags ?? []).map(flagView),
      message: null,
    };
  } catch (e) {
    if (!(e instanceof ValidationError)) throw e;
    const details = e.details as { flags?: PlausibilityFlag[] };
    const implausible = e.code === 'implausible_figure';
    return {
      outcome: implausible ? 'needs_confirmation' : 'refused',
      valueText: null,
      value: null,
      issues: e.issues.map((i) => ({ path: i.path, reason: i.reason })),
      flags: (details.flags ?? []).map(flagView),
      message: e.messages,
    };
  }
}

function flagView(f: PlausibilityFlag): CheckObservationResult['flags'][number] {
  return { code: f.code, field: f.field, value: f.value, messages: f.messages };
}
