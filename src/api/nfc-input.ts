// Text as received is NFC: Vietnamese typed on macOS (or pasted from a PDF) often arrives decomposed ("ệ" as e + two
// combining marks), and would then be stored, compared and searched as a different string from the same word typed
// on Windows ("người@…" could not log in, a reason would differ in the audit log). Every string of a JSON body, a
// querystring and a path is composed here, at the edge, once, so that no service has to remember to.
import type { FastifyInstance } from 'fastify';

/**
 * Secrets are compared by their hash as they were first typed: composing them now would lock out an account whose
 * password was set, decomposed, before this rule existed. The body keys that carry a password (login, a new account,
 * a one-time password, a change of password).
 */
export const SECRET_KEYS: ReadonlySet<string> = new Set(['password', 'current', 'next']);

/** A JSON.parse reviver: every string value composed (NFC), a password left as typed. */
export function nfcReviver(key: string, value: unknown): unknown {
  return typeof value === 'string' && !SECRET_KEYS.has(key) ? value.normalize('NFC') : value;
}

function composeValues(record: unknown): void {
  if (record === null || typeof record !== 'object') return;
  const r = record as Record<string, unknown>;
  for (const [k, v] of Object.entries(r)) {
    if (typeof v === 'string') r[k] = v.normalize('NFC');
    else if (Array.isArray(v)) r[k] = v.map((x: unknown) => (typeof x === 'string' ? x.normalize('NFC') : x));
  }
}

/** Composes the querystring's and the path's values before they are validated. */
export function registerNfcInput(app: FastifyInstance): void {
  app.addHook('preValidation', async (req) => {
    composeValues(req.query);
    composeValues(req.params);
  });
}
