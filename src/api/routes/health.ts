// Liveness and the database provider in use. A server whose database does not answer says so (503), but a check does
// not wait for the database when it answered a check begun less than a second ago: the answer then rests on that
// check, and says when it began (`databaseCheckedAt`). Each answer older than a fifth of a second starts the next
// check in the background, so under a steady load health never waits for the database (nor behind the requests
// queued ahead of the database's answer), and a database that stops answering is reported within about a second.
// When no recent check succeeded, the answer waits for a new one: on PostgreSQL on a connection of its own (never
// behind the pool's readers), shared with the other checks arriving meanwhile, so each hears from the database after
// it arrived.
import type { FastifyInstance } from 'fastify';
import Type from 'typebox';
import type { Runtime } from '../../runtime.ts';
import { sharedNextRead } from '../shared-next-read.ts';

/** An answer may rest on a successful check begun at most this long ago. */
export const HEALTH_CHECK_FRESH_MS = 1000;
/** An answer resting on a check older than this starts the next one in the background. */
const RENEW_AFTER_MS = 200;

const Health = Type.Object({
  status: Type.Literal('ok'),
  database: Type.Union([Type.Literal('pglite'), Type.Literal('postgres')]),
  version: Type.String(),
  databaseCheckedAt: Type.String({
    format: 'date-time',
    description: `When the check of the database this answer rests on began (at most ${HEALTH_CHECK_FRESH_MS} ms before the answer)`,
  }),
});

/** The answer when the database does not answer (problem+json, as every error). */
function databaseDown(cause: unknown): Error {
  return Object.assign(new Error('the database did not answer the health check', { cause }), { statusCode: 503 });
}

export async function healthRoutes(api: FastifyInstance, runtime: Runtime): Promise<void> {
  const ping = sharedNextRead<void>();
  /** The outcome of the latest check to begin, among those that ended. */
  let latest: { beganAt: number; ok: boolean } | null = null;
  const check = async (): Promise<number> => {
    const beganAt = Date.now();
    const settle = (ok: boolean): void => {
      if (latest === null || beganAt >= latest.beganAt) latest = { beganAt, ok };
    };
    try {
      await ping('ping', () => runtime.db.ping());
    } catch (e) {
      settle(false);
      throw e;
    }
    settle(true);
    return beganAt;
  };
  const answer = (checkedAt: number) => ({
    status: 'ok' as const,
    database: runtime.db.kind,
    version: runtime.config.version,
    databaseCheckedAt: new Date(checkedAt).toISOString(),
  });
  api.get(
    '/health',
    {
      schema: {
        tags: ['system'],
        summary: 'Health',
        description:
          'Answers 503 (problem+json, code database_unavailable) when the database does not answer. An answer may ' +
          `rest on a successful check of the database begun up to ${HEALTH_CHECK_FRESH_MS} ms before it ` +
          '(databaseCheckedAt); otherwise it waits for a new check.',
        response: { 200: Health },
      },
    },
    async () => {
      const now = Date.now();
      const recent = latest;
      if (recent !== null && recent.ok && now - recent.beganAt <= HEALTH_CHECK_FRESH_MS) {
        if (now - recent.beganAt > RENEW_AFTER_MS) check().catch(() => undefined);
        return answer(recent.beganAt);
      }
      try {
        return answer(await check());
      } catch (e) {
        throw databaseDown(e);
      }
    },
  );
}
