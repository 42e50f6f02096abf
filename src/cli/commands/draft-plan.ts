// `chitieu draft-plan FILE`: drafts a plan from a resolution (text, .docx, or a PDF with a text layer) and prints the
// review list (vi-VN) or the draft as JSON. Reads the file only; needs no database and saves nothing.
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { promisify } from 'node:util';
import type { Command } from 'commander';
import mammoth from 'mammoth';
import { ValidationError } from '../../core/errors.ts';
import { formatReviewList } from '../../core/drafting/review-list.ts';
import { systemActor } from '../../services/context.ts';
import { draftPlanFromText } from '../../services/drafts/draft-plan-from-text.ts';

async function readDocument(file: string): Promise<string> {
  const ext = extname(file).toLowerCase();
  if (ext === '.docx') return (await mammoth.extractRawText({ path: file })).value;
  if (ext === '.pdf') {
    try {
      const { stdout } = await promisify(execFile)('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], {
        maxBuffer: 64 * 1024 * 1024,
      });
      return stdout;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') {
        throw new ValidationError(
          {
            vi: 'Không đọc được PDF: máy chưa cài pdftotext (gói poppler-utils); hãy chuyển sang .txt hoặc .docx',
            en: 'Cannot read the PDF: pdftotext (package poppler-utils) is not installed; convert it to .txt or .docx',
          },
          [{ path: file, reason: { vi: 'thiếu pdftotext', en: 'pdftotext missing' } }],
          'pdf_reader_missing',
        );
      }
      throw e;
    }
  }
  if (ext === '.doc') {
    throw new ValidationError(
      {
        vi: 'Tệp .doc (Word 97–2003) chưa đọc được: hãy lưu thành .docx',
        en: '.doc files cannot be read: save as .docx',
      },
      [{ path: file, reason: { vi: 'định dạng .doc', en: '.doc format' } }],
      'unsupported_document',
    );
  }
  return readFile(file, 'utf8');
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
