// Every API route names the policy action it performs. Registering a route without one fails at start, and the
// table of (method, url, action) is what the authorization-matrix test enumerates.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Runtime } from '../../runtime.ts';
import { publicActor, type Actor, type ServiceContext } from '../../services/context.ts';
import { ACTIONS, type Action } from '../../services/policy.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    action?: Action;
  }
  interface FastifyRequest {
    actor: Actor | null;
    sessionHash: string | null;
    /** The session's anti-forgery token (the web app reads it from GET /auth/session after a reload). */
    csrfToken: string | null;
  }
}

export interface RouteEntry {
  method: string;
  url: string;
  action: Action;
}

/** Keyed by "METHOD url"; the same for every server built in a process. */
export const ROUTE_TABLE = new Map<string, RouteEntry>();

export function enforceRouteTable(api: FastifyInstance): void {
  api.addHook('onRoute', (route) => {
    const methods = (Array.isArray(route.method) ? route.method : [route.method]).filter((m) => m !== 'HEAD');
    const action = route.config?.action;
    if (!action || !(ACTIONS as readonly string[]).includes(action)) {
      throw new Error(`route ${methods.join(',')} ${route.url} declares no policy action`);
    }
    for (const method of methods) ROUTE_TABLE.set(`${method} ${route.url}`, { method, url: route.url, action });
  });
}

export function contextOf(runtime: Runtime, req: FastifyRequest): ServiceContext {
  return {
    db: runtime.db,
    actor: req.actor ?? publicActor(),
    now: () => new Date(),
    requestId: req.id,
    mailer: runtime.mailer ?? null,
  };
}
