// `chitieu add-vintage`: record a later vintage (sơ bộ, chính thức) of a figure and print what changed; with --file,
// a whole list of them (a yearbook's figures) in one run, each judged and recorded on its own.
import fs from 'node:fs';
import type { Command } from 'commander';
import { isChitieuError, ValidationError, type FieldIssue } from '../../core/errors.ts';
import { OBSERVATION_STATUSES, type ObservationStatus } from '../../core/vocabulary.ts';
import { addVintage, type AddVintageInput, type AddVintageResult } from '../../services/observations/add-vintage.ts';
import { translateDatabaseError } from '../../storage/database-errors.ts';
import { parseComposedJson } from '../nfc-arguments.ts';
import { withRuntime } from '../with-runtime.ts';

interface Options {
  period?: string;
  value?: string;
  source?: string;
  publishedOn?: string;
  status: string;
  label?: string;
  correction?: boolean;
  reason?: string;
  confirmImplausible?: boolean;
  file?: string;
  json?: boolean;
}

/** One entry of a --file list: the command's options as JSON fields, with the plan and indicator codes. */
interface FileEntry {
  plan: string;
  indicator: string;
  period: string;
  value: string;
  source: string;
  publishedOn: string;
  status?: string;
  label?: string;
  correction?: boolean;
  reason?: string;
  confirmImplausible?: boolean;
  unit?: string;
}

function inputOf(e: FileEntry): AddVintageInput {
  return {
    planCode: e.plan,
    indicatorCode: e.indicator,
    period: e.period,
    value: e.value,
    status: (e.status ?? 'official') as ObservationStatus,
    source: e.source,
    publishedOn: e.publishedOn,
    kind: e.correction ? 'correction' : 'vintage',
    ...(e.label ? { label: e.label } : {}),
    ...(e.reason ? { reason: e.reason } : {}),
    ...(e.confirmImplausible ? { confirmImplausible: true } : {}),
    ...(e.unit ? { unitCode: e.unit } : {}),
  };
}

function fromOptions(plan: string | undefined, indicator: string | undefined, o: Options): FileEntry {
  const missing = [
    ['<plan>', plan],
    ['<indicator>', indicator],
    ['--period', o.period],
    ['--value', o.value],
    ['--source', o.source],
    ['--published-on', o.publishedOn],
  ].filter(([, v]) => v === undefined);
  if (missing.length > 0) {
    const names = missing.map(([n]) => n).join(', ');
    throw new ValidationError(
      { vi: `Thiếu ${names} (hoặc dùng --file)`, en: `Missing ${names} (or use --file)` },
      missing.map(([n]) => ({ path: String(n), reason: { vi: 'bắt buộc', en: 'required' } })),
    );
  }
  return {
    plan: plan as string,
    indicator: indicator as string,
    period: o.period as string,
    value: o.value as string,
    source: o.source as string,
    publishedOn: o.publishedOn as string,
    status: o.status,
    ...(o.label ? { label: o.label } : {}),
    ...(o.correction ? { correction: true } : {}),
    ...(o.reason ? { reason: o.reason } : {}),
    ...(o.confirmImplausible ? { confirmImplausible: true } : {}),
  };
}

function readEntries(file: string): FileEntry[] {
  let data: unknown;
  try {
    data = parseComposedJson(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    const why = (e as Error).message;
    throw new ValidationError({ vi: `Không đọc được tệp ${file}: ${why}`, en: `Cannot read file ${file}: ${why}` }, [
      { path: '--file', reason: { vi: why, en: why } },
    ]);
  }
  if (!Array.isArray(data))
    throw new ValidationError(
      { vi: `Tệp ${file} phải là một mảng JSON các số liệu`, en: `File ${file} must be a JSON array of figures` },
      [{ path: '--file', reason: { vi: 'không phải mảng', en: 'not an array' } }],
    );
  return data as FileEntry[];
}

type Outcome =
  | { index: number; ok: true; result: AddVintageResult }
  | { index: number; ok: false; error: { code: string; messages: { vi: string; en: string }; issues: FieldIssue[] } };

function printText(entry: FileEntry, o: Outcome, many: boolean): void {
  const head = many ? `#${o.index + 1} ${entry.indicator} ${entry.period} "${entry.value}": ` : '';
  if (!o.ok) {
    process.stderr.write(`chitieu: ${head}${o.error.messages.vi}\n         ${o.error.messages.en}\n`);
    return;
  }
  const r = o.result;
  process.stdout.write(
    `${head}Đã ghi phiên bản ${r.seq} của số liệu ${entry.indicator} kỳ ${entry.period} / recorded version ${r.seq}\n`,
  );
  if (r.workflowState === 'submitted')
    process.stdout.write(
      `Chờ một người khác phê duyệt (số liệu ${r.observationId}) / awaiting approval by someone else\n`,
    );
  else if (r.changes.length === 0) process.stdout.write('Không có đánh giá nào thay đổi / no evaluation changed\n');
  for (const c of r.changes) {
    process.stdout.write(
      `${c.indicator.code} ${c.indicator.name}: ${c.before?.word ?? '—'} (${c.before?.value ?? '—'}) → ${c.after.word ?? '—'} (${c.after.value ?? '—'})\n`,
    );
  }
}

export function addVintageCommand(program: Command): void {
  program
    .command('add-vintage')
    .description(
      'Record a new vintage of a figure (e.g. the official figure replacing an estimate); prints the verdicts that changed',
    )
    .argument('[plan]', 'plan code, e.g. hai-phong-2020-2025')
    .argument('[indicator]', 'indicator code in the plan, e.g. 1')
    .option('--period <period>', 'period code: 2025, 2021-2025, 2026-Q1 …')
    .option(
      '--value <figure>',
      'the figure as published: 11.8 or 11,8; a range "8,3-8,5"; a bound "<3,5"; a count of a total "102/275"',
    )
    .option('--source <document>', 'the document that published it')
    .option('--published-on <date>', 'its publication date YYYY-MM-DD')
    .option('--status <status>', OBSERVATION_STATUSES.join(' | '), 'official')
    .option('--label <label>', 'vintage label, e.g. "ước tính lần 2"')
    .option('--correction', 'this corrects a mistake in a stored figure (needs --reason)')
    .option('--reason <text>', 'why')
    .option('--confirm-implausible', 'accept a figure the checks flag as implausible (needs --reason)')
    .option(
      '--file <json>',
      'a JSON array of figures {plan, indicator, period, value, source, publishedOn, status?, reason?, …}, each recorded on its own',
    )
    .option('--json', 'print JSON')
    .action(async (planCode: string | undefined, indicatorCode: string | undefined, opts: Options) => {
      const entries = opts.file ? readEntries(opts.file) : [fromOptions(planCode, indicatorCode, opts)];
      const many = opts.file !== undefined;
      await withRuntime(async (rt) => {
        const outcomes: Outcome[] = [];
        for (const [index, entry] of entries.entries()) {
          try {
            const result = await addVintage({ ctx: rt.systemContext('cli'), input: inputOf(entry) });
            outcomes.push({ index, ok: true, result });
          } catch (failure) {
            // A single figure's refusal is the command's error; in a list it is reported and the next one is tried.
            const e = translateDatabaseError(failure) ?? failure;
            if (!many || !isChitieuError(e) || e.kind === 'internal') throw e;
            outcomes.push({ index, ok: false, error: { code: e.code, messages: e.messages, issues: e.issues } });
          }
        }
        if (opts.json)
          process.stdout.write(
            `${JSON.stringify(many ? outcomes : outcomes[0]?.ok ? outcomes[0].result : null, null, 2)}\n`,
          );
        else outcomes.forEach((o) => printText(entries[o.index] as FileEntry, o, many));
        if (outcomes.some((o) => !o.ok)) process.exitCode = 1;
      });
    });
}
