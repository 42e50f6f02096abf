// Response schemas of the reads behind the plan's pages (indicators, agencies, tasks, key projects, breakthroughs and
// their roll-up, the plan with its documents), so that the web app's types are generated, not written by hand.
import Type from 'typebox';
import {
  MEMBER_STANDINGS,
  MILESTONE_STATUSES,
  PROJECT_ROLES,
  PROJECT_STATUSES,
  ROLLUP_STATUSES,
  TASK_STATUSES,
  TASK_TIMELINESS,
} from '../../core/progress-tracking/vocabulary.ts';
import { WORKFLOW_STATES } from '../../core/vocabulary.ts';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);
const literals = (values: readonly string[]) => Type.Union(values.map((v) => Type.Literal(v)));
const Decimal = Type.String({ description: 'canonical decimal' });

export const IndicatorItemSchema = Type.Object({
  id: Type.String(),
  tenant: Type.String(),
  plan: Nullable(Type.String()),
  code: Type.String(),
  name: Type.String(),
  unitOfMeasure: Nullable(Type.String()),
  group: Nullable(Type.String()),
  frequency: Nullable(Type.String()),
  direction: Nullable(Type.String()),
  measure: Nullable(Type.String()),
  agency: Nullable(Type.String()),
});

export const AgencyItemSchema = Type.Object({
  id: Type.String(),
  tenant: Type.String(),
  code: Type.String(),
  name: Type.String(),
  kind: Type.String(),
});

export const BreakthroughItemSchema = Type.Object({
  id: Type.String(),
  tenant: Type.String(),
  plan: Type.String(),
  code: Type.String(),
  title: Type.String(),
  body: Nullable(Type.String()),
});

export const TaskItemSchema = Type.Object({
  id: Type.String(),
  tenant: Type.String(),
  plan: Type.String(),
  parentId: Nullable(Type.String()),
  code: Type.String(),
  title: Type.String(),
  agency: Nullable(Type.String()),
  deadline: Nullable(Type.String()),
  status: literals(TASK_STATUSES),
  timeliness: literals(TASK_TIMELINESS),
  finishedOn: Nullable(Type.String()),
  latestReport: Nullable(
    Type.Object({
      period: Type.String(),
      progressPercent: Nullable(Decimal),
      narrative: Type.String(),
      workflowState: literals(WORKFLOW_STATES),
      enteredAt: Type.String(),
    }),
  ),
  version: Type.Integer(),
});

export const ProjectItemSchema = Type.Object({
  id: Type.String(),
  tenant: Type.String(),
  plan: Nullable(Type.String()),
  code: Type.String(),
  title: Type.String(),
  role: literals(PROJECT_ROLES),
  agency: Nullable(Type.String()),
  status: literals(PROJECT_STATUSES),
  version: Type.Integer({ description: 'the version an edit names in If-Match' }),
  budget: Nullable(Decimal),
  capitalSource: Nullable(Type.String()),
  period: Type.Object({ start: Nullable(Type.String()), end: Nullable(Type.String()) }),
  milestones: Type.Array(
    Type.Object({
      code: Type.String(),
      title: Type.String(),
      status: literals(MILESTONE_STATUSES),
      dueDate: Nullable(Type.String()),
      dateMet: Nullable(Type.String()),
    }),
  ),
  progress: Type.Array(
    Type.Object({
      period: Type.String(),
      physicalActualPercent: Nullable(Decimal),
      disbursed: Nullable(Decimal),
      workflowState: literals(WORKFLOW_STATES),
    }),
  ),
});

export const PlanDocumentSchema = Type.Object({
  id: Type.String(),
  code: Nullable(Type.String()),
  kind: Type.String(),
  number: Nullable(Type.String()),
  issuedOn: Nullable(Type.String()),
  issuer: Nullable(Type.String()),
  title: Type.String(),
  url: Nullable(Type.String()),
  role: literals(['plan', 'target', 'milestone', 'task', 'source']),
});

const RolledMember = Type.Object({
  entity: literals(['task', 'project', 'indicator']),
  code: Type.String(),
  name: Type.String(),
  standing: literals(MEMBER_STANDINGS),
  state: Type.String({ description: 'the member’s verdict, project stage or task timeliness' }),
});

export const BreakthroughRollupsSchema = Type.Object({
  plan: Type.String(),
  asOf: Type.String(),
  items: Type.Array(
    Type.Object({
      id: Type.String(),
      code: Type.String(),
      title: Type.String(),
      body: Nullable(Type.String()),
      version: Type.Integer({ description: 'the version an edit names in If-Match' }),
      rollup: Type.Object(
        {
          status: literals(ROLLUP_STATUSES),
          rule: Type.Literal('worst_member'),
          counts: Type.Record(Type.String(), Type.Integer()),
          decidedBy: Type.Array(RolledMember),
          members: Type.Array(RolledMember),
        },
        { description: 'worst member decides; members without evidence count only when nothing else does' },
      ),
    }),
  ),
});
