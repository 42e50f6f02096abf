// The JSON body parser: bytes that are not valid UTF-8, lone surrogates ("\ud800") and NUL characters are refused
// here, because further on they would be silently replaced (U+FFFD) or fail in PostgreSQL as a 500; every other
// string is composed to NFC (nfc-input.ts).
import type { FastifyInstance } from 'fastify';
import { ValidationError } from '../core/errors.ts';
import { nfcReviver } from './nfc-input.ts';

const decoder = new TextDecoder('utf-8', { fatal: true });
// A high surrogate not followed by a low one, or a low one without a high one before it.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

const invalidText = (where: string): ValidationError =>
  new ValidationError(
    { vi: 'Văn bản chứa ký tự Unicode không hợp lệ', en: 'The text contains invalid Unicode' },
    [{ path: where, reason: { vi: 'Unicode không hợp lệ', en: 'invalid Unicode' } }],
    'invalid_text',
  );

function checkStrings(value: unknown, where: string, depth = 0): void {
  if (depth > 32)
    throw new ValidationError(
      { vi: 'Dữ liệu lồng nhau quá sâu', en: 'Nesting too deep' },
      [{ path: where, reason: { vi: 'quá sâu', en: 'too deep' } }],
      'too_deep',
    );
  if (typeof value === 'string') {
    if (LONE_SURROGATE.test(value) || value.includes('\u0000')) throw invalidText(where);
  } else if (Array.isArray(value)) {
    value.forEach((v, i) => checkStrings(v, `${where}/${i}`, depth + 1));
  } else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      checkStrings(k, where, depth + 1);
      checkStrings(v, `${where}/${k}`, depth + 1);
    }
  }
}

export function registerJsonBody(app: FastifyInstance): void {
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (_req, body: Buffer, done) => {
    let parsed: unknown;
    try {
      const text = decoder.decode(body);
      // Prototype-pollution keys are refused outright rather than dropped, so the client learns its body was wrong.
      parsed =
        text.trim() === ''
          ? undefined
          : JSON.parse(text, (key, v: unknown) => {
              if (key === '__proto__' || key === 'constructor' || key === 'prototype')
                throw new SyntaxError('forbidden key');
              return nfcReviver(key, v);
            });
    } catch (e) {
      const bytes = e instanceof TypeError;
      done(
        bytes
          ? invalidText('body')
          : new ValidationError(
              { vi: 'Nội dung không phải JSON hợp lệ', en: 'The body is not valid JSON' },
              [{ path: 'body', reason: { vi: 'JSON không hợp lệ', en: 'invalid JSON' } }],
              'invalid_json',
            ),
        undefined,
      );
      return;
    }
    try {
      checkStrings(parsed, 'body');
      done(null, parsed);
    } catch (e) {
      done(e as Error, undefined);
    }
  });
}
