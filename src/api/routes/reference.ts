// Read-only resources: one plan, units, agencies, indicators, targets, breakthroughs, tasks, projects, users, audit.
import type { FastifyInstance } from 'fastify';
import Type, { type TSchema } from 'typebox';
import type { Runtime } from '../../runtime.ts';
import type { Action } from '../../services/policy.ts';
import { listBreakthroughRollups } from '../../services/breakthroughs/list-breakthrough-rollups.ts';
import { listAuditLog } from '../../services/audit-log/list-audit-log.ts';
import { getPlan } from '../../services/reference/get-plan.ts';
import { listAgencies } from '../../services/reference/list-agencies.ts';
import { listBreakthroughs } from '../../services/reference/list-breakthroughs.ts';
import { listIndicators } from '../../services/reference/list-indicators.ts';
import { listTargets } from '../../services/reference/list-targets.ts';
import { listUnits } from '../../services/reference/list-units.ts';
import { listProjects } from '../../services/projects/list-projects.ts';
import { listTasks } from '../../services/tasks/list-tasks.ts';
import { listUsers } from '../../services/users/list-users.ts';
import type { ServiceContext } from '../../services/context.ts';
import {
  AgencyItemSchema,
  BreakthroughItemSchema,
  BreakthroughRollupsSchema,
  IndicatorItemSchema,
  PlanDocumentSchema,
  ProjectItemSchema,
  TaskItemSchema,
} from '../schemas/plan-pages.ts';
import { Common, PageQuery, SortQuery } from './pagination.ts';
import { PlanSchema } from './plans.ts';
import { contextOf } from './route-table.ts';

type Lister = (a: {
  ctx: ServiceContext;
  input: Record<string, unknown>;
}) => Promise<{ items: unknown[]; nextCursor: string | null }>;

const Filters = {
  tenant: Type.Optional(Common.code),
  plan: Type.Optional(Common.code),
  agency: Type.Optional(Common.code),
  group: Type.Optional(Common.code),
  indicatorId: Type.Optional(Common.id),
  level: Type.Optional(
    Type.Union(['province', 'commune', 'ward', 'special_zone', 'district'].map((l) => Type.Literal(l))),
  ),
  status: Type.Optional(Type.String({ maxLength: 40, pattern: '^[a-z_]+$' })),
  entity: Type.Optional(Type.String({ maxLength: 40, pattern: '^[a-z_]+$' })),
  entityId: Type.Optional(Type.String({ maxLength: 80 })),
  actor: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
  action: Type.Optional(Type.String({ maxLength: 40, pattern: '^[a-z_]+$' })),
  from: Type.Optional(Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' })),
  to: Type.Optional(Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' })),
};
type FilterName = keyof typeof Filters;

// Each list names its policy action and the filters it accepts; unknown query parameters are refused.
// `sorts` names the fields `?sort=` accepts (the first is the default); lists without it take no sort.
const LISTS: {
  url: string;
  action: Action;
  tag: string;
  summary: string;
  filters: FilterName[];
  sorts?: string[];
  /** The schema of one item, when the list has one (the rest are described as they come). */
  item?: TSchema;
  run: Lister;
}[] = [
  {
    url: '/units',
    action: 'reference.read',
    tag: 'reference',
    summary: 'Administrative units',
    filters: ['tenant', 'level'],
    run: listUnits as Lister,
  },
  {
    url: '/agencies',
    action: 'reference.read',
    tag: 'reference',
    summary: 'Agencies',
    filters: ['tenant'],
    item: AgencyItemSchema,
    run: listAgencies as Lister,
  },
  {
    url: '/indicators',
    action: 'reference.read',
    tag: 'reference',
    summary: 'Indicators',
    filters: ['tenant', 'plan', 'agency', 'group'],
    sorts: ['code', 'name', 'group', 'agency'],
    item: IndicatorItemSchema,
    run: listIndicators as Lister,
  },
  {
    url: '/targets',
    action: 'reference.read',
    tag: 'reference',
    summary: 'Targets',
    filters: ['tenant', 'plan', 'indicatorId'],
    run: listTargets as Lister,
  },
  {
    url: '/breakthroughs',
    action: 'reference.read',
    tag: 'reference',
    summary: 'Breakthroughs',
    filters: ['tenant', 'plan'],
    item: BreakthroughItemSchema,
    run: listBreakthroughs as Lister,
  },
  {
    url: '/tasks',
    action: 'task.read',
    tag: 'tasks',
    summary: 'Tasks and solutions (parentId gives the tree)',
    filters: ['tenant', 'plan', 'agency', 'status'],
    sorts: ['code', 'title', 'deadline', 'status'],
    item: TaskItemSchema,
    run: listTasks as Lister,
  },
  {
    url: '/projects',
    action: 'project.read',
    tag: 'projects',
    summary: 'Key projects with milestones and progress',
    filters: ['tenant', 'plan', 'agency', 'status'],
    sorts: ['code', 'title', 'status', 'agency', 'start'],
    item: ProjectItemSchema,
    run: listProjects as Lister,
  },
  {
    url: '/users',
    action: 'user.read',
    tag: 'users',
    summary: 'Accounts of the tenant (admin)',
    filters: [],
    run: listUsers as Lister,
  },
  {
    url: '/audit-log',
    action: 'audit.read',
    tag: 'audit',
    summary:
      'Audit log, newest first (admin, inspector); filter by who (actor), what (action, entity) and when (from, to)',
    filters: ['entity', 'entityId', 'actor', 'action', 'from', 'to'],
    sorts: ['-at', 'action', 'entity'],
    run: listAuditLog as Lister,
  },
];

export async function referenceRoutes(api: FastifyInstance, runtime: Runtime): Promise<void> {
  api.get(
    '/plans/:code',
    {
      config: { action: 'plan.read' },
      schema: {
        tags: ['plans'],
        summary: 'One plan',
        params: Type.Object({ code: Common.code }, { additionalProperties: false }),
        response: {
          200: Type.Intersect([
            PlanSchema,
            Type.Object({
              description: Type.Union([Type.String(), Type.Null()]),
              version: Type.Integer({ description: 'the version an edit of the plan names in If-Match' }),
              documents: Type.Array(PlanDocumentSchema),
            }),
          ]),
        },
      },
    },
    async (req) => getPlan({ ctx: contextOf(runtime, req), input: req.params as { code: string } }),
  );
  api.get(
    '/plans/:code/breakthroughs',
    {
      config: { action: 'reference.read' },
      schema: {
        tags: ['reference'],
        summary: 'The plan’s breakthroughs with the tasks, projects and indicators that carry them, rolled up',
        params: Type.Object({ code: Common.code }, { additionalProperties: false }),
        response: { 200: BreakthroughRollupsSchema },
      },
    },
    async (req) => listBreakthroughRollups({ ctx: contextOf(runtime, req), input: req.params as { code: string } }),
  );
  for (const l of LISTS) {
    const props = Object.fromEntries(l.filters.map((f) => [f, Filters[f]]));
    api.get(
      l.url,
      {
        config: { action: l.action },
        schema: {
          tags: [l.tag],
          summary: l.sorts ? `${l.summary}; sort: ${l.sorts.join(', ')} (- for descending)` : l.summary,
          querystring: Type.Object(
            { ...props, ...PageQuery, ...(l.sorts ? SortQuery : {}) },
            { additionalProperties: false },
          ),
          response: {
            200: Type.Object({
              items: Type.Array(l.item ?? Type.Unknown()),
              nextCursor: Type.Union([Type.String(), Type.Null()]),
            }),
          },
        },
      },
      async (req) => l.run({ ctx: contextOf(runtime, req), input: req.query as Record<string, unknown> }),
    );
  }
}
