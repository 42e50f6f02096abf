// For one indicator of a plan: the table of the plan unit's communes (those valid at the end of the year shown) with
// each commune's figure that counts (the evaluation's choice rule, approved only) and its status: for a
// units-meeting-standard target whether the commune meets it, has a figure saying it does not, or has none; sortable
// and filterable, the same rows the CSV and xlsx downloads carry. The city figure is the plan's own evaluation. When
// the city target has been split by commune, each row also carries the commune's target and its status, read from the
// plan's evaluation (the same rows `chitieu evaluate` and the overview show, labelled and not counted).
import { splitRule, type AggregationKind, type SplitRule } from '../../core/consolidation/index.ts';
import { NotFound, ValidationError } from '../../core/errors.ts';
import { formatNumber } from '../../core/format/number.ts';
import { unitsValidOn, type UnitRecord } from '../../core/units/index.ts';
import { loadChosenVersionsOfIndicator } from '../../storage/repositories/evaluation-inputs-repo.ts';
import { findPlanByCode, planUnit } from '../../storage/repositories/plans-repo.ts';
import { communesOfUnit, splitTargetsOf } from '../../storage/repositories/target-splits-repo.ts';
import { communeOwners } from './commune-owners.ts';
import type { ServiceContext } from '../context.ts';
import { authorize } from '../policy.ts';
import { readPlanEvaluation } from '../evaluations/evaluate-plan.ts';
import type { EvaluationRow } from '../evaluations/present-evaluation.ts';

export const COMMUNE_SORTS = ['code', 'name', 'value', 'status'] as const;
export const COMMUNE_STATUSES = ['meets', 'not_met', 'no_figure', 'reported'] as const;
export type CommuneStatus = (typeof COMMUNE_STATUSES)[number];

export interface CommuneTableInput {
  planCode: string;
  indicatorCode: string;
  /** The year shown; default the latest year with a commune figure. */
  year?: number;
  sort?: (typeof COMMUNE_SORTS)[number];
  order?: 'asc' | 'desc';
  /** Part of the commune's name or code (diacritics kept: "Thử Nghiệm 0"). */
  q?: string;
  status?: CommuneStatus;
}

export interface CommuneRow {
  code: string;
  name: string;
  level: string;
  value: string | null;
  text: string | null;
  figureStatus: string | null;
  status: CommuneStatus;
  statusWords: { vi: string; en: string };
  owners: string[];
  /** The commune's share of the city target when it has been split by commune, with its evaluated status. */
  target: CommuneTarget | null;
}

export interface CommuneTarget {
  id: string;
  /** The commune's value (decimal text) and the target as written. */
  value: string;
  text: string;
  status: EvaluationRow['status'];
  displayStatus: EvaluationRow['displayStatus'];
}

export interface CommuneTable {
  plan: { code: string; name: string };
  indicator: { code: string; name: string; unit: string };
  unit: { code: string; name: string };
  year: number | null;
  standard: string | null;
  /** Whether the indicator counts communes meeting a standard (else each commune's figure is only reported). */
  meetsStandard: boolean;
  /** Over every commune of the year (before filtering): how many meet the standard, of how many. */
  totals: { communes: number; meets: number; notMet: number; noFigure: number };
  /** The city target the commune targets were split from (null when it has not been split), and how they relate. */
  split: { targetId: string; text: string; value: string | null; communes: number } | null;
  /** The city target a split would divide (the indicator's counted target in force), null when it has none. */
  cityTarget: {
    id: string;
    kind: string;
    text: string;
    value: string | null;
    /** How a split's shares relate to it (by the indicator's declared method); null when none is declared. */
    rule: SplitRule | null;
  } | null;
  rows: CommuneRow[];
}

const WORDS: Record<CommuneStatus, { vi: string; en: string }> = {
  meets: { vi: 'Đạt chuẩn', en: 'Meets the standard' },
  not_met: { vi: 'Chưa đạt', en: 'Not yet' },
  no_figure: { vi: 'Chưa có số liệu', en: 'No figure' },
  reported: { vi: 'Có số liệu', en: 'Reported' },
};

export async function communeTable({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: CommuneTableInput;
}): Promise<CommuneTable> {
  authorize(ctx.actor, 'evaluation.read');
  const tenantId = ctx.actor.kind === 'public' ? null : ctx.actor.tenantId;
  const plan = await findPlanByCode(ctx.db, tenantId, input.planCode);
  if (!plan) throw new NotFound({ vi: `nghị quyết "${input.planCode}"`, en: `Plan "${input.planCode}"` });
  const [ind] = await ctx.db.query<{
    id: string;
    code: string;
    name: string;
    unit_of_measure: string;
    target_id: string | null;
    target_text: string | null;
    kind: string | null;
    spec: { standard?: string; value?: string; min?: string } | null;
    method_kind: AggregationKind | null;
  }>(
    // The city target: the first in force that is not a commune's share of a split.
    `SELECT i.id, i.code, i.name, i.unit_of_measure, i.aggregation_method->>'kind' AS method_kind, t.id AS target_id, t.text AS target_text, t.kind, t.spec
       FROM indicators i
       LEFT JOIN LATERAL (SELECT t.id, t.text, t.kind, t.spec FROM targets t
                           WHERE t.tenant_id = i.tenant_id AND t.indicator_id = i.id AND t.stage = 'in_force' AND t.split_from IS NULL
                           ORDER BY t.sort_order, t.id LIMIT 1) t ON true
      WHERE i.tenant_id = $1 AND i.plan_id = $2 AND i.code = $3`,
    [plan.tenant_id, plan.id, input.indicatorCode],
  );
  if (!ind) throw new NotFound({ vi: `chỉ tiêu "${input.indicatorCode}"`, en: `Indicator "${input.indicatorCode}"` });
  const unit = await planUnit(ctx.db, plan.tenant_id, plan.id);
  if (!unit) throw new NotFound({ vi: 'đơn vị của nghị quyết', en: 'The plan’s unit' });
  const children = await communesOfUnit(ctx.db, plan.tenant_id, unit.id);
  const childIds = new Set(children.map((c) => c.id));
  const versions = (await loadChosenVersionsOfIndicator(ctx.db, plan.tenant_id, ind.id)).filter(
    (v) => childIds.has(v.unit_id) && /^\d{4}$/.test(v.period),
  );
  if (input.year !== undefined && (!Number.isInteger(input.year) || input.year < 1900 || input.year > 2200)) {
    throw new ValidationError({ vi: 'Năm không hợp lệ', en: 'Invalid year' }, [
      { path: 'year', reason: { vi: 'năm 1900–2200', en: 'a year 1900–2200' } },
    ]);
  }
  const year = input.year ?? (versions.length > 0 ? Math.max(...versions.map((v) => Number(v.period))) : null);
  const standard = ind.kind === 'units_meeting_standard';
  // The communes as they stood at the end of the year shown (today's list when there is no figure yet).
  const date = year === null ? ctx.now().toISOString().slice(0, 10) : `${year}-12-31`;
  const valid = unitsValidOn(
    children.map((c) => ({
      id: c.id,
      code: c.code,
      name: c.name,
      level: c.level as UnitRecord['level'],
      validFrom: c.valid_from ?? '1900-01-01',
      validTo: c.valid_to,
    })),
    date,
  );
  const byUnit = new Map(versions.filter((v) => Number(v.period) === year).map((v) => [v.unit_id, v]));
  const shares =
    ind.target_id === null
      ? new Map<string, CommuneTarget>()
      : await splitShares(ctx, plan.tenant_id, input.planCode, ind.target_id);
  const owners = await communeOwners(
    ctx,
    plan.tenant_id,
    valid.map((u) => u.code),
  );
  const all: CommuneRow[] = valid.map((u) => {
    const v = byUnit.get(u.id);
    const value = v?.value ?? null;
    const status: CommuneStatus =
      value === null ? 'no_figure' : standard ? (Number(value) === 1 ? 'meets' : 'not_met') : 'reported';
    return {
      code: u.code,
      name: u.name,
      level: u.level,
      value,
      text: value === null ? (v?.value_text ?? null) : formatNumber(value),
      figureStatus: v?.status ?? null,
      status,
      statusWords: WORDS[status],
      owners: owners.get(u.code) ?? [],
      target: shares.get(u.code) ?? null,
    };
  });
  const totals = {
    communes: all.length,
    meets: all.filter((r) => r.status === 'meets').length,
    notMet: all.filter((r) => r.status === 'not_met').length,
    noFigure: all.filter((r) => r.status === 'no_figure').length,
  };
  const q = input.q?.normalize('NFC').toLocaleLowerCase('vi');
  const rows = all.filter(
    (r) =>
      (input.status === undefined || r.status === input.status) &&
      (q === undefined || q === '' || r.code.includes(q) || r.name.toLocaleLowerCase('vi').includes(q)),
  );
  const sort = input.sort ?? 'code';
  const dir = input.order === 'desc' ? -1 : 1;
  const collator = new Intl.Collator('vi');
  const rank: Record<CommuneStatus, number> = { meets: 0, reported: 1, not_met: 2, no_figure: 3 };
  rows.sort((a, b) => {
    const by =
      sort === 'name'
        ? collator.compare(a.name, b.name)
        : sort === 'status'
          ? rank[a.status] - rank[b.status]
          : sort === 'value'
            ? // No figure sorts last whichever the order.
              a.value === null || b.value === null
              ? (a.value === null ? 1 : 0) - (b.value === null ? 1 : 0)
              : Number(a.value) - Number(b.value)
            : collator.compare(a.code, b.code);
    const directed = sort === 'value' && (a.value === null || b.value === null) ? by : by * dir;
    return directed || collator.compare(a.code, b.code);
  });
  return {
    plan: { code: plan.code, name: plan.name },
    indicator: { code: ind.code, name: ind.name, unit: ind.unit_of_measure },
    unit: { code: unit.code, name: unit.name },
    year,
    standard: standard ? (ind.spec?.standard ?? null) : null,
    meetsStandard: standard,
    totals,
    cityTarget:
      ind.target_id === null
        ? null
        : {
            id: ind.target_id,
            kind: ind.kind ?? '',
            text: ind.target_text ?? '',
            value: ind.spec?.value ?? ind.spec?.min ?? null,
            rule: ind.method_kind === null ? null : splitRule({ kind: ind.method_kind }, ind.kind ?? ''),
          },
    split:
      ind.target_id === null || shares.size === 0
        ? null
        : {
            targetId: ind.target_id,
            text: ind.target_text ?? '',
            value: ind.spec?.value ?? ind.spec?.min ?? null,
            communes: shares.size,
          },
    rows,
  };
}

/**
 * Each commune's share of a split city target, by commune code, with its status as the plan's evaluation gives it
 * (one computation: the rows the overview and `chitieu evaluate` show).
 */
async function splitShares(
  ctx: ServiceContext,
  tenantId: string,
  planCode: string,
  cityTargetId: string,
): Promise<Map<string, CommuneTarget>> {
  const split = await splitTargetsOf(ctx.db, tenantId, cityTargetId);
  if (split.length === 0) return new Map();
  const { rows } = await (await readPlanEvaluation({ ctx, input: { planCode } })).view();
  const byId = new Map(rows.map((r) => [r.targetId, r]));
  return new Map(
    split.map((t) => {
      const spec = t.spec as { value?: string; min?: string };
      const row = byId.get(t.id);
      return [
        t.unit_code,
        {
          id: t.id,
          value: spec.value ?? spec.min ?? '',
          text: t.text,
          status: row?.status ?? null,
          displayStatus: row?.displayStatus ?? null,
        },
      ];
    }),
  );
}
