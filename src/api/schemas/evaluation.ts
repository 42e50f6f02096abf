// The response schema of a plan evaluation: what GET /plans/{code}/evaluations answers, row by row, described in
// the OpenAPI document so the web app's typed client knows every field. Built from the core's own status lists.
import Type from 'typebox';
import { FORECAST_METHODS, FORECAST_UNAVAILABLE_CODES } from '../../core/forecast/index.ts';
import {
  EVALUATION_STATUSES,
  FINAL_STATUSES,
  OBSERVATION_STATUSES,
  PHASES,
  VINTAGE_KINDS,
  WORKFLOW_STATES,
} from '../../core/vocabulary.ts';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);
const Words = Type.Object({ vi: Type.String(), en: Type.String() });
const literals = (values: readonly string[]) => Type.Union(values.map((v) => Type.Literal(v)));

const Status = literals(EVALUATION_STATUSES);
const VintageStatus = literals(OBSERVATION_STATUSES);

const Vintage = Type.Object({
  versionId: Type.String(),
  seq: Type.Integer(),
  period: Type.String(),
  value: Nullable(Type.String()),
  text: Nullable(Type.String()),
  status: VintageStatus,
  label: Nullable(Type.String()),
  kind: literals(VINTAGE_KINDS),
  publishedOn: Nullable(Type.String()),
  source: Nullable(Type.String()),
  workflowState: literals(WORKFLOW_STATES),
  consolidated: Type.Optional(
    Type.Literal(true, {
      description:
        'a stand-in computed from the former units of a merged unit (no stored version); see the row’s baseline',
    }),
  ),
});

const BaselineConsolidation = Type.Object({
  period: Type.String(),
  status: literals(['complete', 'incomplete', 'refused']),
  value: Nullable(Type.String({ description: 'decimal string' })),
  text: Nullable(Type.String({ description: 'vi-VN formatted' })),
  price_basis: Nullable(Type.String()),
  method: Words,
  formula: Words,
  explanation: Words,
  inputs: Type.Array(
    Type.Object({
      unit: Type.String(),
      unitName: Nullable(Type.String()),
      role: Type.String(),
      series: Type.String(),
      seriesName: Type.Optional(Words),
      plan: Type.String(),
      indicator: Type.String(),
      period: Type.String(),
      value: Type.String(),
      text: Type.String(),
      status: Type.String(),
      priceBasis: Type.String(),
      source: Type.Object({ title: Nullable(Type.String()), line: Nullable(Type.Integer()) }),
      versionId: Type.String(),
    }),
  ),
  missing: Type.Array(
    Type.Object({
      unit: Type.String(),
      series: Type.String(),
      seriesName: Type.Optional(Words),
      period: Type.String(),
      reason: Words,
    }),
  ),
  refusal: Nullable(Words),
  comparison: Nullable(Words),
  footnote: Words,
  enterInstead: Nullable(Words),
});

const ForecastUnavailable = Type.Object({
  unavailable: Type.Object({ code: literals(FORECAST_UNAVAILABLE_CODES), vi: Type.String(), en: Type.String() }),
});

const Indicator = Type.Object({
  code: Type.String(),
  name: Type.String(),
  unit: Type.String(),
  parent: Nullable(Type.String()),
});

const RequiredKind = literals(['average_rate', 'yearly_flow', 'yearly_change', 'done']);

const NotCounted = Type.Object(
  {
    reason: literals(['draft', 'other_scope', 'parallel']),
    scope: Type.Optional(Type.Object({ code: Type.String(), name: Type.String() })),
    countedTargetId: Type.Optional(Type.String({ description: 'the target in force that counts instead' })),
    splitFrom: Type.Optional(
      Type.String({ description: 'for a commune’s share of a city target split by commune: the city target' }),
    ),
    words: Words,
  },
  {
    description:
      'shown but left out of the counts and the summary: a draft, a target for another unit than the plan’s, or a second target in force for the same indicator, scope and final year',
  },
);

export const EvaluationRowSchema = Type.Object({
  targetId: Type.String({
    description: 'the target, or composite:<indicator id> for a parent judged from its children',
  }),
  indicator: Indicator,
  target: Type.Object({
    kind: Type.String(),
    text: Type.String(),
    line: Nullable(Type.Integer()),
    document: Nullable(
      Type.Object({
        kind: Type.String(),
        number: Nullable(Type.String()),
        issued_on: Nullable(Type.String()),
        issuer: Nullable(Type.String()),
        title: Type.String(),
      }),
    ),
  }),
  actual: Type.Object({
    value: Nullable(Type.String({ description: 'decimal string' })),
    text: Nullable(Type.String({ description: 'vi-VN formatted, with unit and "(ước)" when it rests on an estimate' })),
    period: Nullable(Type.String()),
    basis: Nullable(Type.Object({ code: Type.String(), label: Type.String() })),
    method: Nullable(Type.String()),
    estimate: Type.Boolean(),
  }),
  inputs: Type.Array(Vintage),
  status: Nullable(Status),
  phase: Nullable(literals(PHASES)),
  decided: Nullable(literals(FINAL_STATUSES)),
  displayStatus: Nullable(Words),
  achievement: Nullable(Type.String()),
  required: Nullable(
    Type.Object({
      kind: RequiredKind,
      value: Type.String(),
      target: Type.String(),
      remainingYears: Type.Integer(),
      fromYear: Type.Integer(),
      toYear: Type.Integer(),
    }),
  ),
  projection: Nullable(
    Type.Object({
      value: Type.String(),
      year: Type.Integer(),
      method: Type.String(),
      progressRatio: Nullable(Type.String()),
    }),
  ),
  method: Nullable(Type.Object({ name: Type.String(), parameters: Type.Record(Type.String(), Type.Unknown()) })),
  intermediates: Type.Record(Type.String(), Type.String()),
  explanation: Words,
  period: Nullable(
    Type.Object({
      period: Type.String(),
      label: Type.String(),
      cutoff: Type.Object({ from: Type.String(), to: Type.String() }),
      cutoffLabel: Type.String(),
      dueDate: Type.String(),
      rulesId: Type.String(),
    }),
  ),
  reported: Nullable(Type.Object({ text: Type.String(), status: Type.String(), line: Nullable(Type.Integer()) })),
  error: Nullable(Type.Object({ code: Type.String(), messages: Words })),
  override: Nullable(
    Type.Object({
      status: Status,
      reason: Type.String(),
      by: Type.String(),
      at: Type.String(),
      original: Status,
    }),
  ),
  composite: Type.Optional(Type.Literal(true)),
  forecast: Nullable(
    Type.Union([
      Type.Object(
        {
          pMet: Type.Number({ minimum: 0, maximum: 1, description: 'P(met at the term’s end); 0 or 1 once decided' }),
          interval: Type.Object({ low: Type.String(), high: Type.String(), level: Type.Number() }),
          fan: Type.Optional(
            Type.Array(
              Type.Object({ year: Type.Integer(), low: Type.String(), median: Type.String(), high: Type.String() }),
            ),
          ),
          method: literals(FORECAST_METHODS),
          inputs: Type.Record(Type.String(), Type.Union([Type.String(), Type.Number(), Type.Boolean(), Type.Null()])),
          sentence: Words,
        },
        { description: 'while the term runs: the probability of meeting the target (docs/forecast.md)' },
      ),
      ForecastUnavailable,
    ]),
  ),
  unitCounts: Type.Optional(
    Type.Array(
      Type.Object({
        period: Type.String(),
        date: Type.String(),
        count: Type.Integer(),
        of: Type.Integer(),
        share: Type.String(),
        notMeeting: Type.Optional(
          Type.Array(
            Type.Object({
              code: Type.String(),
              name: Type.String(),
              owners: Type.Array(Type.String(), { description: 'the commune editors who answer for its figures' }),
              reason: literals(['not_met', 'no_figure']),
            }),
            { description: 'the units valid at the year’s end not meeting the standard' },
          ),
        ),
      }),
    ),
  ),
  baseline: Type.Optional(
    Type.Object(
      {
        source: literals(['consolidated', 'entered', 'missing']),
        period: Type.String(),
        consolidation: BaselineConsolidation,
      },
      {
        description:
          'a merged unit’s base-period figure: consolidated from the former units and used, a figure entered for the unit (it wins), or missing (the consolidation names what lacks)',
      },
    ),
  ),
  notCounted: Type.Optional(NotCounted),
});

/**
 * A row as the plan's lists show it (GET /plans/{code}/evaluations/list): the full row with the fields no list shows
 * left out; every field kept has the same name and value as in the full row (docs/decisions/0010-evaluation-list.md).
 */
export const EvaluationListRowSchema = Type.Object({
  targetId: EvaluationRowSchema.properties.targetId,
  indicator: Indicator,
  target: Type.Object({ kind: Type.String(), text: Type.String() }),
  actual: Type.Object({
    value: Nullable(Type.String({ description: 'decimal string' })),
    period: Nullable(Type.String()),
    estimate: Type.Boolean(),
  }),
  inputs: Type.Array(Type.Object({ period: Type.String(), publishedOn: Nullable(Type.String()) }), {
    description: 'the inputs’ periods and publication dates only (the list’s data date is the newest)',
  }),
  status: Nullable(Status),
  displayStatus: Nullable(Words),
  required: Nullable(Type.Object({ kind: RequiredKind, value: Type.String() })),
  method: Type.Optional(
    Type.Object(
      { parameters: Type.Object({ children: Type.Unknown() }) },
      { description: 'only for a composite parent: the count of its children' },
    ),
  ),
  intermediates: Type.Record(Type.String(), Type.String(), {
    description: 'only averageExact (the pace achieved) and childrenReached (a composite’s children reached)',
  }),
  explanation: Words,
  composite: Type.Optional(Type.Literal(true)),
  forecast: Nullable(
    Type.Union([
      Type.Object(
        { pMet: Type.Number({ minimum: 0, maximum: 1 }), sentence: Words },
        { description: 'while the term runs: the probability of meeting the target and its sentence' },
      ),
      ForecastUnavailable,
    ]),
  ),
  notCounted: Type.Optional(NotCounted),
});

const StatusCounts = Type.Record(Type.String(), Type.Integer());

export const PlanEvaluationSchema = Type.Object({
  plan: Type.Object({
    code: Type.String(),
    name: Type.String(),
    term: Type.Object({ firstYear: Type.Integer(), lastYear: Type.Integer() }),
    exceededAs: literals(['exceeded', 'met']),
  }),
  asOf: Type.String(),
  dataBasis: literals(['approved', 'all']),
  publishedOn: Nullable(Type.String()),
  summary: Words,
  counts: Type.Object(
    {
      targets: Type.Integer({
        description:
          'every row that counts: each target in force of the plan’s scope, one per indicator and final year, and each composite parent (the plan list counts the same)',
      }),
      notCounted: Type.Integer({ description: 'rows shown but not counted (drafts, other scopes, parallel targets)' }),
      withFigures: Type.Integer(),
      noFigures: Type.Integer(),
      notEvaluable: Type.Integer(),
      final: StatusCounts,
      inTerm: StatusCounts,
    },
    { description: 'the counts the summary is written from' },
  ),
  computedAt: Nullable(
    Type.String({
      description:
        'when the stored evaluation last changed (a recompute that finds the same rows and counts keeps it); null when computed on request',
    }),
  ),
  rows: Type.Array(EvaluationRowSchema),
});

/** The plan's evaluation as its lists show it: the same answer as PlanEvaluationSchema with list rows. */
export const PlanEvaluationListSchema = Type.Object({
  ...PlanEvaluationSchema.properties,
  rows: Type.Array(EvaluationListRowSchema),
});

/**
 * One indicator's part of the plan's evaluation (its targets' and its sub-indicators' rows), or one target's: the
 * plan answer's header that such a page reads and its full rows, the same objects in the same order.
 */
export const EvaluationPartSchema = Type.Object({
  plan: PlanEvaluationSchema.properties.plan,
  asOf: PlanEvaluationSchema.properties.asOf,
  dataBasis: PlanEvaluationSchema.properties.dataBasis,
  publishedOn: PlanEvaluationSchema.properties.publishedOn,
  computedAt: PlanEvaluationSchema.properties.computedAt,
  rows: Type.Array(EvaluationRowSchema),
});
