// The one policy: which role may do which action, and over what scope. Every service asks here first, and every
// API route names its action, so the tests can enumerate route × role and compare with this table.
import { Forbidden, Unauthenticated } from '../core/errors.ts';
import type { Actor, Role } from './context.ts';

export const ACTIONS = [
  'session.login',
  'session.read',
  'session.logout',
  'session.update',
  'plan.read',
  'reference.read',
  'reference.manage',
  'observation.read',
  'observation.enter',
  'obligation.read',
  'observation.submit',
  'observation.review',
  'evaluation.read',
  'evaluation.override',
  'vintage.add',
  'plan.draft',
  'plan.create',
  'task.read',
  'task_report.enter',
  'task_report.submit',
  'task_report.review',
  'project.read',
  'project_progress.enter',
  'project_progress.submit',
  'project_progress.review',
  'user.read',
  'user.manage',
  'audit.read',
  'report.issue',
  'report.read_issued',
  'data.template',
  'data.import',
  'data.export',
  'plan.document',
  'tenant.backup',
  'notification.read',
  'explanation.read',
  'explanation.request',
  'explanation.answer',
  'view.read',
  'view.manage',
  'evidence.read',
] as const;
export type Action = (typeof ACTIONS)[number];

/**
 * What a grant covers:
 * - `tenant`: everything in the actor's own tenant;
 * - `agency`: in the actor's tenant, only the indicators, tasks and projects the actor's agency owns;
 * - `commune`: in the actor's tenant, only the figures of the actor's own commune (a commune editor);
 * - `published`: approved figures only (the public portal), any tenant;
 * - `self`: the actor's own session.
 */
export type Scope = 'tenant' | 'agency' | 'commune' | 'published' | 'self';
export type Principal = Role | 'public';
export const PRINCIPALS: readonly Principal[] = [
  'admin',
  'plan_owner',
  'agency_editor',
  'approver',
  'reader',
  'inspector',
  'commune_editor',
  'public',
];

const READ_ALL: Partial<Record<Principal, Scope>> = {
  admin: 'tenant',
  plan_owner: 'tenant',
  agency_editor: 'tenant',
  approver: 'tenant',
  reader: 'tenant',
  inspector: 'tenant',
  commune_editor: 'tenant',
  public: 'published',
};
const TENANT_MEMBERS: Partial<Record<Principal, Scope>> = {
  admin: 'tenant',
  plan_owner: 'tenant',
  agency_editor: 'tenant',
  approver: 'tenant',
  reader: 'tenant',
  inspector: 'tenant',
};
const SIGNED_IN: Partial<Record<Principal, Scope>> = {
  admin: 'self',
  plan_owner: 'self',
  agency_editor: 'self',
  approver: 'self',
  reader: 'self',
  inspector: 'self',
  commune_editor: 'self',
};
const STAFF: Partial<Record<Principal, Scope>> = {
  admin: 'tenant',
  plan_owner: 'tenant',
  agency_editor: 'tenant',
  approver: 'tenant',
  reader: 'tenant',
  inspector: 'tenant',
};
// Entering data: the plan owner and admin for the whole tenant, an agency editor for what its agency owns.
const ENTER: Partial<Record<Principal, Scope>> = { admin: 'tenant', plan_owner: 'tenant', agency_editor: 'agency' };
// Figures by commune: a commune editor enters and submits its own commune's figures (never tasks or projects), and
// an approver reviews them like any other.
const ENTER_FIGURES: Partial<Record<Principal, Scope>> = { ...ENTER, commune_editor: 'commune' };
// Reviewing is the approver's alone (and the admin's): the plan owner who enters data does not approve it.
const REVIEW: Partial<Record<Principal, Scope>> = { admin: 'tenant', approver: 'tenant' };

export const POLICY: Record<Action, Partial<Record<Principal, Scope>>> = {
  'session.login': { public: 'self' },
  'session.read': SIGNED_IN,
  'session.logout': SIGNED_IN,
  'session.update': SIGNED_IN,
  'plan.read': READ_ALL,
  'reference.read': READ_ALL,
  'reference.manage': { admin: 'tenant', plan_owner: 'tenant' },
  'observation.read': READ_ALL,
  'observation.enter': ENTER_FIGURES,
  // What each agency owes (figures due, late, returned) is the tenant's workflow, not the public's.
  'obligation.read': TENANT_MEMBERS,
  'observation.submit': ENTER_FIGURES,
  'observation.review': REVIEW,
  'evaluation.read': READ_ALL,
  // A manual verdict and a published vintage are the plan owner's word on the plan as a whole, not an agency's.
  'evaluation.override': { admin: 'tenant', plan_owner: 'tenant' },
  'vintage.add': { admin: 'tenant', plan_owner: 'tenant' },
  // Drafting a plan from a resolution's text is the planning office's work (nothing is saved).
  'plan.draft': { admin: 'tenant', plan_owner: 'tenant' },
  // Creating a plan from a reviewed draft is the planning office's too (the import checks it like a dataset file).
  'plan.create': { admin: 'tenant', plan_owner: 'tenant' },
  'task.read': READ_ALL,
  'task_report.enter': ENTER,
  'task_report.submit': ENTER,
  'task_report.review': REVIEW,
  'project.read': READ_ALL,
  'project_progress.enter': ENTER,
  'project_progress.submit': ENTER,
  'project_progress.review': REVIEW,
  'user.read': { admin: 'tenant' },
  'user.manage': { admin: 'tenant' },
  'audit.read': { admin: 'tenant', inspector: 'tenant' },
  // Issuing freezes an official document of the plan: the plan owner's act. Issued files are the tenant's record.
  'report.issue': { admin: 'tenant', plan_owner: 'tenant' },
  'report.read_issued': TENANT_MEMBERS,
  // An agency's template and import cover only what the agency owns; the figures enter as submitted (never approved).
  'data.template': ENTER,
  'data.import': ENTER,
  // Exports carry unapproved figures and every vintage: the tenant's members, not the public portal.
  'data.export': TENANT_MEMBERS,
  // A whole plan as one document (every vintage, every draft, the names of the people who wrote them), out and in:
  // the plan owner's and the administrator's.
  'plan.document': { admin: 'tenant', plan_owner: 'tenant' },
  // A tenant's backup holds every member's account (without passwords) and the audit log; restoring one replaces the
  // tenant's data: the administrator's alone.
  'tenant.backup': { admin: 'tenant' },
  // One's own notifications and saved views; a saved view is read by anyone of the tenant who has its link.
  'notification.read': SIGNED_IN,
  'view.manage': SIGNED_IN,
  'view.read': STAFF,
  // A leader (plan owner, admin) asks the owning agency to explain a target, task or project; the agency answers.
  'explanation.read': STAFF,
  'explanation.request': { admin: 'tenant', plan_owner: 'tenant' },
  'explanation.answer': ENTER,
  // Evidence files of progress reports are staff documents, never on the public portal.
  'evidence.read': STAFF,
};

const BREADTH: Record<Scope, number> = { tenant: 4, agency: 3, commune: 2, published: 1, self: 0 };

function principalsOf(actor: Actor): Principal[] {
  return actor.kind === 'public' ? ['public'] : actor.roles;
}

/** The widest scope any of the actor's roles grants for the action, or null. */
export function scopeOf(actor: Actor, action: Action): Scope | null {
  let best: Scope | null = null;
  for (const p of principalsOf(actor)) {
    const s = POLICY[action][p];
    if (s && (best === null || BREADTH[s] > BREADTH[best])) best = s;
  }
  return best;
}

/** Checks the action and returns the scope it is allowed in; anonymous callers are told to log in, others refused. */
export function authorize(actor: Actor, action: Action): Scope {
  const scope = scopeOf(actor, action);
  if (scope) return scope;
  if (actor.kind === 'public') throw new Unauthenticated();
  throw new Forbidden();
}

/** The tenant an actor's queries are confined to; null (all tenants) only for the anonymous portal and the system. */
export function tenantFilter(actor: Actor): string | null {
  return actor.tenantId;
}
