// `chitieu draft-plan FILE`: drafts a plan from a resolution (text, .docx, or a PDF with a text layer) and prints the
// review list (vi-VN) or the draft as JSON. Reads the file only; needs no database and saves nothing.
import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { documentText } from '../../imports/document-text.ts';
import { formatMeasurement, goldTargets, measureDraft } from '../../core/drafting/measure.ts';
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
    .option(
      '--against <plan.json>',
      'measure the draft against a hand-built plan of the same document (dataset format): recall and precision by kind',
    )
    .action(async (file: string, opts: { json?: boolean; term?: string; against?: string }) => {
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
      if (opts.against === undefined) {
        process.stdout.write(opts.json ? `${JSON.stringify(draft, null, 2)}\n` : formatReviewList(draft));
        return;
      }
      let plan: Parameters<typeof goldTargets>[0];
      try {
        plan = JSON.parse(await readFile(opts.against, 'utf8')) as Parameters<typeof goldTargets>[0];
      } catch {
        throw new ValidationError(
          {
            vi: `Không đọc được kế hoạch đối chiếu ${opts.against} (tệp JSON theo định dạng dữ liệu)`,
            en: `Cannot read the plan to measure against, ${opts.against} (a JSON file in the dataset format)`,
          },
          [{ path: '--against', reason: { vi: 'không đọc được tệp', en: 'unreadable file' } }],
        );
      }
      const measured = measureDraft(draft, goldTargets(plan));
      if (opts.json) {
        process.stdout.write(
          `${JSON.stringify({ draft, measured: { ...measured, byKind: Object.fromEntries(measured.byKind) } }, null, 2)}\n`,
        );
      } else {
        process.stdout.write(`${formatReviewList(draft)}\n${formatMeasurement(measured, draft.notUnderstood.length)}`);
      }
    });
}
