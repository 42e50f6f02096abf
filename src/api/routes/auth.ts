// Log in, who am I, log out (here or everywhere), change password.
import type { FastifyInstance } from 'fastify';
import Type from 'typebox';
import { Unauthenticated } from '../../core/errors.ts';
import type { Runtime } from '../../runtime.ts';
import { changePassword } from '../../services/auth/change-password.ts';
import { logIn } from '../../services/auth/log-in.ts';
import { logOut } from '../../services/auth/log-out.ts';
import { resolveSession } from '../../services/auth/resolve-session.ts';
import { clearSessionCookie, setSessionCookie } from '../auth/session-hook.ts';
import { contextOf } from './route-table.ts';

const Credentials = Type.Object(
  {
    email: Type.String({ minLength: 3, maxLength: 254, pattern: '^[^\\s@]+@[^\\s@]+$' }),
    password: Type.String({ minLength: 1, maxLength: 256 }),
    // Needed only when one e-mail has accounts with the same password in several tenants.
    tenant: Type.Optional(Type.String({ minLength: 2, maxLength: 63, pattern: '^[a-z0-9][a-z0-9-]{1,62}$' })),
  },
  { additionalProperties: false },
);
const Session = Type.Object({
  user: Type.Object({
    id: Type.String(),
    email: Type.String(),
    tenantId: Type.String(),
    roles: Type.Array(Type.String()),
    agencyId: Type.Union([Type.String(), Type.Null()]),
  }),
  csrfToken: Type.Optional(Type.String()),
  mustChangePassword: Type.Optional(Type.Boolean()),
});

export async function authRoutes(api: FastifyInstance, runtime: Runtime): Promise<void> {
  api.post(
    '/auth/login',
    {
      config: { action: 'session.login' },
      schema: {
        tags: ['auth'],
        summary: 'Log in; sets the session cookie and returns the CSRF token',
        body: Credentials,
        response: { 200: Session },
      },
    },
    async (req, reply) => {
      const body = req.body as { email: string; password: string; tenant?: string };
      const ctx = contextOf(runtime, req);
      const r = await logIn({
        ctx,
        input: {
          email: body.email,
          password: body.password,
          tenant: body.tenant ?? null,
          // req.ip is the peer's address, or the client named by X-Forwarded-For only when the peer is one of
          // TRUSTED_PROXIES (server.ts): a client cannot choose the address it is throttled and audited under.
          address: req.ip ?? null,
          userAgent: req.headers['user-agent'] ?? null,
        },
      });
      setSessionCookie(reply, runtime, r.token, r.expiresAt);
      const s = await resolveSession({ ctx, input: { token: r.token } });
      if (!s) throw new Unauthenticated();
      return {
        user: {
          id: s.actor.userId,
          email: s.actor.label,
          tenantId: s.actor.tenantId,
          roles: s.actor.roles,
          agencyId: s.actor.agencyId,
        },
        csrfToken: r.csrfToken,
        mustChangePassword: r.mustChangePassword,
      };
    },
  );
  api.get(
    '/auth/session',
    {
      config: { action: 'session.read' },
      schema: { tags: ['auth'], summary: 'The signed-in user', response: { 200: Session } },
    },
    async (req) => {
      const a = contextOf(runtime, req).actor;
      if (a.kind !== 'user') throw new Unauthenticated();
      return {
        user: { id: a.userId, email: a.label, tenantId: a.tenantId, roles: a.roles, agencyId: a.agencyId },
        csrfToken: req.csrfToken ?? undefined,
      };
    },
  );
  for (const [url, everywhere] of [
    ['/auth/logout', false],
    ['/auth/logout-everywhere', true],
  ] as const) {
    api.post(
      url,
      {
        config: { action: 'session.logout' },
        schema: {
          tags: ['auth'],
          summary: everywhere ? 'End every session of this user' : 'End this session',
          response: { 200: Type.Object({ revoked: Type.Integer() }) },
        },
      },
      async (req, reply) => {
        const r = await logOut({
          ctx: contextOf(runtime, req),
          input: { sessionHash: req.sessionHash ?? '', everywhere },
        });
        clearSessionCookie(reply, runtime);
        return r;
      },
    );
  }
  api.post(
    '/auth/password',
    {
      config: { action: 'session.update' },
      schema: {
        tags: ['auth'],
        summary: 'Change password (ends every session)',
        body: Type.Object(
          {
            current: Type.String({ minLength: 1, maxLength: 256 }),
            next: Type.String({ minLength: 12, maxLength: 256 }),
          },
          { additionalProperties: false },
        ),
        response: { 204: Type.Null() },
      },
    },
    async (req, reply) => {
      await changePassword({ ctx: contextOf(runtime, req), input: req.body as { current: string; next: string } });
      clearSessionCookie(reply, runtime);
      return reply.status(204).send();
    },
  );
}
