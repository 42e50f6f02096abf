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
    /** Where this request's reads went, and how stale they may be (set by contextOf, sent as headers). */
    readFrom: { source: 'primary' | 'replica'; stalenessSeconds: number } | null;
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

const SAFE_METHODS = new Set(['GET', 'HEAD']);

/**
 * The service context of a request. An anonymous read (no session: the public portal, the dashboards) goes to the
 * read replica while it is fresh enough; a signed-in caller always reads the primary, so a writer reads its own writes.
 */
export function contextOf(runtime: Runtime, req: FastifyRequest): ServiceContext {
  const staleness =
    runtime.replica && SAFE_METHODS.has(req.method) && !req.sessionHash ? runtime.replica.staleness() : null;
  const db = staleness !== null && runtime.replica ? runtime.replica.db : runtime.db;
  if (runtime.replica) {
    req.readFrom =
      staleness === null
        ? { source: 'primary', stalenessSeconds: 0 }
        : { source: 'replica', stalenessSeconds: staleness };
  }
  const onReplica = db !== runtime.db;
  return {
    db,
    actor: req.actor ?? publicActor(),
    now: () => new Date(),
    requestId: req.id,
    mailer: runtime.mailer ?? null,
    ...(onReplica
      ? { primary: { db: runtime.db, use: () => (req.readFrom = { source: 'primary', stalenessSeconds: 0 }) } }
      : {}),
  };
}

/**
 * With a replica configured, every answer that read data says where from (X-Read-From: primary or replica) and how
 * far behind the primary it may be (X-Data-Staleness: seconds, an upper bound; 0 from the primary).
 */
export function registerReadSourceHeaders(api: FastifyInstance, runtime: Runtime): void {
  if (!runtime.replica) return;
  api.decorateRequest('readFrom', null);
  api.addHook('onSend', async (req, reply) => {
    if (!req.readFrom) return;
    reply.header('x-read-from', req.readFrom.source);
    reply.header('x-data-staleness', req.readFrom.stalenessSeconds.toFixed(3));
  });
}
