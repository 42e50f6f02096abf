// Real readers for generated files: LibreOffice (headless) opens .xlsx and .docx and prints them to PDF, poppler reads
// PDFs (text, page sizes, fonts). Missing tools skip the file-reading tests loudly on a workstation and fail in CI.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { tempDir } from './processes.ts';

const TOOLS = ['soffice', 'pdftotext', 'pdfinfo', 'pdffonts', 'pdftoppm', 'unzip'] as const;

function has(tool: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${tool}`]).status === 0;
}

const missing = TOOLS.filter((t) => !has(t));
if (missing.length > 0) {
  const message = `file readers missing: ${missing.join(', ')} (Debian: libreoffice-writer-nogui libreoffice-calc-nogui poppler-utils unzip)`;
  if (process.env.CI) throw new Error(`CI requires ${message}`);
  console.warn(`\n*** ${message}: the tests that open generated files are SKIPPED. ***\n`);
}

/** True when every reader is installed; the tests that need them use `describe.runIf(readersAvailable)`. */
export const readersAvailable = missing.length === 0;

/**
 * Converts office files to PDF with LibreOffice and returns the PDFs' paths. A private profile per call, so parallel
 * conversions (other test files, other users) never share LibreOffice's user installation; any file it could not
 * open fails the call.
 */
export function officeToPdf(files: string[]): string[] {
  const out = tempDir('chitieu-office-');
  const profile = pathToFileURL(tempDir('chitieu-lo-profile-')).href;
  execFileSync(
    'soffice',
    [`-env:UserInstallation=${profile}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', out, ...files],
    { stdio: 'pipe', timeout: 180_000 },
  );
  return files.map((f) => {
    const pdf = path.join(out, `${path.basename(f, path.extname(f))}.pdf`);
    if (!fs.existsSync(pdf)) throw new Error(`LibreOffice did not convert ${f}`);
    return pdf;
  });
}

/** The text of a PDF in reading order, NFC (poppler may return decomposed marks). */
export function pdfText(file: string): string {
  return execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).normalize('NFC');
}

/** Every page's size in points, rounded: [842, 595] is A4 landscape. */
export function pdfPageSizes(file: string): [number, number][] {
  const info = execFileSync('pdfinfo', ['-f', '1', '-l', '9999', file], { encoding: 'utf8' });
  return [...info.matchAll(/Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts/g)].map((m) => [
    Math.round(Number(m[1])),
    Math.round(Number(m[2])),
  ]);
}

/** The fonts of a PDF: name and whether it is embedded. */
export function pdfFonts(file: string): { name: string; embedded: boolean }[] {
  const lines = execFileSync('pdffonts', [file], { encoding: 'utf8' }).split('\n').slice(2);
  return lines
    .filter((l) => l.trim() !== '')
    .map((l) => {
      const cols = l.trim().split(/\s+/);
      // name … emb sub uni object ID: "emb" is the fifth column from the end.
      return { name: cols[0] ?? '', embedded: cols[cols.length - 5] === 'yes' };
    });
}

/** One part of a zip package (an .xlsx or .docx), as text. */
export function zipPart(file: string, part: string): string {
  return execFileSync('unzip', ['-p', file, part], { encoding: 'utf8' });
}

/** Renders a PDF's first page to PNG (to look at it, and for the README). */
export function firstPagePng(pdf: string, outBase: string, dpi = 80): string {
  execFileSync('pdftoppm', ['-r', String(dpi), '-f', '1', '-l', '1', '-singlefile', '-png', pdf, outBase]);
  return `${outBase}.png`;
}
