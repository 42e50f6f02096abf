// The security headers of every answer (CSP, nosniff, frame and referrer policies, HSTS when cookies are secure), as
// @fastify/helmet makes them, but made once: the plugin builds a new helmet middleware, parses the CSP directives and
// runs two hooks on every request (a tenth of a public hit's time under load, health's too). The options are fixed
// at start and no route asks for a nonce, so the headers are the same for every answer: they are read once from the
// plugin itself (a probe server answering one request) and set by one synchronous hook.
import Fastify, { type FastifyInstance } from 'fastify';
import helmet, { type FastifyHelmetOptions } from '@fastify/helmet';

/** The headers @fastify/helmet sets with these options: those of a probe's answer that a bare server does not set. */
export async function securityHeadersOf(options: FastifyHelmetOptions): Promise<Record<string, string>> {
  const answerOf = async (withHelmet: boolean) => {
    const probe = Fastify({ logger: false });
    if (withHelmet) await probe.register(helmet, options);
    probe.get('/', async () => 'probe');
    const res = await probe.inject({ method: 'GET', url: '/' });
    await probe.close();
    return res.headers;
  };
  const bare = await answerOf(false);
  const secured = await answerOf(true);
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(secured)) {
    if (name in bare || value === undefined) continue;
    headers[name] = Array.isArray(value) ? value.join(', ') : String(value);
  }
  if (Object.keys(headers).length === 0) throw new Error('@fastify/helmet set no header on the probe');
  return headers;
}

export async function registerSecurityHeaders(app: FastifyInstance, options: FastifyHelmetOptions): Promise<void> {
  const headers = await securityHeadersOf(options);
  app.addHook('onRequest', (_req, reply, done) => {
    void reply.headers(headers);
    done();
  });
}
