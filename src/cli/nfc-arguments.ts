// Text typed on the command line is composed (NFC) before a command runs, as the API composes every string it
// receives (src/api/nfc-input.ts): a macOS terminal passes "Sở Tài chính" or a reason decomposed ("ở" as o + two
// combining marks), which would then be stored, compared and looked up as a different string ("Không tìm thấy cơ
// quan" for an agency that exists). File and folder paths are left as typed: a file system that keeps names as
// bytes (Linux) would not find a decomposed file name once composed. The CLI takes no password.
import type { Command } from 'commander';

/** Positional arguments and options (by their attribute name) that name a file or a folder. */
const PATH_ARGUMENTS: ReadonlySet<string> = new Set(['file', 'folder']);
const PATH_OPTIONS: ReadonlySet<string> = new Set(['file', 'out', 'against']);

function composed(value: unknown): unknown {
  if (typeof value === 'string') return value.normalize('NFC');
  if (Array.isArray(value)) return value.map(composed);
  return value;
}

/** Composes the parsed arguments and option values of the command about to run (a commander preAction hook). */
export function composeArguments(command: Command): void {
  command.registeredArguments.forEach((argument, i) => {
    if (!PATH_ARGUMENTS.has(argument.name())) command.processedArgs[i] = composed(command.processedArgs[i]);
  });
  for (const [key, value] of Object.entries(command.opts()))
    if (!PATH_OPTIONS.has(key) && (typeof value === 'string' || Array.isArray(value)))
      command.setOptionValueWithSource(key, composed(value), command.getOptionValueSource(key) ?? 'cli');
}

/** JSON read from a file named on the command line, its strings composed like the arguments. */
export function parseComposedJson(text: string): unknown {
  return JSON.parse(text, (_key, value: unknown) => (typeof value === 'string' ? value.normalize('NFC') : value));
}
