// `npm run openapi`: regenerate docs/openapi.json from the server's route schemas, then the web app's API types.
import fs from 'node:fs';
import { generateOpenApiDocument } from '../src/api/openapi-document.ts';
import { API_TYPES_PATH, apiTypesSource, OPENAPI_PATH } from './api-client-source.ts';

fs.writeFileSync(OPENAPI_PATH, `${JSON.stringify(await generateOpenApiDocument(), null, 2)}\n`);
process.stdout.write(`wrote ${OPENAPI_PATH}\n`);
fs.writeFileSync(API_TYPES_PATH, await apiTypesSource());
process.stdout.write(`wrote ${API_TYPES_PATH}\n`);
