// Logs a user in: throttled per account and per address, argon2id check, a new session whose token the caller
// puts in a cookie (only its hash is stored) and a CSRF token the client echoes on every write.
import { ChitieuError, Unauthenticated, ValidationError } from '../../core/errors.ts';
import {
  claimLoginAttempt,
  clearLoginThrottle,
  findUsersByEmail,
  hasLoggedInFrom,
  insertSession,
  refundLoginAttempt,
  secondsUntilRetry,
  type ThrottleRule,
  type UserRow,
} from '../../storage/repositories/users-repo.ts';
import { writeAudit } from '../audit.ts';
import type { ServiceContext } from '../context.ts';
import { authorize } from '../policy.ts';
import { DUMMY_HASH, newToken, sha256, verifyPassword } from './secrets.ts';

const WINDOW_SECONDS = 15 * 60;
/**
 * Three keys, each claimed atomically before any password is checked (users-repo claimLoginAttempt):
 * - one address on one account: 5 tries, then closed for the window (a guesser from one place);
 * - one address on any account: 30 tries (one place spraying many accounts);
 * - one account from anywhere: 5 tries, then one try after each growing delay, up to 5 minutes (many places on one
 *   account). An address the account has logged in from before is spared this one, so strangers' failures slow
 *   the strangers, never lock the owner out.
 */
export const LOGIN_LIMITS = {
  perAddressOnAccount: { limit: 5, windowSeconds: WINDOW_SECONDS, maxDelaySeconds: 0 },
  perAddress: { limit: 30, windowSeconds: WINDOW_SECONDS, maxDelaySeconds: 0 },
  perAccount: { limit: 5, windowSeconds: WINDOW_SECONDS, maxDelaySeconds: 300 },
} satisfies Record<string, ThrottleRule>;
export const SESSION_HOURS = 12;

export class LoginThrottled extends ChitieuError {
  constructor(retryAfterSeconds: number) {
    super(
      'login_throttled',
      'rate_limited',
      { vi: 'Đăng nhập sai quá nhiều lần; hãy thử lại sau', en: 'Too many failed logins; try again later' },
      { details: { retryAfterSeconds } },
    );
  }
}

export interface LogInInput {
  email: string;
  password: string;
  /** Code of the tenant, needed only when one e-mail has accounts in several tenants with the same password. */
  tenant?: string | null;
  address: string | null;
  userAgent: string | null;
}

export interface LogInResult {
  token: string;
  csrfToken: string;
  expiresAt: Date;
  userId: string;
  mustChangePassword: boolean;
}

async function claimOrRefuse(ctx: ServiceContext, key: string, rule: ThrottleRule, now: Date): Promise<void> {
  if (!(await claimLoginAttempt(ctx.db, key, rule, now)))
    throw new LoginThrottled(await secondsUntilRetry(ctx.db, key, rule, now));
}

export async function logIn({ ctx, input }: { ctx: ServiceContext; input: LogInInput }): Promise<LogInResult> {
  authorize(ctx.actor, 'session.login');
  const email = input.email.trim().toLowerCase();
  const now = ctx.now();
  const candidates = await findUsersByEmail(ctx.db, email, input.tenant ?? null);
  // Claimed before the password is checked, so a throttled attacker learns nothing even from a right guess, and
  // the claim is the count: an attempt that is not admitted is never checked.
  const address = input.address ?? 'unknown';
  const pairKey = `pair:${email}|${address}`;
  const addressKey = `address:${address}`;
  const accountKey = `account:${email}`;
  await claimOrRefuse(ctx, pairKey, LOGIN_LIMITS.perAddressOnAccount, now);
  await claimOrRefuse(ctx, addressKey, LOGIN_LIMITS.perAddress, now);
  const known =
    input.address !== null &&
    candidates.length > 0 &&
    (await hasLoggedInFrom(
      ctx.db,
      candidates.map((c) => c.id),
      input.address,
    ));
  if (!known) await claimOrRefuse(ctx, accountKey, LOGIN_LIMITS.perAccount, now);

  const matches: UserRow[] = [];
  if (candidates.length === 0) await verifyPassword(DUMMY_HASH, input.password);
  for (const c of candidates) if ((await verifyPassword(c.password_hash, input.password)) && c.active) matches.push(c);
  const user = matches[0];
  if (!user) throw new Unauthenticated({ vi: 'Sai e-mail hoặc mật khẩu', en: 'Wrong e-mail or password' });
  if (matches.length > 1) {
    // Only someone who knows the password learns that it opens accounts in several tenants.
    throw new ValidationError(
      {
        vi: 'E-mail và mật khẩu này mở tài khoản ở nhiều đơn vị; hãy ghi mã đơn vị (tenant)',
        en: 'This e-mail and password open accounts in several tenants; give the tenant code',
      },
      [
        {
          path: 'body/tenant',
          reason: {
            vi: `một trong ${matches.map((m) => m.tenant_code).join(', ')}`,
            en: `one of ${matches.map((m) => m.tenant_code).join(', ')}`,
          },
        },
      ],
      'tenant_required',
    );
  }
  // A success wipes this address's failures on the account and gives back what it claimed elsewhere: strangers'
  // failures on the account stay counted.
  await clearLoginThrottle(ctx.db, pairKey);
  await refundLoginAttempt(ctx.db, addressKey);
  if (!known) await refundLoginAttempt(ctx.db, accountKey);
  const token = newToken();
  const csrfToken = newToken();
  const expiresAt = new Date(now.getTime() + SESSION_HOURS * 3_600_000);
  const idHash = sha256(token);
  await ctx.db.transaction(async (tx) => {
    await insertSession(tx, {
      idHash,
      tenantId: user.tenant_id,
      userId: user.id,
      csrfToken,
      expiresAt,
      ip: input.address,
      userAgent: input.userAgent?.slice(0, 300) ?? null,
    });
    await writeAudit(
      tx,
      {
        ...ctx,
        actor: {
          kind: 'user',
          userId: user.id,
          label: user.email,
          tenantId: user.tenant_id,
          roles: [],
          agencyId: user.agency_id,
        },
      },
      {
        tenantId: user.tenant_id,
        action: 'login',
        entity: 'session',
        entityId: idHash.slice(0, 16),
        after: { address: input.address },
      },
    );
  });
  return { token, csrfToken, expiresAt, userId: user.id, mustChangePassword: user.must_change_password };
}
