// One entry for the results table's files: the format named by a user ("xlsx", "docx", "pdf") → its writer, its
// media type and a file name, so the API and the CLI deliver the very same bytes.
import { ValidationError } from '../core/errors.ts';
import type { ResultsTableModel } from '../services/reports/results-table-model.ts';
import { writeResultsDocx } from './results-docx.ts';
import { writeResultsPdf } from './results-pdf.ts';
import { writeResultsXlsx } from './results-xlsx.ts';

export const REPORT_FORMATS = ['xlsx', 'docx', 'pdf'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export const MEDIA_TYPES: Record<ReportFormat, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
};

export function parseReportFormat(text: string): ReportFormat {
  if ((REPORT_FORMATS as readonly string[]).includes(text)) return text as ReportFormat;
  throw new ValidationError(
    {
      vi: `Định dạng "${text}" không hỗ trợ; chọn một trong: ${REPORT_FORMATS.join(', ')}`,
      en: `Format "${text}" is not supported; choose one of: ${REPORT_FORMATS.join(', ')}`,
    },
    [{ path: 'format', reason: { vi: 'định dạng không hỗ trợ', en: 'unsupported format' } }],
  );
}

export async function renderResultsTable(
  model: ResultsTableModel,
  format: ReportFormat,
  generatedAt: Date,
): Promise<Buffer> {
  switch (format) {
    case 'xlsx':
      return writeResultsXlsx(model, generatedAt);
    case 'docx':
      return writeResultsDocx(model, generatedAt);
    case 'pdf':
      return writeResultsPdf(model, generatedAt);
  }
}

/** "Phụ lục 1 - hai-phong-2020-2025 - 2026-11-29.xlsx" and its ASCII fallback "phu-luc-1-hai-phong-2020-2025-2026-11-29.xlsx". */
export function reportFileNames(model: ResultsTableModel, format: ReportFormat): { unicode: string; ascii: string } {
  const unicode = `${model.appendix} - ${model.planCode} - ${model.asOf}.${format}`;
  const ascii = unicode
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/[^a-z0-9.]+/g, '-')
    .replace(/-+\./g, '.');
  return { unicode: unicode.normalize('NFC'), ascii };
}

/**
 * Content-Disposition with both names (RFC 6266): browsers save the Vietnamese name from filename*, older clients the
 * ASCII one; neither can carry a quote or a line break into the header.
 */
export function contentDisposition(names: { unicode: string; ascii: string }): string {
  const encoded = encodeURIComponent(names.unicode).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${names.ascii}"; filename*=UTF-8''${encoded}`;
}
