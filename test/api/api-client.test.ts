import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { API_TYPES_PATH, apiTypesSource } from '../../scripts/api-client-source.ts';

describe("the web app's generated API types", () => {
  it('are exactly what openapi-typescript makes of the committed OpenAPI document (run `npm run openapi`)', async () => {
    expect(fs.readFileSync(API_TYPES_PATH, 'utf8')).toBe(await apiTypesSource());
  });
});
