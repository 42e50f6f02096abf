// Who is acting, on which tenant, with which database: passed to every service function as `ctx`.
import type { Db } from '../storage/db.ts';

export const ROLES = [
  'admin',
  'plan_owner',
  'agency_editor',
  'approver',
  'reader',
  'inspector',
  'commune_editor',
] as const;
export type Role = (typeof ROLES)[number];

export type Actor =
  | {
      kind: 'user';
      userId: string;
      label: string;
      tenantId: string;
      roles: Role[];
      agencyId: string | null;
      /** The commune a commune editor enters figures for (null or absent for everyone else). */
      unitId?: string | null;
    }
  /** The system itself (dataset import at first start, CLI run by the operator on the machine). */
  | { kind: 'system'; userId: null; label: string; tenantId: string | null; roles: Role[]; agencyId: null }
  /** Anyone on the public portal: published (approved) figures only. */
  | { kind: 'public'; userId: null; label: 'public'; tenantId: string | null; roles: []; agencyId: null };

export interface ServiceContext {
  db: Db;
  actor: Actor;
  requestId?: string;
  now: () => Date;
  /** Sends e-mail when SMTP is configured (notifications); absent or null: nothing is sent. */
  mailer?: import('./notifications/mailer.ts').Mailer | null;
  /**
   * When `db` is a read replica: the primary, for a read that must write first (a snapshot to store) or that the
   * replica cannot answer yet; `use` records that the answer came from the primary.
   */
  primary?: { db: Db; use: () => void };
}

export function systemActor(label: string, tenantId: string | null = null): Actor {
  return { kind: 'system', userId: null, label, tenantId, roles: ['admin'], agencyId: null };
}

export function publicActor(tenantId: string | null = null): Actor {
  return { kind: 'public', userId: null, label: 'public', tenantId, roles: [], agencyId: null };
}

export function hasRole(actor: Actor, role: Role): boolean {
  return (actor.roles as readonly Role[]).includes(role);
}
