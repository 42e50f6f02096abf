// The agency's Excel template of a plan: exactly the indicators the agency owns and, for each, the periods whose
// report is due and that have no approved figure yet. The writer (src/reports/figure-template-xlsx.ts) draws it.
import { Forbidden, NotFound } from '../../core/errors.ts';
import { formatDateShort } from '../../core/format/date.ts';
import { periodLabel, periodsDue, writeKey } from '../../core/interchange/template-key.ts';
import {
  findAgencyByCode,
  loadImportIndicators,
  loadNewestVersions,
  loadUnitCodes,
} from '../../storage/repositories/figure-import-repo.ts';
import { findPlanByCode } from '../../storage/repositories/plans-repo.ts';
import type { ServiceContext } from '../context.ts';
import { authorize, tenantFilter } from '../policy.ts';

export interface TemplateRow {
  key: string;
  indicatorCode: string;
  indicatorName: string;
  unitOfMeasure: string;
  unitCode: string;
  period: string;
  periodLabel: string;
  /** A figure entered but not yet approved, shown so the clerk does not type it twice. */
  pending: string | null;
}

export interface FigureTemplateModel {
  planCode: string;
  planName: string;
  agencyCode: string;
  agencyName: string;
  asOf: string;
  asOfText: string;
  rows: TemplateRow[];
}

const VN_DATE = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' });

export async function buildFigureTemplate({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { planCode: string; agencyCode: string; asOf?: string };
}): Promise<FigureTemplateModel> {
  const scope = authorize(ctx.actor, 'data.template');
  const plan = await findPlanByCode(ctx.db, tenantFilter(ctx.actor), input.planCode);
  if (!plan) throw new NotFound({ vi: `nghị quyết "${input.planCode}"`, en: `Plan "${input.planCode}"` });
  const agency = await findAgencyByCode(ctx.db, plan.tenant_id, input.agencyCode);
  if (!agency) throw new NotFound({ vi: `cơ quan mã "${input.agencyCode}"`, en: `Agency "${input.agencyCode}"` });
  if (scope === 'agency' && agency.id !== ctx.actor.agencyId) throw new Forbidden();
  const asOf = input.asOf ?? VN_DATE.format(ctx.now());
  const [indicators, newest, units] = await Promise.all([
    loadImportIndicators(ctx.db, plan.tenant_id, plan.id),
    loadNewestVersions(ctx.db, plan.tenant_id, plan.id),
    loadUnitCodes(ctx.db, plan.tenant_id),
  ]);
  const unitCode = plan.unit_code ?? '';
  const unitId = units.find((u) => u.code === unitCode)?.id ?? null;
  const latest = new Map(newest.filter((n) => n.unit_id === unitId).map((n) => [`${n.indicator_id}|${n.period}`, n]));
  const rows: TemplateRow[] = [];
  for (const i of indicators) {
    if (i.owner_agency_id !== agency.id) continue;
    for (const period of periodsDue(i.frequency, plan.first_year, plan.last_year, asOf)) {
      const n = latest.get(`${i.id}|${period}`);
      if (n?.workflow_state === 'approved') continue;
      rows.push({
        key: writeKey({ planCode: plan.code, indicatorCode: i.code, unitCode, period }),
        indicatorCode: i.code,
        indicatorName: i.name,
        unitOfMeasure: i.unit_of_measure,
        unitCode,
        period,
        periodLabel: periodLabel(period),
        pending: n?.value_text ?? null,
      });
    }
  }
  return {
    planCode: plan.code,
    planName: plan.name,
    agencyCode: agency.code,
    agencyName: agency.name,
    asOf,
    asOfText: formatDateShort(asOf),
    rows,
  };
}
