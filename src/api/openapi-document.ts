// The OpenAPI document as the server generates it from the same schemas that validate requests. Committed as
// docs/openapi.json (so clients and reviewers see API changes in diffs); a test fails when the two differ.
import { loadConfig } from '../config/config.ts';
import type { Runtime } from '../runtime.ts';
import { systemActor } from '../services/context.ts';
import { openPglite } from '../storage/db.ts';
import { buildServer } from './server.ts';

export async function generateOpenApiDocument(): Promise<unknown> {
  // An empty embedded database: building the routes reads nothing from it.
  const db = await openPglite(null);
  try {
    const config = loadConfig({ SEED: 'false', LOG_LEVEL: 'silent' }, { version: '0.0.0' });
    const runtime: Runtime = {
      config,
      db,
      systemContext: (label) => ({ db, actor: systemActor(label), now: () => new Date() }),
      close: () => db.close(),
    };
    const app = await buildServer(runtime, { logger: false });
    await app.ready();
    // A round trip through JSON drops what JSON cannot hold (TypeBox's symbol keys), as a client would see it.
    const doc = JSON.parse(JSON.stringify(app.swagger())) as unknown;
    await app.close();
    return doc;
  } finally {
    await db.close();
  }
}
