// Every CLI command, registered in one place. A command's module (and the services, report writers or server it
// imports) is loaded only when that command runs: `chitieu plans` does not load the web server or the Word writer.
// Without a known command (help, an unknown name), every module is loaded so the help lists them all.
import type { Command } from 'commander';

type Register = (program: Command) => void;

/** Top-level command names and the module that registers them, in the order the help lists them. */
const COMMANDS: ReadonlyArray<{ names: readonly string[]; load: () => Promise<Register> }> = [
  { names: ['serve'], load: async () => (await import('./serve.ts')).serveCommand },
  { names: ['migrate'], load: async () => (await import('./migrate.ts')).migrateCommand },
  { names: ['plans'], load: async () => (await import('./plans.ts')).plansCommand },
  { names: ['import-dataset'], load: async () => (await import('./import-dataset.ts')).importDatasetCommand },
  { names: ['evaluate'], load: async () => (await import('./evaluate.ts')).evaluateCommand },
  { names: ['add-vintage'], load: async () => (await import('./add-vintage.ts')).addVintageCommand },
  { names: ['changes'], load: async () => (await import('./changes.ts')).changesCommand },
  { names: ['override'], load: async () => (await import('./override.ts')).overrideCommand },
  { names: ['draft-plan'], load: async () => (await import('./draft-plan.ts')).draftPlanCommand },
  { names: ['report'], load: async () => (await import('./report.ts')).reportCommand },
  { names: ['discrepancies'], load: async () => (await import('./discrepancies.ts')).discrepanciesCommand },
  { names: ['issue', 'issued'], load: async () => (await import('./issued.ts')).issuedCommands },
  { names: ['template', 'import', 'export'], load: async () => (await import('./interchange.ts')).interchangeCommands },
  { names: ['backup', 'restore'], load: async () => (await import('./backup.ts')).backupCommands },
  { names: ['baselines'], load: async () => (await import('./baselines.ts')).baselinesCommand },
  { names: ['consolidate'], load: async () => (await import('./consolidate.ts')).consolidateCommand },
  { names: ['units'], load: async () => (await import('./units.ts')).unitsCommand },
];

/** Every top-level command name, for tests and for the help pointer of an argument error. */
export const COMMAND_NAMES: readonly string[] = COMMANDS.flatMap((c) => c.names);

/**
 * Registers the command named first on the command line (`argv[2]`), or every command when none is named. The
 * command's own `--help` still works: its module is the one loaded.
 */
export async function registerCommands(program: Command, argv: readonly string[] = []): Promise<void> {
  const first = argv[2];
  const named = first && !first.startsWith('-') ? COMMANDS.filter((c) => c.names.includes(first)) : [];
  const chosen = named.length > 0 ? named : COMMANDS;
  const registers = await Promise.all(chosen.map((c) => c.load()));
  for (const register of registers) register(program);
}
