// Logs a user in: throttled per account and per address, argon2id check, a new session whose token the caller
// puts in a cookie (only its hash is stored) and a CSRF token the client echoes on every write.
import { ChitieuError, Unauthenticated } from '../../core/errors.ts';
import {
  countLoginFailures,
  findUserByEmail,
  insertSession,
  recordLoginFailure,
} from '../../storage/repositories/users-repo.ts';
import { writeAudit } from '../audit.ts';
import type { ServiceContext } from '../context.ts';
import { authorize } from '../policy.ts';
import { DUMMY_HASH, newToken, sha256, verifyPassword } from './secrets.ts';

export const LOGIN_LIMITS = { windowMinutes: 15, perAccount: 5, perAddress: 30 };
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

export async function logIn({ ctx, input }: { ctx: ServiceContext; input: LogInInput }): Promise<LogInResult> {
  authorize(ctx.actor, 'session.login');
  const email = input.email.trim().toLowerCase();
  const now = ctx.now();
  const since = new Date(now.getTime() - LOGIN_LIMITS.windowMinutes * 60_000);
  const keys = [`account:${email}`, ...(input.address ? [`address:${input.address}`] : [])];
  // Checked before the password, so a throttled attacker learns nothing even from a right guess.
  if ((await countLoginFailures(ctx.db, keys[0] ?? '', since)) >= LOGIN_LIMITS.perAccount)
    throw new LoginThrottled(LOGIN_LIMITS.windowMinutes * 60);
  if (
    input.address &&
    (await countLoginFailures(ctx.db, `address:${input.address}`, since)) >= LOGIN_LIMITS.perAddress
  ) {
    throw new LoginThrottled(LOGIN_LIMITS.windowMinutes * 60);
  }
  const user = await findUserByEmail(ctx.db, email);
  const ok = await verifyPassword(user?.password_hash ?? DUMMY_HASH, input.password);
  if (!user || !ok || !user.active) {
    await recordLoginFailure(ctx.db, keys, now);
    throw new Unauthenticated({ vi: 'Sai e-mail hoặc mật khẩu', en: 'Wrong e-mail or password' });
  }
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
