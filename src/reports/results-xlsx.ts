// Writes the results table as an Excel workbook: merged two-row header, figures as numbers with a Vietnamese number
// format, frozen header, printed on A4 landscape fitted to the page width with the header repeated on every page.
import ExcelJS from 'exceljs';
import type { Cell, IndicatorRow, ResultsTableModel } from '../services/reports/results-table-model.ts';

const FONT = 'Times New Roman';
/** Table text at 12 pt: NĐ 30 sets no size for tables; 12 keeps eight columns readable on a landscape page. */
const SIZE = 12;
const THIN = { style: 'thin' as const, color: { argb: 'FF000000' } };
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };

/**
 * "#,##0.00" with the Vietnamese locale tag (LCID 042A): LibreOffice then prints "118.079,28" whatever its own locale,
 * and Excel on a Vietnamese system does anyway.
 */
function numberFormat(decimals: number): string {
  return `[$-42A]#,##0${decimals > 0 ? `.${'0'.repeat(decimals)}` : ''}`;
}

function setFigure(cell: ExcelJS.Cell, value: Cell | null): void {
  if (value === null) return;
  if (value.value !== undefined) {
    cell.value = Number(value.value);
    cell.numFmt = numberFormat(value.decimals ?? 0);
    cell.alignment = { horizontal: 'right', vertical: 'middle' };
  } else {
    cell.value = value.text;
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  }
}

function nameValue(row: IndicatorRow): ExcelJS.CellValue {
  const name = `${row.level > 0 ? '- ' : ''}${row.name}`;
  if (row.notes.length === 0) return name;
  return {
    richText: [
      { text: name, font: { name: FONT, size: SIZE } },
      { text: row.notes.join(','), font: { name: FONT, size: SIZE, vertAlign: 'superscript' } },
    ],
  };
}

/**
 * Neither Excel nor LibreOffice grows a row for wrapped text written by a library, so the row gets the height of its
 * longest cell: characters per line from the column width, less one for the cell's padding.
 */
function rowHeight(row: ExcelJS.Row, widths: number[]): number {
  let lines = 1;
  widths.forEach((width, i) => {
    const value = row.getCell(i + 1).value;
    const text =
      typeof value === 'string'
        ? value
        : value !== null && typeof value === 'object' && 'richText' in value
          ? value.richText.map((t) => t.text).join('')
          : '';
    lines = Math.max(lines, Math.ceil(text.length / Math.max(1, width - 1)));
  });
  return lines * 15.75;
}

export async function writeResultsXlsx(model: ResultsTableModel, generatedAt: Date): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'chitieu';
  wb.created = generatedAt;
  wb.modified = generatedAt;
  const later = model.columns.targetLater !== null;
  const headers = later
    ? ['TT', 'Nội dung', 'Đơn vị tính', 'te', 'ta', 'tl', 'ae', 'aa', 'v']
    : ['TT', 'Nội dung', 'Đơn vị tính', 'te', 'ta', 'ae', 'aa', 'v'];
  const n = headers.length;
  const last = String.fromCharCode(64 + n);
  const ws = wb.addWorksheet(model.appendix, {
    pageSetup: {
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      margins: { top: 0.79, bottom: 0.79, left: 0.79, right: 0.59, header: 0.3, footer: 0.3 },
      printTitlesRow: '6:7',
    },
    // NĐ 30: page numbers centred at the top, none on the first page.
    headerFooter: { differentFirst: true, firstHeader: '', oddHeader: '&C&"Times New Roman"&13&P' },
    views: [{ state: 'frozen', xSplit: 0, ySplit: 7 }],
  });
  const widths = later ? [6, 42, 11, 13, 13, 15, 13, 13, 18] : [6, 50, 11, 15, 14, 15, 14, 17];
  ws.columns = widths.map((width) => ({ width }));

  const banner = (r: number, text: string, font: Partial<ExcelJS.Font>) => {
    ws.mergeCells(`A${r}:${last}${r}`);
    const c = ws.getCell(`A${r}`);
    c.value = text;
    c.font = { name: FONT, size: 14, ...font };
    c.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  };
  banner(1, model.appendix, { bold: true });
  banner(2, model.title, { bold: true });
  banner(3, model.planName, { bold: true, size: 13 });
  banner(4, model.attachedTo, { italic: true, size: 13 });
  banner(5, model.basisLine, { italic: true, size: 12 });
  ws.getRow(3).height = 20;

  // Two header rows: the target and the achievement columns are each split in two under one merged heading.
  const c = model.columns;
  const top = later
    ? ['TT', 'Nội dung', 'Đơn vị tính', c.targetGroup, '', c.targetLater, c.actualGroup, '', c.verdict]
    : ['TT', 'Nội dung', 'Đơn vị tính', c.targetGroup, '', c.actualGroup, '', c.verdict];
  const second = later
    ? ['', '', '', c.targetEnd, c.targetAverage, '', c.actualEnd, c.actualAverage, '']
    : ['', '', '', c.targetEnd, c.targetAverage, c.actualEnd, c.actualAverage, ''];
  ws.getRow(6).values = top;
  ws.getRow(7).values = second;
  const col = (i: number) => String.fromCharCode(65 + i);
  for (const i of [0, 1, 2, n - 1]) ws.mergeCells(`${col(i)}6:${col(i)}7`);
  ws.mergeCells('D6:E6');
  if (later) {
    ws.mergeCells('F6:F7');
    ws.mergeCells('G6:H6');
  } else {
    ws.mergeCells('F6:G6');
  }
  for (const r of [6, 7]) {
    const row = ws.getRow(r);
    for (let i = 1; i <= n; i += 1) {
      const cell = row.getCell(i);
      cell.font = { name: FONT, size: SIZE, bold: true };
      cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
      cell.border = BORDER;
    }
  }

  let r = 8;
  for (const row of model.rows) {
    const line = ws.getRow(r);
    if (row.kind === 'group') {
      line.getCell(1).value = row.label;
      line.getCell(2).value = row.text;
      for (let i = 1; i <= n; i += 1) line.getCell(i).font = { name: FONT, size: SIZE, bold: true };
    } else {
      line.getCell(1).value = row.stt;
      line.getCell(2).value = nameValue(row);
      line.getCell(3).value = row.unit;
      const figures = later
        ? [row.targetEnd, row.targetAverage, row.targetLater, row.actualEnd, row.actualAverage]
        : [row.targetEnd, row.targetAverage, row.actualEnd, row.actualAverage];
      figures.forEach((f, i) => setFigure(line.getCell(4 + i), row.targetSpan && i === 1 ? null : f));
      if (row.targetSpan) ws.mergeCells(`D${r}:E${r}`);
      line.getCell(n).value = row.verdict ?? '';
      for (let i = 1; i <= n; i += 1) {
        const cell = line.getCell(i);
        cell.font = { name: FONT, size: SIZE, bold: i === 2 && row.level === 0 ? false : undefined };
      }
    }
    for (let i = 1; i <= n; i += 1) {
      const cell = line.getCell(i);
      cell.border = BORDER;
      if (i === 2)
        cell.alignment = { vertical: 'middle', wrapText: true, indent: row.kind === 'group' ? 0 : row.level };
      else if (i === 1 || i === 3 || i === n)
        cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    }
    line.height = rowHeight(line, widths);
    r += 1;
  }

  r += 1;
  const note = (text: string, font: Partial<ExcelJS.Font> = {}) => {
    ws.mergeCells(`A${r}:${last}${r}`);
    const cell = ws.getCell(`A${r}`);
    cell.value = text;
    cell.font = { name: FONT, size: SIZE, ...font };
    cell.alignment = { vertical: 'top', wrapText: true };
    // A merged cell does not grow with its text: give long notes room (about 150 characters a line).
    ws.getRow(r).height = Math.max(16, Math.ceil(text.length / 150) * 16);
    r += 1;
  };
  if (model.summary) note(model.summary, { bold: true });
  if (model.notes.length > 0) note('Ghi chú:', { italic: true, bold: true });
  for (const n2 of model.notes) note(`(${n2.number}) ${n2.text}`);

  return Buffer.from(await wb.xlsx.writeBuffer());
}
