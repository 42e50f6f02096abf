// Liveness and the database provider in use.
import type { FastifyInstance } from 'fastify';
import Type from 'typebox';
import type { Runtime } from '../../runtime.ts';

const Health = Type.Object({
  status: Type.Literal('ok'),
  database: Type.Union([Type.Literal('pglite'), Type.Literal('postgres')]),
  version: Type.String(),
});

export async function healthRoutes(api: FastifyInstance, runtime: Runtime): Promise<void> {
  api.get('/health', { schema: { tags: ['system'], summary: 'Health', response: { 200: Health } } }, async () => {
    await runtime.db.query('SELECT 1');
    return { status: 'ok' as const, database: runtime.db.kind, version: runtime.config.version };
  });
}
