// The `chitieu` command line: the same services as the API, for operators and scripts.
// Exit codes: 0 ok, 1 user error (a clear one-line message), 2 internal error.
import { Command, CommanderError } from 'commander';
import { isChitieuError } from '../core/errors.ts';
import { argumentErrorLines } from './argument-errors.ts';
import { composeArguments } from './nfc-arguments.ts';
import { translateDatabaseError } from '../storage/database-errors.ts';
import { COMMAND_NAMES, registerCommands } from './commands/index.ts';

export const EXIT = { ok: 0, user: 1, internal: 2 } as const;

export function reportError(failure: unknown): number {
  // The same translation of database errors as the HTTP edge (storage/database-errors.ts).
  const e = translateDatabaseError(failure) ?? failure;
  if (isChitieuError(e) && e.kind !== 'internal') {
    process.stderr.write(`chitieu: ${e.messages.vi}\n         ${e.messages.en}\n`);
    for (const i of e.issues.slice(0, 10)) process.stderr.write(`  - ${i.path}: ${i.reason.vi} / ${i.reason.en}\n`);
    return EXIT.user;
  }
  process.stderr.write(`chitieu: lỗi hệ thống / internal error: ${e instanceof Error ? e.message : String(e)}\n`);
  if (process.env.CHITIEU_DEBUG) process.stderr.write(`${e instanceof Error ? e.stack : ''}\n`);
  return EXIT.internal;
}

export async function buildProgram(argv: readonly string[] = []): Promise<Command> {
  const program = new Command('chitieu')
    .description('chitieu: targets of a five-year resolution, tracked with data and evaluated honestly')
    .version(process.env.npm_package_version ?? '0.1.0')
    .exitOverride()
    // Commander's own English error line is replaced by a bilingual one (argument-errors.ts).
    .configureOutput({ outputError: () => {} })
    // Every subcommand's text arguments composed (NFC) before it runs; paths left as typed (nfc-arguments.ts).
    .hook('preAction', (_root, command) => composeArguments(command));
  await registerCommands(program, argv);
  for (const command of program.commands) command.exitOverride().configureOutput({ outputError: () => {} });
  return program;
}

/** The subcommand named on the command line, for the help pointer of an argument error. */
function commandName(argv: string[]): string | null {
  const names = new Set(COMMAND_NAMES);
  return argv.slice(2).find((a) => names.has(a)) ?? null;
}

// `chitieu evaluate … | head` closes the pipe early: that is the reader being done, not an error.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(EXIT.ok);
  throw e;
});

async function main(): Promise<void> {
  const program = await buildProgram(process.argv);
  try {
    await program.parseAsync(process.argv);
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.exitCode !== 0) process.stderr.write(argumentErrorLines(e, commandName(process.argv)));
      process.exitCode = e.exitCode === 0 ? EXIT.ok : EXIT.user;
      return;
    }
    process.exitCode = reportError(e);
  }
}

await main();
