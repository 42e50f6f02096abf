// Commander's argument errors in both languages, on two lines, with a pointer to the command's help instead of
// the whole help text.
import type { CommanderError } from 'commander';

type Messages = { vi: string; en: string };

function quoted(message: string): string {
  return /'([^']+)'/.exec(message)?.[1] ?? '';
}

function describe(e: CommanderError): Messages {
  const what = quoted(e.message);
  switch (e.code) {
    case 'commander.missingArgument':
      return { vi: `thiếu tham số bắt buộc ${what}`, en: `missing required argument ${what}` };
    case 'commander.optionMissingArgument':
      return { vi: `tuỳ chọn ${what} cần một giá trị`, en: `option ${what} needs a value` };
    case 'commander.missingMandatoryOptionValue':
      return { vi: `thiếu tuỳ chọn bắt buộc ${what}`, en: `missing required option ${what}` };
    case 'commander.unknownOption':
      return { vi: `không có tuỳ chọn ${what}`, en: `unknown option ${what}` };
    case 'commander.unknownCommand':
      return { vi: `không có lệnh ${what}`, en: `unknown command ${what}` };
    case 'commander.excessArguments':
      return { vi: 'thừa tham số', en: 'too many arguments' };
    case 'commander.invalidArgument':
      return {
        vi: `giá trị không hợp lệ: ${e.message.replace(/^error: /, '')}`,
        en: e.message.replace(/^error: /, ''),
      };
    default:
      return { vi: e.message.replace(/^error: /, ''), en: e.message.replace(/^error: /, '') };
  }
}

/** The two lines printed for an argument error of `chitieu <command>`. */
export function argumentErrorLines(e: CommanderError, command: string | null): string {
  const m = describe(e);
  const help = command ? `chitieu ${command} --help` : 'chitieu --help';
  return `chitieu: ${m.vi} (xem ${help})\n         ${m.en} (see ${help})\n`;
}
