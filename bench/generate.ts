// The data generator on its own: fills a new PostgreSQL schema (or a PGlite folder) at a scale and prints where,
// to look at the data or EXPLAIN ANALYZE the hot queries against it.
//   npx tsx bench/generate.ts --scale city|national --postgres URL [--seed N]
import { kitOptions, preparedDb, printHeader } from './kit/common.ts';

const o = kitOptions();
printHeader('generate', o);
const b = await preparedDb(o, { folder: true });
await b.db.close();
console.log(b.url ? `kept in ${b.url}` : `kept in the PGlite folder ${b.dataDir}`);
