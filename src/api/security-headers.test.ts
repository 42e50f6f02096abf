import Fastify from 'fastify';
import helmet, { type FastifyHelmetOptions } from '@fastify/helmet';
import { describe, expect, it } from 'vitest';
import { registerSecurityHeaders } from './security-headers.ts';

const options: FastifyHelmetOptions = {
  contentSecurityPolicy: { directives: { defaultSrc: ["'self'"], frameAncestors: ["'none'"] } },
  hsts: true,
};

async function headersOf(register: (app: ReturnType<typeof Fastify>) => Promise<void>, url: string) {
  const app = Fastify({ logger: false });
  await register(app);
  app.get('/json', async () => ({ ok: true }));
  const res = await app.inject({ method: 'GET', url });
  await app.close();
  const { date: _date, ...rest } = res.headers;
  return rest;
}

describe('security headers made once', () => {
  it('are the headers @fastify/helmet sets per request, on a route and on a 404', async () => {
    for (const url of ['/json', '/missing']) {
      const once = await headersOf((app) => registerSecurityHeaders(app, options), url);
      const perRequest = await headersOf(async (app) => void (await app.register(helmet, options)), url);
      expect(once).toEqual(perRequest);
      expect(once['content-security-policy']).toContain("frame-ancestors 'none'");
      expect(once['strict-transport-security']).toContain('max-age=');
    }
  });
});
