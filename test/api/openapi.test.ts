import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateOpenApiDocument } from '../../src/api/openapi-document.ts';

describe('the committed OpenAPI document', () => {
  it('is exactly what the server generates from its route schemas (run `npm run openapi` after changing a route)', async () => {
    const committed = JSON.parse(
      fs.readFileSync(path.resolve(import.meta.dirname, '../../docs/openapi.json'), 'utf8'),
    ) as unknown;
    expect(await generateOpenApiDocument()).toEqual(committed);
  });

  it('documents the API under /api, from health to vintages', async () => {
    const doc = (await generateOpenApiDocument()) as { openapi: string; paths: Record<string, unknown> };
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/health',
        '/api/plans',
        '/api/plans/{code}/evaluations',
        '/api/plans/{code}/evaluations/list',
        '/api/observations',
        '/api/plans/{code}/vintages',
      ]),
    );
  });
});
