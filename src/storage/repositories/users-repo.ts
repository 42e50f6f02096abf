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
  /** A commune editor's commune, with its code and name. */
  unit_id: string | null;
  unit_code: string | null;
  unit_name: string | null;
  locale: string;
  active: boolean;
  must_change_password: boolean;
  created_at: string;
  roles: string[];
}

const SELECT_USER = `
  SELECT u.id, u.tenant_id, t.code AS tenant_code, u.email, u.display_name, u.password_hash, u.agency_id, u.unit_id, u.locale, u.active,
         u.must_change_password, u.created_at::text AS created_at, n.code AS unit_code, n.name AS unit_name,
         coalesce((SELECT array_agg(r.role ORDER BY r.role) FROM user_roles r WHERE r.user_id = u.id), '{}') AS roles
    FROM users u JOIN tenants t ON t.id = u.tenant_id
    LEFT JOIN units n ON n.id = u.unit_id AND n.tenant_id = u.tenant_id`;

/** The active commune editors of each of these units (by unit code), by name: who answers for a commune's figures. */
export async function communeEditorsOf(
  db: Queryable,
  tenantId: string,
  unitCodes: string[],
): Promise<Map<string, string[]>> {
  if (unitCodes.length === 0) return new Map();
  const rows = await db.query<{ code: string; names: string[] }>(
    `SELECT n.code, array_agg(u.display_name ORDER BY u.display_name) AS names
       FROM units n
       JOIN users u ON u.tenant_id = n.tenant_id AND u.unit_id = n.id AND u.active
       JOIN user_roles r ON r.user_id = u.id AND r.tenant_id = u.tenant_id AND r.role = 'commune_editor'
      WHERE n.tenant_id = $1 AND n.code = ANY($2::text[])
      GROUP BY n.code`,
    [tenantId, unitCodes],
  );
  return new Map(rows.map((r) => [r.code, r.names]));
}

/** Every account with this e-mail (one per tenant at most), or only the one of the named tenant. */
export async function findUsersByEmail(db: Queryable, email: string, tenantCode: string | null): Promise<UserRow[]> {
  return db.query<UserRow>(`${SELECT_USER} WHERE u.email = $1 AND ($2::text IS NULL OR t.code = $2) ORDER BY t.code`, [
    email,
    tenantCode,
  ]);
}

/** Whether one of these accounts has had a session from this address (an owner's known address). */
export async function hasLoggedInFrom(db: Queryable, userIds: string[], address: string): Promise<boolean> {
  const rows = await db.query('SELECT 1 FROM sessions WHERE user_id = ANY($1::uuid[]) AND ip = $2 LIMIT 1', [
    userIds,
    address,
  ]);
  return rows.length > 0;
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

/** The tenants that own plans, the one with most plans first (ties: the oldest, then by code). */
export async function listTenantsOwningPlans(db: Queryable): Promise<{ id: string; code: string }[]> {
  return db.query<{ id: string; code: string }>(
    `SELECT t.id, t.code FROM tenants t JOIN plans p ON p.tenant_id = t.id
      GROUP BY t.id, t.code, t.created_at ORDER BY count(*) DESC, t.created_at, t.code`,
  );
}

export async function emailTakenInTenant(db: Queryable, tenantId: string, email: string): Promise<boolean> {
  return (await db.query('SELECT 1 FROM users WHERE tenant_id = $1 AND email = $2', [tenantId, email])).length > 0;
}

export async function insertUser(
  db: Queryable,
  u: {
    tenantId: string;
    email: string;
    displayName: string;
    passwordHash: string;
    agencyId: string | null;
    /** A commune editor's commune. */
    unitId?: string | null;
    mustChangePassword: boolean;
    roles: string[];
  },
): Promise<string> {
  const rows = await db.query<{ id: string }>(
    `INSERT INTO users (tenant_id, email, display_name, password_hash, agency_id, must_change_password, unit_id) VALUES ($1,$2,$3,$4,$5,$6,$7) RETURNING id`,
    [u.tenantId, u.email, u.displayName, u.passwordHash, u.agencyId, u.mustChangePassword, u.unitId ?? null],
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

export interface ThrottleRule {
  /** Attempts admitted per window at full speed. */
  limit: number;
  windowSeconds: number;
  /** 0: past the limit the key is closed until the window ends; above 0: one attempt after each growing delay
   *  (2, 4, 8 … seconds, at most this many). */
  maxDelaySeconds: number;
}

/**
 * Claims one attempt for a throttle key, or refuses it, in one statement: the row is locked by the upsert, so
 * concurrent claims are counted one after another and no more than the rule admits get through. Returns whether the
 * attempt is admitted; a refused attempt changes nothing.
 */
export async function claimLoginAttempt(db: Queryable, key: string, rule: ThrottleRule, now: Date): Promise<boolean> {
  const rows = await db.query(
    `INSERT INTO login_throttle AS t (key, attempts, window_start, retry_at) VALUES ($1, 1, $2, $2)
     ON CONFLICT (key) DO UPDATE SET
       attempts = CASE WHEN t.window_start <= $3 THEN 1 ELSE t.attempts + 1 END,
       window_start = CASE WHEN t.window_start <= $3 THEN $2 ELSE t.window_start END,
       retry_at = CASE WHEN t.window_start <= $3 OR t.attempts + 1 < $4 THEN $2::timestamptz
                       ELSE $2::timestamptz + make_interval(secs => least(power(2, t.attempts + 1 - $4), $5)) END
     WHERE t.window_start <= $3 OR t.attempts < $4 OR ($5 > 0 AND t.retry_at <= $2)
     RETURNING attempts`,
    [
      key,
      now.toISOString(),
      new Date(now.getTime() - rule.windowSeconds * 1000).toISOString(),
      rule.limit,
      rule.maxDelaySeconds,
    ],
  );
  return rows.length > 0;
}

/** Seconds until a refused key admits an attempt again (for Retry-After). */
export async function secondsUntilRetry(db: Queryable, key: string, rule: ThrottleRule, now: Date): Promise<number> {
  const row = (
    await db.query<{ window_start: Date | string; retry_at: Date | string }>(
      'SELECT window_start, retry_at FROM login_throttle WHERE key = $1',
      [key],
    )
  )[0];
  if (!row) return 1;
  const windowEnd = new Date(row.window_start).getTime() + rule.windowSeconds * 1000;
  const at = rule.maxDelaySeconds > 0 ? Math.min(windowEnd, new Date(row.retry_at).getTime()) : windowEnd;
  return Math.max(1, Math.ceil((at - now.getTime()) / 1000));
}

/** Gives back an attempt that succeeded: only failures (and attempts still being checked) use up a key. */
export async function refundLoginAttempt(db: Queryable, key: string): Promise<void> {
  await db.query('UPDATE login_throttle SET attempts = attempts - 1 WHERE key = $1 AND attempts > 1', [key]);
  await db.query('DELETE FROM login_throttle WHERE key = $1 AND attempts = 1', [key]);
}

export async function clearLoginThrottle(db: Queryable, key: string): Promise<void> {
  await db.query('DELETE FROM login_throttle WHERE key = $1', [key]);
}
