// Liveness and the database provider in use. The database is asked on every check (a server whose database is down
// answers 503), but never behind the readers of a busy server: on PostgreSQL on a connection of its own, and checks
// arriving together share the next `SELECT 1` to start, so each still hears from the database after it arrived.
import type { FastifyInstance } from 'fastify';
import Type from 'typebox';
import type { Runtime } from '../../runtime.ts';
import { sharedNextRead } from '../shared-next-read.ts';

const Health = Type.Object({
  status: Type.Literal('ok'),
  database: Type.Union([Type.Literal('pglite'), Type.Literal('postgres')]),
  version: Type.String(),
});

/** The answer when the database does not answer (problem+json, as every error). */
function databaseDown(cause: unknown): Error {
  return Object.assign(new Error('the database did not answer the health check', { cause }), { statusCode: 503 });
}

export async function healthRoutes(api: FastifyInstance, runtime: Runtime): Promise<void> {
  const ping = sharedNextRead<void>();
  api.get(
    '/health',
    {
      schema: {
        tags: ['system'],
        summary: 'Health',
        description: 'Answers 503 (problem+json, code database_unavailable) when the database does not answer.',
        response: { 200: Health },
      },
    },
    async () => {
      try {
        await ping('ping', () => runtime.db.ping());
      } catch (e) {
        throw databaseDown(e);
      }
      return { status: 'ok' as const, database: runtime.db.kind, version: runtime.config.version };
    },
  );
}
