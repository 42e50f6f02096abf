// Who is calling: the session cookie becomes the request's Actor; writes with a session need the CSRF header;
// then the route's policy action is checked before the body is even validated (a refused caller learns nothing).
import type { FastifyInstance, FastifyReply } from 'fastify';
import { ChitieuError } from '../../core/errors.ts';
import type { Runtime } from '../../runtime.ts';
import { sameSecret } from '../../services/auth/secrets.ts';
import { resolveSession } from '../../services/auth/resolve-session.ts';
import { publicActor, type Actor } from '../../services/context.ts';
import { authorize } from '../../services/policy.ts';

export const SESSION_COOKIE = 'chitieu_session';
const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

export class CsrfFailed extends ChitieuError {
  constructor() {
    super('csrf_failed', 'forbidden', {
      vi: 'Thiếu hoặc sai mã chống giả mạo (X-CSRF-Token)',
      en: 'Missing or wrong anti-forgery token (X-CSRF-Token)',
    });
  }
}

/** Until a one-time password is changed, the account may only read its session, change the password or log out. */
export class PasswordChangeRequired extends ChitieuError {
  constructor() {
    super('password_change_required', 'forbidden', {
      vi: 'Cần đổi mật khẩu dùng một lần trước khi làm việc khác (POST /api/auth/password)',
      en: 'Change the one-time password before anything else (POST /api/auth/password)',
    });
  }
}
const ALLOWED_BEFORE_PASSWORD_CHANGE = new Set(['session.read', 'session.update', 'session.logout']);

export function registerSessionHook(api: FastifyInstance, runtime: Runtime): void {
  api.decorateRequest('actor', null);
  api.decorateRequest('sessionHash', null);
  api.decorateRequest('csrfToken', null);
  api.addHook('onRequest', async (req) => {
    let actor: Actor = publicActor();
    req.sessionHash = null;
    const token = req.cookies[SESSION_COOKIE];
    if (token && token.length <= 100) {
      const resolved = await resolveSession({
        ctx: { db: runtime.db, actor: publicActor(), now: () => new Date() },
        input: { token },
      });
      if (resolved) {
        // A cookie rides along on cross-site requests; the header cannot, so it proves the page is ours.
        if (!SAFE.has(req.method)) {
          const header = req.headers['x-csrf-token'];
          if (typeof header !== 'string' || !sameSecret(header, resolved.csrfToken)) throw new CsrfFailed();
        }
        actor = resolved.actor;
        req.sessionHash = resolved.sessionHash;
        req.csrfToken = resolved.csrfToken;
        const requested = req.routeOptions.config.action;
        if (resolved.mustChangePassword && (!requested || !ALLOWED_BEFORE_PASSWORD_CHANGE.has(requested))) {
          throw new PasswordChangeRequired();
        }
      }
    }
    req.actor = actor;
    const action = req.routeOptions.config.action;
    if (action) authorize(actor, action);
  });
}

export function setSessionCookie(reply: FastifyReply, runtime: Runtime, token: string, expiresAt: Date): void {
  reply.setCookie(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'lax',
    secure: runtime.config.secureCookies,
    path: '/',
    expires: expiresAt,
  });
}

export function clearSessionCookie(reply: FastifyReply, runtime: Runtime): void {
  reply.clearCookie(SESSION_COOKIE, {
    httpOnly: true,
    sameSite: 'lax',
    secure: runtime.config.secureCookies,
    path: '/',
  });
}
