// `npm run openapi`: regenerate docs/openapi.json from the server's route schemas.
import fs from 'node:fs';
import path from 'node:path';
import { generateOpenApiDocument } from '../src/api/openapi-document.ts';

const target = path.resolve(import.meta.dirname, '../docs/openapi.json');
fs.writeFileSync(target, `${JSON.stringify(await generateOpenApiDocument(), null, 2)}\n`);
process.stdout.write(`wrote ${target}\n`);
