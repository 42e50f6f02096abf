// Open exports of a plan: its figures (the newest version of each, in the long format the import reads back) and its
// targets as CSV, and its figures as SDMX-CSV (one dataflow per plan). The public gets approved figures only.
import { NotFound } from '../../core/errors.ts';
import { csvLine, sdmxPeriod, sdmxStatus } from '../../core/interchange/csv.ts';
import { loadExportFigures, loadExportTargets } from '../../storage/repositories/figure-import-repo.ts';
import { findPlanByCode } from '../../storage/repositories/plans-repo.ts';
import type { ServiceContext } from '../context.ts';
import { authorize, tenantFilter } from '../policy.ts';

export const EXPORT_FORMATS = ['csv', 'targets-csv', 'sdmx-csv'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export async function exportPlanFigures({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { planCode: string; format: ExportFormat };
}): Promise<{ text: string; fileName: string }> {
  authorize(ctx.actor, 'data.export');
  const plan = await findPlanByCode(ctx.db, tenantFilter(ctx.actor), input.planCode);
  if (!plan) throw new NotFound({ vi: `nghị quyết "${input.planCode}"`, en: `Plan "${input.planCode}"` });
  const lines: string[] = [];
  if (input.format === 'targets-csv') {
    lines.push(csvLine(['indicator', 'unit', 'kind', 'text', 'first_year', 'last_year', 'spec']));
    for (const t of await loadExportTargets(ctx.db, plan.tenant_id, plan.id))
      lines.push(
        csvLine([t.indicator_code, t.unit_code, t.kind, t.text, t.first_year, t.last_year, JSON.stringify(t.spec)]),
      );
    return { text: lines.join(''), fileName: `${plan.code}-targets.csv` };
  }
  const figures = await loadExportFigures(ctx.db, plan.tenant_id, plan.id, ctx.actor.kind === 'public');
  if (input.format === 'sdmx-csv') {
    lines.push(
      csvLine([
        'DATAFLOW',
        'INDICATOR',
        'REF_AREA',
        'TIME_PERIOD',
        'OBS_VALUE',
        'OBS_STATUS',
        'UNIT_MEASURE',
        'COMMENT',
      ]),
    );
    const flow = `CHITIEU:${plan.code.toUpperCase().replace(/-/g, '_')}(1.0)`;
    for (const f of figures)
      lines.push(
        csvLine([
          flow,
          f.indicator_code,
          f.unit_code,
          sdmxPeriod(f.period),
          f.value,
          sdmxStatus(f.status),
          f.unit_of_measure,
          // A figure published as a range or a bound has no single value: its text says what it is.
          f.value === null ? f.value_text : null,
        ]),
      );
    return { text: lines.join(''), fileName: `${plan.code}.sdmx.csv` };
  }
  lines.push(
    csvLine([
      'indicator',
      'unit',
      'period',
      'value',
      'stage',
      'source',
      'published_on',
      'note',
      'workflow_state',
      'version',
    ]),
  );
  for (const f of figures)
    lines.push(
      csvLine([
        f.indicator_code,
        f.unit_code,
        f.period,
        f.value_text ?? f.value,
        f.status,
        f.source_text,
        f.published_on,
        f.reason,
        f.workflow_state,
        f.seq,
      ]),
    );
  return { text: lines.join(''), fileName: `${plan.code}-figures.csv` };
}
