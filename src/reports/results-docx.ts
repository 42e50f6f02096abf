// Writes the results table as a Word document in the state's format (NĐ 30/2020 Phụ lục I): A4 landscape (a
// document that holds a wide table may be), margins 20/20/30/15 mm, Times New Roman, the appendix heading and title,
// a real Word table whose two header rows repeat on every page, page numbers centred in the top margin from page 2,
// and the notes as Word footnotes.
import {
  AlignmentType,
  BorderStyle,
  Document,
  FootnoteReferenceRun,
  Header,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
} from 'docx';
import type { Cell, IndicatorRow, ResultsTableModel } from '../services/reports/results-table-model.ts';

const FONT = 'Times New Roman';
/** Half-points: 14 pt headings and body (NĐ 30: 13–14), 12 pt in the table (NĐ 30 sets none for tables). */
const HEADING = 28;
const TABLE = 24;
/** A4 in twips, margins top/bottom 20 mm, left 30 mm, right 15 mm (vn-conventions DOC-1: 1134/1134/1701/850). */
const A4 = { width: 11906, height: 16838 };
const MARGIN = { top: 1134, bottom: 1134, left: 1701, right: 850, header: 567, footer: 567 };
/** Width of the text on a landscape page, in twips (16838 − 1701 − 850). */
const TEXT_WIDTH = A4.height - MARGIN.left - MARGIN.right;

const line = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
const BORDERS = { top: line, bottom: line, left: line, right: line };

function para(
  text: string,
  opts: {
    bold?: boolean;
    italics?: boolean;
    size?: number;
    align?: (typeof AlignmentType)[keyof typeof AlignmentType];
  },
) {
  return new Paragraph({
    alignment: opts.align ?? AlignmentType.CENTER,
    children: [new TextRun({ text, bold: opts.bold, italics: opts.italics, size: opts.size ?? HEADING, font: FONT })],
  });
}

function cell(
  children: Paragraph[],
  opts: { columnSpan?: number; rowSpan?: number; width: number; shade?: boolean } = { width: 0 },
): TableCell {
  return new TableCell({
    children,
    columnSpan: opts.columnSpan,
    rowSpan: opts.rowSpan,
    verticalAlign: VerticalAlign.CENTER,
    borders: BORDERS,
    width: { size: opts.width, type: WidthType.DXA },
    margins: { left: 57, right: 57, top: 28, bottom: 28 },
  });
}

function text(
  value: string,
  opts: { bold?: boolean; align?: (typeof AlignmentType)[keyof typeof AlignmentType]; indent?: number } = {},
): Paragraph {
  return new Paragraph({
    alignment: opts.align ?? AlignmentType.CENTER,
    indent: opts.indent ? { left: opts.indent } : undefined,
    children: [new TextRun({ text: value, bold: opts.bold, size: TABLE, font: FONT })],
  });
}

function figure(value: Cell | null): Paragraph {
  return text(value?.text ?? '', { align: value?.value !== undefined ? AlignmentType.RIGHT : AlignmentType.CENTER });
}

/**
 * The row's name with its note marks. Word numbers its footnotes itself, in order of appearance; the model numbers
 * notes the same way, so the first mark of a note is a real footnote and a repeated mark (one note shared by every
 * estimate) is its number in superscript, as Word's own cross-references print it.
 */
function nameParagraph(row: IndicatorRow, seen: Set<number>): Paragraph {
  const marks = row.notes.flatMap((n, i) => {
    const sep = i > 0 ? [new TextRun({ text: ',', superScript: true, size: TABLE, font: FONT })] : [];
    if (seen.has(n)) return [...sep, new TextRun({ text: String(n), superScript: true, size: TABLE, font: FONT })];
    seen.add(n);
    return [...sep, new FootnoteReferenceRun(n)];
  });
  return new Paragraph({
    alignment: AlignmentType.LEFT,
    indent: row.level > 0 ? { left: 227 * row.level } : undefined,
    children: [new TextRun({ text: `${row.level > 0 ? '- ' : ''}${row.name}`, size: TABLE, font: FONT }), ...marks],
  });
}

export async function writeResultsDocx(model: ResultsTableModel, _generatedAt: Date): Promise<Buffer> {
  const c = model.columns;
  const later = c.targetLater !== null;
  // Column widths in twips, summing to the text width.
  const fixed = later
    ? [567, 0, 1021, 1304, 1191, 1247, 1247, 1191, 1814]
    : [567, 0, 1077, 1531, 1361, 1474, 1361, 1587];
  fixed[1] = TEXT_WIDTH - fixed.reduce((a, b) => a + b, 0);
  const w = (i: number) => fixed[i] ?? 0;
  const n = fixed.length;

  const head1 = [
    cell([text('TT', { bold: true })], { rowSpan: 2, width: w(0) }),
    cell([text('Nội dung', { bold: true })], { rowSpan: 2, width: w(1) }),
    cell([text('Đơn vị tính', { bold: true })], { rowSpan: 2, width: w(2) }),
    cell([text(c.targetGroup, { bold: true })], { columnSpan: 2, width: w(3) + w(4) }),
    ...(later ? [cell([text(c.targetLater ?? '', { bold: true })], { rowSpan: 2, width: w(5) })] : []),
    cell([text(c.actualGroup, { bold: true })], { columnSpan: 2, width: w(n - 3) + w(n - 2) }),
    cell([text(c.verdict, { bold: true })], { rowSpan: 2, width: w(n - 1) }),
  ];
  const head2 = [
    cell([text(c.targetEnd, { bold: true })], { width: w(3) }),
    cell([text(c.targetAverage, { bold: true })], { width: w(4) }),
    cell([text(c.actualEnd, { bold: true })], { width: w(n - 3) }),
    cell([text(c.actualAverage, { bold: true })], { width: w(n - 2) }),
  ];
  const seen = new Set<number>();
  const body = model.rows.map((row) => {
    if (row.kind === 'group') {
      return new TableRow({
        cantSplit: true,
        children: [
          cell([text(row.label, { bold: true })], { width: w(0) }),
          cell([text(row.text, { bold: true, align: AlignmentType.LEFT })], {
            columnSpan: n - 1,
            width: TEXT_WIDTH - w(0),
          }),
        ],
      });
    }
    const figures = later
      ? [row.targetEnd, row.targetAverage, row.targetLater, row.actualEnd, row.actualAverage]
      : [row.targetEnd, row.targetAverage, row.actualEnd, row.actualAverage];
    return new TableRow({
      cantSplit: true,
      children: [
        cell([text(row.stt)], { width: w(0) }),
        cell([nameParagraph(row, seen)], { width: w(1) }),
        cell([text(row.unit)], { width: w(2) }),
        ...(row.targetSpan
          ? [
              cell([figure(row.targetEnd)], { columnSpan: 2, width: w(3) + w(4) }),
              ...figures.slice(2).map((f, i) => cell([figure(f)], { width: w(5 + i) })),
            ]
          : figures.map((f, i) => cell([figure(f)], { width: w(3 + i) }))),
        cell([text(row.verdict ?? '')], { width: w(n - 1) }),
      ],
    });
  });

  const table = new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: fixed,
    layout: TableLayoutType.FIXED,
    rows: [
      new TableRow({ tableHeader: true, cantSplit: true, children: head1 }),
      new TableRow({ tableHeader: true, cantSplit: true, children: head2 }),
      ...body,
    ],
  });

  const footnotes = Object.fromEntries(
    model.notes.map((note) => [
      note.number,
      { children: [new Paragraph({ children: [new TextRun({ text: note.text, size: 20, font: FONT })] })] },
    ]),
  );

  const doc = new Document({
    creator: 'chitieu',
    title: `${model.appendix}: ${model.title} - ${model.planName}`,
    styles: { default: { document: { run: { font: FONT, size: HEADING } } } },
    footnotes,
    sections: [
      {
        properties: {
          titlePage: true,
          page: {
            size: { width: A4.width, height: A4.height, orientation: PageOrientation.LANDSCAPE },
            margin: MARGIN,
            pageNumbers: { start: 1 },
          },
        },
        headers: {
          // NĐ 30: page numbers centred in the top margin, Arabic, 13–14 pt, none on the first page.
          default: new Header({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [new TextRun({ children: [PageNumber.CURRENT], size: HEADING, font: FONT })],
              }),
            ],
          }),
          first: new Header({ children: [new Paragraph({ children: [] })] }),
        },
        children: [
          para(model.appendix, { bold: true }),
          para(model.title, { bold: true }),
          para(model.planName, { bold: true, size: 26 }),
          para(model.attachedTo, { italics: true, size: 26 }),
          para(model.basisLine, { italics: true, size: 24 }),
          new Paragraph({ children: [] }),
          table,
          ...(model.summary
            ? [
                new Paragraph({
                  spacing: { before: 120 },
                  children: [new TextRun({ text: model.summary, bold: true, size: 26, font: FONT })],
                }),
              ]
            : []),
        ],
      },
    ],
  });
  return Buffer.from(await Packer.toBuffer(doc));
}
