// /api/health answers 503 when the database does not answer (within about a second: an answer may rest on a check
// begun up to a second before, and says when), does not ask the database again for checks arriving right after a
// successful one, and on PostgreSQL does not wait behind a pool filled by slow readers (it has a connection of its own).
import net from 'node:net';
import { describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { HEALTH_CHECK_FRESH_MS } from '../../src/api/routes/health.ts';
import { openPglite, openPostgres, type Db } from '../../src/storage/db.ts';
import { serverOn } from '../helpers/kept-answers.ts';

const pgUrl = process.env.TEST_DATABASE_URL;

/** A TCP relay to PostgreSQL that can be cut, as a database server that goes away. */
async function relayTo(url: string): Promise<{ url: string; cut: () => Promise<void> }> {
  const target = new URL(url);
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    const upstream = net.connect(Number(target.port || 5432), target.hostname);
    sockets.add(client).add(upstream);
    client.pipe(upstream).pipe(client);
    const close = (): void => {
      client.destroy();
      upstream.destroy();
    };
    client.on('error', close).on('close', close);
    upstream.on('error', close).on('close', close);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const relayed = new URL(url);
  relayed.hostname = '127.0.0.1';
  relayed.port = String((server.address() as net.AddressInfo).port);
  return {
    url: relayed.toString(),
    cut: async () => {
      for (const s of sockets) s.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

/** Health until it answers 503 (an answer may rest on a check up to a second old); fails after five seconds. */
async function untilDown(app: FastifyInstance) {
  const t0 = Date.now();
  for (;;) {
    const res = await app.inject({ method: 'GET', url: '/api/health' });
    if (res.statusCode !== 200) return { res, afterMs: Date.now() - t0 };
    const checkedAt = Date.parse((res.json() as { databaseCheckedAt: string }).databaseCheckedAt);
    // A 200 after the database went away rests on a check begun before it went away, at most a second earlier.
    expect(checkedAt).toBeLessThanOrEqual(t0);
    expect(Date.now() - checkedAt).toBeLessThanOrEqual(HEALTH_CHECK_FRESH_MS + 50);
    if (Date.now() - t0 > 5_000) throw new Error('health still answered 200 five seconds after the database went away');
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('health on pglite', () => {
  it('asks the database once for checks arriving within a fifth of a second of a successful one', async () => {
    const db = await openPglite(null);
    let pings = 0;
    const counted: Db = Object.create(db, {
      ping: {
        value: async () => {
          pings++;
          return db.ping();
        },
      },
    }) as Db;
    const app = await serverOn(counted);
    try {
      const t0 = Date.now();
      const first = await app.inject({ method: 'GET', url: '/api/health' });
      expect(first.statusCode).toBe(200);
      expect(pings).toBe(1);
      const answers = [];
      for (let i = 0; i < 20; i++) answers.push(await app.inject({ method: 'GET', url: '/api/health' }));
      expect(answers.map((a) => a.statusCode)).toEqual(Array(20).fill(200));
      // One check, and at most one or two more a fifth of a second (renewed in the background), not one per answer.
      const elapsed = Date.now() - t0;
      expect(pings).toBeLessThan(21);
      expect(pings).toBeLessThanOrEqual(1 + 2 * Math.ceil(elapsed / 200));
      const checkedAt = Date.parse(first.json<{ databaseCheckedAt: string }>().databaseCheckedAt);
      expect(checkedAt).toBeGreaterThanOrEqual(t0 - 1);
      expect(checkedAt).toBeLessThanOrEqual(Date.now());
    } finally {
      await app.close();
      await db.close();
    }
  }, 120_000);

  it('answers ok, then 503 with a bilingual problem once the database is closed', async () => {
    const db = await openPglite(null);
    const app = await serverOn(db);
    try {
      const ok = await app.inject({ method: 'GET', url: '/api/health' });
      expect(ok.statusCode).toBe(200);
      expect(ok.json()).toMatchObject({ status: 'ok', database: 'pglite' });
      await db.close();
      const { res: down, afterMs } = await untilDown(app);
      expect(afterMs).toBeLessThanOrEqual(HEALTH_CHECK_FRESH_MS + 1000);
      expect(down.statusCode).toBe(503);
      expect(down.json()).toMatchObject({ code: 'database_unavailable', status: 503 });
      expect(down.json().messages.vi).toMatch(/Cơ sở dữ liệu/);
    } finally {
      await app.close();
    }
  }, 120_000);
});

describe.skipIf(!pgUrl)('health on postgres', () => {
  it('answers while every pooled connection is held by a slow reader', async () => {
    const db = await openPostgres(pgUrl as string);
    const app = await serverOn(db);
    try {
      // Ten readers (the pool's size) each hold a connection for two seconds.
      let settled = 0;
      const slow = Array.from({ length: 10 }, () =>
        db.query('SELECT pg_sleep(2)').finally(() => {
          settled++;
        }),
      );
      await new Promise((r) => setTimeout(r, 200));
      const ok = await app.inject({ method: 'GET', url: '/api/health' });
      expect(ok.statusCode).toBe(200);
      expect(ok.json()).toMatchObject({ status: 'ok', database: 'postgres' });
      // It did not wait for any of them.
      expect(settled).toBe(0);
      await Promise.all(slow);
    } finally {
      await app.close();
      await db.close();
    }
  }, 30_000);

  it('answers 503 once the database server cannot be reached', async () => {
    const relay = await relayTo(pgUrl as string);
    const db = await openPostgres(relay.url);
    const app = await serverOn(db);
    try {
      expect((await app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);
      await relay.cut();
      const { res: down } = await untilDown(app);
      expect(down.statusCode).toBe(503);
      expect(down.json()).toMatchObject({ code: 'database_unavailable' });
    } finally {
      await app.close();
      await db.close().catch(() => undefined);
    }
  }, 30_000);
});
