// Backtest of the forecast on real history (World Bank GDP per head, current US$): every five-year term 1980–2023,
// targets of +3, +6 and +9 %/yr, checkpoints one to four years in; fit on terms judged by 2012, scored on the later
// ones against three baselines. Not a timed test: run `npm run bench:forecast` (or `npx tsx bench/forecast.bench.ts
// [--data ../shared/data/worldbank]`); it prints the table and writes bench/results/forecast-backtest.json and the
// reliability diagram bench/results/forecast-reliability.png.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { WORLD_BANK_CASES } from '../src/core/forecast/backtest/cases.ts';
import { METHODS, runBacktest } from '../src/core/forecast/backtest/run.ts';
import { reliabilityPng } from './forecast/reliability-chart.ts';
import { gdpPerHead } from './forecast/worldbank.ts';

const here = dirname(fileURLToPath(import.meta.url));
const arg = process.argv.indexOf('--data');
const folder = arg > 0 ? resolve(process.argv[arg + 1] ?? '') : resolve(here, '../../shared/data/worldbank');
// --pool-weight W holds λ (the share of the current term's common growth carried into the prior) at W instead of
// fitting it on the training terms: a sensitivity run, written to forecast-backtest-weight-W.json only.
const w = process.argv.indexOf('--pool-weight');
const fixedWeight = w > 0 ? Number(process.argv[w + 1]) : undefined;
if (fixedWeight !== undefined && !Number.isFinite(fixedWeight)) throw new Error('--pool-weight needs a number');
const LAST_TRAIN_YEAR = 2012;
const GOAL = { checkpoint: '2', brierRatio: 0.85, ece: 0.02 };

const started = performance.now();
const panel = gdpPerHead(folder);
const result = runBacktest(panel, WORLD_BANK_CASES, LAST_TRAIN_YEAR, fixedWeight);
const seconds = (performance.now() - started) / 1000;

const f = (x: number): string => x.toFixed(4);
console.log(
  `Forecast backtest: ${result.units} countries, fit on ${result.trainCases} cases (terms judged by ${LAST_TRAIN_YEAR}), ` +
    `scored on ${result.testCases} later cases; ${seconds.toFixed(1)} s`,
);
console.log(`Fitted long-run log-scale prior: ${JSON.stringify(result.prior)}`);
console.log(
  `Fitted structure of the prior pooled at the checkpoint (${result.pooled.crossSections} training cross-sections): ` +
    JSON.stringify(result.pooled.structure),
);
console.log('');
console.log('checkpoint      n  method         Brier    log score  ECE      mean p  rate');
for (const [k, c] of Object.entries(result.checkpoints)) {
  for (const m of METHODS) {
    const s = c[m];
    console.log(
      `${k.padStart(10)}  ${String(s.n).padStart(5)}  ${m.padEnd(13)}  ${f(s.brier)}   ${f(s.logScore)}     ${f(s.ece)}   ${f(s.meanP)}  ${f(s.rate)}`,
    );
  }
  const u = c.unpooled;
  console.log(
    `${k.padStart(10)}  ${String(u.n).padStart(5)}  ${'(unpooled)'.padEnd(13)}  ${f(u.brier)}   ${f(u.logScore)}     ${f(u.ece)}   ${f(u.meanP)}  ${f(u.rate)}`,
  );
  console.log(`${''.padStart(10)}  model Brier / UN categories Brier = ${c.brierRatio.toFixed(3)}`);
}
console.log('');
console.log('Two years in, by term (base year): mean P of the model against the share met');
for (const t of result.byTerm) {
  const mark = t.baseYear + 5 > LAST_TRAIN_YEAR ? ' (scored)' : '';
  console.log(
    `  ${t.baseYear}–${t.baseYear + 5}  n ${String(t.n).padStart(4)}  mean P ${f(t.meanP)}  met ${f(t.rate)}${mark}`,
  );
}
const at = result.checkpoints[GOAL.checkpoint];
const goal = {
  checkpoint: Number(GOAL.checkpoint),
  brierRatio: at?.brierRatio ?? null,
  ece: at?.model.ece ?? null,
  brierGoal: GOAL.brierRatio,
  eceGoal: GOAL.ece,
  met: at !== undefined && at.brierRatio <= GOAL.brierRatio && at.model.ece <= GOAL.ece,
};
console.log('');
console.log(
  `Goal two years in: Brier ratio ${goal.brierRatio?.toFixed(3)} (≤ ${GOAL.brierRatio}), ECE ${goal.ece?.toFixed(4)} ` +
    `(≤ ${GOAL.ece}): ${goal.met ? 'met' : 'NOT met'}`,
);

const out = join(here, 'results');
mkdirSync(out, { recursive: true });
const file = fixedWeight === undefined ? 'forecast-backtest.json' : `forecast-backtest-weight-${fixedWeight}.json`;
writeFileSync(
  join(out, file),
  `${JSON.stringify(
    {
      data: 'World Bank NY.GDP.MKTP.CD ÷ SP.POP.TOTL (shared/data/worldbank), aggregates removed',
      cases: WORLD_BANK_CASES,
      seconds: Number(seconds.toFixed(1)),
      goal,
      ...(fixedWeight === undefined ? {} : { fixedWeight }),
      ...result,
    },
    null,
    2,
  )}\n`,
);
if (fixedWeight === undefined) writeFileSync(join(out, 'forecast-reliability.png'), reliabilityPng(result));
console.log(`Wrote ${join(out, file)}${fixedWeight === undefined ? ' and forecast-reliability.png' : ''}`);
