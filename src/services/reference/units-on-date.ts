// The register as it was on a date ("as the unit was") and each of those units carried onto today's boundaries
// (following mergers to the unit that holds its territory now), so old figures can be read on either.
import { ValidationError } from '../../core/errors.ts';
import { isIsoDate } from '../../core/format/date.ts';
import { currentCodeOf, type LineageEvent } from '../../core/units/registry.ts';
import { loadTenantLineage, loadTenantUnits } from '../../storage/repositories/units-repo.ts';
import type { ServiceContext } from '../context.ts';
import { authorize } from '../policy.ts';

export interface UnitOnDateView {
  code: string;
  name: string;
  level: string;
  parent: string | null;
  validFrom: string | null;
  validTo: string | null;
  /** The code that holds this unit's territory today (itself when it still exists). */
  today: { code: string; name: string | null };
}

export async function unitsOnDate({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { on: string; today?: string; level?: string };
}): Promise<{ on: string; today: string; items: UnitOnDateView[] }> {
  authorize(ctx.actor, 'reference.read');
  const today = input.today ?? ctx.now().toISOString().slice(0, 10);
  for (const [field, value] of [
    ['on', input.on],
    ['today', today],
  ] as const)
    if (!isIsoDate(value))
      throw new ValidationError(
        { vi: `${field} phải là ngày có thật dạng YYYY-MM-DD`, en: `${field} must be a real date YYYY-MM-DD` },
        [{ path: field, reason: { vi: 'không phải ngày có thật', en: 'not a real date' } }],
      );
  const tenantId = ctx.actor.tenantId;
  if (!tenantId) return { on: input.on, today, items: [] };
  const units = await loadTenantUnits(ctx.db, tenantId);
  const lineage: LineageEvent[] = (await loadTenantLineage(ctx.db, tenantId))
    .filter((l) => l.effective_on <= today)
    .map((l) => ({ event: l.event as LineageEvent['event'], from: l.from_code, to: l.to_code, date: l.effective_on }));
  const validOn = (u: { valid_from: string | null; valid_to: string | null }, d: string): boolean =>
    (u.valid_from === null || u.valid_from <= d) && (u.valid_to === null || u.valid_to >= d);
  const items = units
    .filter((u) => validOn(u, input.on) && (input.level === undefined || u.level === input.level))
    .map((u) => {
      const code = currentCodeOf(u.code, lineage);
      const now = units.find((x) => x.code === code && validOn(x, today));
      return {
        code: u.code,
        name: u.name,
        level: u.level,
        parent: u.parent_code,
        validFrom: u.valid_from,
        validTo: u.valid_to,
        today: { code, name: now?.name ?? null },
      };
    });
  return { on: input.on, today, items };
}
