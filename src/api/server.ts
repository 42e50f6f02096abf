// The HTTP adapter: Fastify with schema validation and OpenAPI, over the service layer. Routes are thin: parse,
// call a service, present. The web app is served from web/dist at "/".
import fs from 'node:fs';
import path from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Runtime } from '../runtime.ts';
import { registerJsonBody } from './json-body.ts';
import { registerNfcInput } from './nfc-input.ts';
import { sendProblem } from './problem.ts';
import { registerRoutes } from './routes/index.ts';
import { registerSecurityHeaders } from './security-headers.ts';
import { registerValidators } from './validators.ts';

const WEB_DIST = path.resolve(import.meta.dirname, '../../web/dist');

export interface ServerOptions {
  logger?: boolean | { level: string };
}

export async function buildServer(runtime: Runtime, opts: ServerOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: opts.logger ?? { level: runtime.config.logLevel },
    bodyLimit: 1024 * 1024,
    // X-Forwarded-For is believed only from the configured proxies; by default from nobody.
    trustProxy: runtime.config.trustedProxies.length > 0 ? runtime.config.trustedProxies : false,
    genReqId: () => crypto.randomUUID(),
  }).withTypeProvider<TypeBoxTypeProvider>();
  registerValidators(app);

  // The same headers on every answer, computed once (security-headers.ts).
  await registerSecurityHeaders(app, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        frameAncestors: ["'none'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        upgradeInsecureRequests: null,
      },
    },
    hsts: runtime.config.secureCookies,
  });
  await app.register(cookie);
  registerJsonBody(app);
  registerNfcInput(app);
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'chitieu API',
        version: runtime.config.version,
        description: 'Plans, targets, observations and their evaluation. Errors are RFC 9457 problem+json.',
      },
      servers: [{ url: '/' }],
    },
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });

  app.setErrorHandler((err, req, reply) => sendProblem(reply, req, err));
  app.setNotFoundHandler((req, reply) => {
    if (req.url.startsWith('/api/') || !fs.existsSync(path.join(WEB_DIST, 'index.html'))) {
      return sendProblem(reply, req, { statusCode: 404, code: 'not_found' }).status(404);
    }
    // Client-side routes of the single-page app.
    return reply.type('text/html; charset=utf-8').sendFile('index.html');
  });

  await app.register(async (api) => registerRoutes(api, runtime), { prefix: '/api' });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  if (fs.existsSync(WEB_DIST)) {
    await app.register(fastifyStatic, { root: WEB_DIST, prefix: '/', wildcard: false, index: ['index.html'] });
  }
  return app;
}
