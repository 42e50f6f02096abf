// `chitieu draft-plan FILE`: drafts a plan from a resolution (text, .docx, or a PDF with a text layer) and prints the
// review list (vi-VN) or the draft as JSON. Reads the file only; needs no database and saves nothing.
import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { documentText } from '../../imports/document-text.ts';
import { formatReviewList } from '../../core/drafting/review-list.ts';
import { ValidationError } from '../../core/errors.ts';
import { systemActor } from '../../services/context.ts';
import { draftPlanFromText } from '../../services/drafts/draft-plan-from-text.ts';

async function readDocument(file: string): Promise<string> {
  return documentText(file, await readFile(file));
}

export function draftPlanCommand(program: Command): void {
  program
    .command('draft-plan')
    .description("Draft a plan's targets from a resolution's text (.txt, .docx, or a PDF with a text layer) for review")
    .argument('<file>', 'the resolution')
    .option('--json', 'print the draft as JSON')
    .option('--term <years>', 'the term when the text does not say it, e.g. 2026-2030')
    .action(async (file: string, opts: { json?: boolean; term?: string }) => {
      let text: string;
      try {
        text = await readDocument(file);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'ENOENT') {
          throw new ValidationError({ vi: `Không tìm thấy tệp ${file}`, en: `File ${file} not found` }, [
            { path: file, reason: { vi: 'không có tệp', en: 'no such file' } },
          ]);
        }
        throw e;
      }
      const draft = draftPlanFromText({
        ctx: { actor: systemActor('cli') },
        input: { text, ...(opts.term ? { term: opts.term } : {}) },
      });
      process.stdout.write(opts.json ? `${JSON.stringify(draft, null, 2)}\n` : formatReviewList(draft));
    });
}
