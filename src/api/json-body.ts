// The JSON body parser: bytes that are not valid UTF-8, lone surrogates ("\ud800") and NUL characters are refused
// here, because further on they would be silently replaced (U+FFFD) or fail in PostgreSQL as a 500; so are the
// controls that reorder text (U+202A–U+202E, U+2066–U+2069, U+200E, U+200F, U+061C): Vietnamese never needs them,
// and a right-to-left override in a name or a progress narrative makes "%59" read as "95%" in the official report and
// on screen. Every other string is composed to NFC (nfc-input.ts).
import type { FastifyInstance } from 'fastify';
import { ValidationError } from '../core/errors.ts';
import { hasReorderingControl, REORDERING_REASON } from '../core/format/reordering-controls.ts';
import { nfcReviver, SECRET_KEYS } from './nfc-input.ts';

const decoder = new TextDecoder('utf-8', { fatal: true });
// A high surrogate not followed by a low one, or a low one without a high one before it.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

// The rows of a backup or a plan document are written as they were stored, not judged again: a backup always restores.
const DOCUMENT_ROWS = /^body\/tables\//;

const reorderingText = (where: string): ValidationError =>
  new ValidationError(
    {
      vi: 'Văn bản chứa ký tự điều khiển hướng chữ (như U+202E), có thể làm đảo thứ tự chữ và số khi hiển thị',
      en: 'The text contains a bidirectional control character (such as U+202E) that can reorder what is displayed',
    },
    [{ path: where, reason: REORDERING_REASON }],
    'invalid_text',
  );

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
    if (
      hasReorderingControl(value) &&
      !DOCUMENT_ROWS.test(where) &&
      !SECRET_KEYS.has(where.slice(where.lastIndexOf('/') + 1))
    )
      throw reorderingText(where);
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
