// Notifications as stored: one row per reader, read or not, e-mailed or not.
import type { NotificationKind } from '../../core/vocabulary.ts';
import type { Queryable } from '../db.ts';

export interface Recipients {
  userId?: string | null;
  agencyId?: string | null;
  role?: string | null;
}

/** The active users a notification goes to: one user, every user of an agency, or every holder of a role. */
export async function recipientIds(db: Queryable, tenantId: string, to: Recipients): Promise<string[]> {
  const rows = await db.query<{ id: string }>(
    `SELECT u.id FROM users u
      WHERE u.tenant_id = $1 AND u.active
        AND (($2::uuid IS NOT NULL AND u.id = $2)
          OR ($3::uuid IS NOT NULL AND u.agency_id = $3)
          OR ($4::text IS NOT NULL AND EXISTS (SELECT 1 FROM user_roles r WHERE r.user_id = u.id AND r.role = $4)))
      ORDER BY u.id`,
    [tenantId, to.userId ?? null, to.agencyId ?? null, to.role ?? null],
  );
  return rows.map((r) => r.id);
}

export async function insertNotifications(
  db: Queryable,
  tenantId: string,
  userIds: string[],
  n: { kind: NotificationKind; subject: string; link: string; at: Date },
): Promise<string[]> {
  if (userIds.length === 0) return [];
  const rows = await db.query<{ id: string }>(
    `INSERT INTO notifications (tenant_id, user_id, kind, subject, link, created_at)
     SELECT $1, u, $3, $4, $5, $6 FROM unnest($2::uuid[]) AS u RETURNING id`,
    [tenantId, userIds, n.kind, n.subject, n.link, n.at.toISOString()],
  );
  return rows.map((r) => r.id);
}

export interface NotificationRow {
  [k: string]: unknown;
  id: string;
  kind: NotificationKind;
  subject: string;
  link: string;
  created_at: string;
  read_at: string | null;
}

export async function listNotifications(
  db: Queryable,
  tenantId: string,
  userId: string,
  unreadOnly: boolean,
  limit: number,
): Promise<{ rows: NotificationRow[]; unread: number }> {
  const rows = await db.query<NotificationRow>(
    `SELECT id, kind, subject, link, created_at::text AS created_at, read_at::text AS read_at FROM notifications
      WHERE tenant_id = $1 AND user_id = $2 AND (NOT $3 OR read_at IS NULL)
      ORDER BY created_at DESC, id LIMIT $4`,
    [tenantId, userId, unreadOnly, limit],
  );
  const count = await db.query<{ n: number }>(
    'SELECT count(*)::int AS n FROM notifications WHERE tenant_id = $1 AND user_id = $2 AND read_at IS NULL',
    [tenantId, userId],
  );
  return { rows, unread: count[0]?.n ?? 0 };
}

/** Marks the reader's own notifications read (all when ids is null); returns the ids it changed. */
export async function markRead(
  db: Queryable,
  tenantId: string,
  userId: string,
  ids: string[] | null,
  at: Date,
): Promise<string[]> {
  const rows = await db.query<{ id: string }>(
    `UPDATE notifications SET read_at = $4 WHERE tenant_id = $1 AND user_id = $2 AND read_at IS NULL
        AND ($3::uuid[] IS NULL OR id = ANY($3::uuid[])) RETURNING id`,
    [tenantId, userId, ids, at.toISOString()],
  );
  return rows.map((r) => r.id);
}

export async function pendingEmails(
  db: Queryable,
  ids: string[],
): Promise<{ id: string; email: string; subject: string; link: string }[]> {
  if (ids.length === 0) return [];
  return db.query(
    `SELECT n.id, u.email, n.subject, n.link FROM notifications n JOIN users u ON u.id = n.user_id
      WHERE n.id = ANY($1::uuid[]) AND n.emailed_at IS NULL ORDER BY n.id`,
    [ids],
  );
}

export async function markEmailed(db: Queryable, id: string, at: Date): Promise<void> {
  await db.query('UPDATE notifications SET emailed_at = $2 WHERE id = $1', [id, at.toISOString()]);
}
