// Writes the results table as a PDF without a browser or an office suite: pdfmake with the committed Liberation Serif
// (metric-compatible with Times New Roman, every Vietnamese letter), embedded as subsets so the text stays
// extractable; A4 landscape, the two header rows repeated on every page, page numbers at the top from page 2, and
// the notes numbered under the table (pdfmake has no footnotes: bpampuch/pdfmake#2133).
import { fileURLToPath } from 'node:url';
import pdfmake from 'pdfmake';
import type { Cell, IndicatorRow, ResultsTableModel } from '../services/reports/results-table-model.ts';

const FONT_DIR = fileURLToPath(new URL('../../assets/fonts/', import.meta.url));
const FONT_FILES = {
  normal: `${FONT_DIR}LiberationSerif-Regular.ttf`,
  bold: `${FONT_DIR}LiberationSerif-Bold.ttf`,
  italics: `${FONT_DIR}LiberationSerif-Italic.ttf`,
  bolditalics: `${FONT_DIR}LiberationSerif-BoldItalic.ttf`,
};

pdfmake.addFonts({ Serif: FONT_FILES });
// pdfmake may fetch images and fonts named in a document: ours names none but the fonts above, so nothing else is
// allowed (CVE-2026-26801 and its local-file counterpart).
pdfmake.setUrlAccessPolicy(() => false);
pdfmake.setLocalAccessPolicy((path) => Object.values(FONT_FILES).includes(path));

/** Points: 12 pt in the table (NĐ 30 sets no size for tables), 14 pt headings; margins 30/20/15/20 mm. */
const MM = 72 / 25.4;
const MARGINS: [number, number, number, number] = [30 * MM, 20 * MM, 15 * MM, 20 * MM];

type Node = Record<string, unknown>;

function figure(value: Cell | null): Node {
  return { text: value?.text ?? '', alignment: value?.value !== undefined ? 'right' : 'center' };
}

function name(row: IndicatorRow): Node {
  return {
    text: [
      `${row.level > 0 ? '- ' : ''}${row.name}`,
      ...(row.notes.length > 0 ? [{ text: row.notes.join(','), sup: true }] : []),
    ],
    margin: [8 * row.level, 0, 0, 0],
  };
}

export async function writeResultsPdf(model: ResultsTableModel, generatedAt: Date): Promise<Buffer> {
  const c = model.columns;
  const later = c.targetLater !== null;
  const n = later ? 9 : 8;
  const widths = later ? [22, '*', 44, 58, 54, 56, 56, 54, 86] : [24, '*', 48, 68, 62, 66, 62, 74];
  const bold = (text: string, extra: Node = {}) => ({ text, bold: true, alignment: 'center', ...extra });
  const empty = {};
  const head1 = [
    bold('TT', { rowSpan: 2 }),
    bold('Nội dung', { rowSpan: 2 }),
    bold('Đơn vị tính', { rowSpan: 2 }),
    bold(c.targetGroup, { colSpan: 2 }),
    empty,
    ...(later ? [bold(c.targetLater ?? '', { rowSpan: 2 })] : []),
    bold(c.actualGroup, { colSpan: 2 }),
    empty,
    bold(c.verdict, { rowSpan: 2 }),
  ];
  const head2 = [
    empty,
    empty,
    empty,
    bold(c.targetEnd),
    bold(c.targetAverage),
    ...(later ? [empty] : []),
    bold(c.actualEnd),
    bold(c.actualAverage),
    empty,
  ];
  const body = model.rows.map((row) => {
    if (row.kind === 'group') {
      return [
        bold(row.label),
        { text: row.text, bold: true, colSpan: n - 1 },
        ...Array.from({ length: n - 2 }, () => empty),
      ];
    }
    const figures = later
      ? [row.targetEnd, row.targetAverage, row.targetLater, row.actualEnd, row.actualAverage]
      : [row.targetEnd, row.targetAverage, row.actualEnd, row.actualAverage];
    return [
      { text: row.stt, alignment: 'center' },
      name(row),
      { text: row.unit, alignment: 'center' },
      ...(row.targetSpan
        ? [{ ...figure(row.targetEnd), colSpan: 2 }, {}, ...figures.slice(2).map(figure)]
        : figures.map(figure)),
      { text: row.verdict ?? '', alignment: 'center' },
    ];
  });

  const doc = {
    pageSize: 'A4',
    pageOrientation: 'landscape',
    pageMargins: MARGINS,
    info: {
      title: `${model.appendix}: ${model.title} - ${model.planName}`,
      creator: 'chitieu',
      producer: 'chitieu',
      creationDate: generatedAt,
    },
    defaultStyle: { font: 'Serif', fontSize: 12, lineHeight: 1.05 },
    // NĐ 30: page numbers centred in the top margin, none on the first page.
    header: (page: number) =>
      page === 1 ? null : { text: String(page), alignment: 'center', fontSize: 13, margin: [0, 10 * MM, 0, 0] },
    content: [
      { text: model.appendix, bold: true, fontSize: 14, alignment: 'center' },
      { text: model.title, bold: true, fontSize: 14, alignment: 'center' },
      { text: model.planName, bold: true, fontSize: 13, alignment: 'center' },
      { text: model.attachedTo, italics: true, fontSize: 13, alignment: 'center' },
      { text: model.basisLine, italics: true, fontSize: 12, alignment: 'center', margin: [0, 0, 0, 8] },
      {
        table: { headerRows: 2, dontBreakRows: true, widths, body: [head1, head2, ...body] },
        layout: { paddingTop: () => 2, paddingBottom: () => 2 },
      },
      ...(model.summary ? [{ text: model.summary, bold: true, margin: [0, 8, 0, 0] }] : []),
      ...(model.notes.length > 0
        ? [
            { text: 'Ghi chú:', bold: true, italics: true, margin: [0, 6, 0, 2] },
            ...model.notes.map((note) => ({ text: `(${note.number}) ${note.text}`, fontSize: 11 })),
          ]
        : []),
    ],
  };
  return pdfBuffer(doc);
}

/** A document definition to PDF bytes, with the embedded fonts and access policies set above. */
export function pdfBuffer(definition: Record<string, unknown>): Promise<Buffer> {
  return pdfmake.createPdf(definition).getBuffer();
}
