// The web app's API types, generated from the committed OpenAPI document (docs/openapi.json) by openapi-typescript.
import fs from 'node:fs';
import path from 'node:path';
import openapiTS, { astToString, COMMENT_HEADER } from 'openapi-typescript';

export const OPENAPI_PATH = path.resolve(import.meta.dirname, '../docs/openapi.json');
export const API_TYPES_PATH = path.resolve(import.meta.dirname, '../web/src/api/schema.ts');

/** The text of web/src/api/schema.ts for the committed OpenAPI document. */
export async function apiTypesSource(): Promise<string> {
  const doc = JSON.parse(fs.readFileSync(OPENAPI_PATH, 'utf8')) as Parameters<typeof openapiTS>[0];
  const ast = await openapiTS(doc as never);
  return `${COMMENT_HEADER}${astToString(ast)}`;
}
