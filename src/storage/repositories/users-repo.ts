// Users, their roles and sessions as stored. Queries name the tenant wherever the caller knows it.
import type { Queryable } from '../db.ts';

export interface UserRow {
  [k: string]: unknown;
  id: string;
  tenant_id: string;
  tenant_code: string;
  email: string;
  display_name: string;
  password_hash: string;
  agency_id: string | null;
  locale: string;
  active: boolean;
  must_change_password: boolean;
  created_at: string;
  roles: string[];
}

const SELECT_USER = `
  SELECT u.id, u.tenant_id, t.code AS tenant_code, u.email, u.display_name, u.password_hash, u.agency_id, u.locale, u.active,
         u.must_change_password, u.created_at::text AS created_at,
         coalesce((SELECT array_agg(r.role ORDER BY r.role) FROM user_roles r WHERE r.user_id = u.id), '{}') AS roles
    FROM users u JOIN tenants t ON t.id = u.tenant_id`;

export async function findUserByEmail(db: Queryable, email: string): Promise<UserRow | null> {
  return (await db.query<UserRow>(`${SELECT_USER} WHERE u.email = $1`, [email]))[0] ?? null;
}

export async function findUser(db: Queryable, tenantId: string | null, id: string): Promise<UserRow | null> {
  return (
    (
      await db.query<UserRow>(`${SELECT_USER} WHERE u.id = $1 AND ($2::uuid IS NULL OR u.tenant_id = $2)`, [
        id,
        tenantId,
      ])
    )[0] ?? null
  );
}

export async function listUsers(
  db: Queryable,
  tenantId: string | null,
  after: string | null,
  limit: number,
): Promise<UserRow[]> {
  return db.query<UserRow>(
    `${SELECT_USER} WHERE ($1::uuid IS NULL OR u.tenant_id = $1) AND ($2::text IS NULL OR u.email > $2) ORDER BY u.email LIMIT $3`,
    [tenantId, after, limit],
  );
}

export async function countUsers(db: Queryable): Promise<number> {
  return (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM users'))[0]?.n ?? 0;
}

export async function insertUser(
  db: Queryable,
  u: {
    tenantId: string;
    email: string;
    displayName: string;
    passwordHash: string;
    agencyId: string | null;
    mustChangePassword: boolean;
    roles: string[];
  },
): Promise<string> {
  const rows = await db.query<{ id: string }>(
    `INSERT INTO users (tenant_id, email, display_name, password_hash, agency_id, must_change_password) VALUES ($1,$2,$3,$4,$5,$6) RETURNING id`,
    [u.tenantId, u.email, u.displayName, u.passwordHash, u.agencyId, u.mustChangePassword],
  );
  const id = (rows[0] as { id: string }).id;
  for (const role of u.roles)
    await db.query('INSERT INTO user_roles (tenant_id, user_id, role) VALUES ($1,$2,$3)', [u.tenantId, id, role]);
  return id;
}

export async function setPassword(db: Queryable, userId: string, passwordHash: string): Promise<void> {
  await db.query('UPDATE users SET password_hash = $2, must_change_password = false WHERE id = $1', [
    userId,
    passwordHash,
  ]);
}

export interface SessionRow {
  [k: string]: unknown;
  id: string;
  user_id: string;
  csrf_token: string;
}

export async function insertSession(
  db: Queryable,
  s: {
    idHash: string;
    tenantId: string;
    userId: string;
    csrfToken: string;
    expiresAt: Date;
    ip: string | null;
    userAgent: string | null;
  },
): Promise<void> {
  await db.query(
    'INSERT INTO sessions (id, tenant_id, user_id, csrf_token, expires_at, ip, user_agent) VALUES ($1,$2,$3,$4,$5,$6,$7)',
    [s.idHash, s.tenantId, s.userId, s.csrfToken, s.expiresAt.toISOString(), s.ip, s.userAgent],
  );
}

export async function findLiveSession(db: Queryable, idHash: string, now: Date): Promise<SessionRow | null> {
  const rows = await db.query<SessionRow>(
    `SELECT s.id, s.user_id, s.csrf_token FROM sessions s JOIN users u ON u.id = s.user_id
      WHERE s.id = $1 AND s.revoked_at IS NULL AND s.expires_at > $2 AND u.active`,
    [idHash, now.toISOString()],
  );
  return rows[0] ?? null;
}

export async function revokeSession(db: Queryable, idHash: string, now: Date): Promise<void> {
  await db.query('UPDATE sessions SET revoked_at = $2 WHERE id = $1 AND revoked_at IS NULL', [
    idHash,
    now.toISOString(),
  ]);
}

export async function revokeUserSessions(db: Queryable, userId: string, now: Date): Promise<number> {
  const rows = await db.query(
    'UPDATE sessions SET revoked_at = $2 WHERE user_id = $1 AND revoked_at IS NULL RETURNING id',
    [userId, now.toISOString()],
  );
  return rows.length;
}

export async function countLoginFailures(db: Queryable, key: string, since: Date): Promise<number> {
  return (
    (
      await db.query<{ n: number }>('SELECT count(*)::int AS n FROM login_failures WHERE key = $1 AND at > $2', [
        key,
        since.toISOString(),
      ])
    )[0]?.n ?? 0
  );
}

export async function recordLoginFailure(db: Queryable, keys: string[], at: Date): Promise<void> {
  for (const key of keys)
    await db.query('INSERT INTO login_failures (key, at) VALUES ($1, $2)', [key, at.toISOString()]);
}
