// Writes the plan status report as a Word document in the state's format (NĐ 30/2020 Phụ lục I): A4 portrait,
// margins 20/20/30/15 mm, Times New Roman 14 pt justified body, page numbers centred at the top from page 2, and real
// Word tables (header row repeated) for the counts, the targets to act on and the changed verdicts.
import {
  AlignmentType,
  BorderStyle,
  Document,
  Header,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { storyLine, type StatusReportModel } from '../services/reports/status-report-model.ts';

const FONT = 'Times New Roman';
const BODY = 28;
const TABLE = 24;
const MARGIN = { top: 1134, bottom: 1134, left: 1701, right: 850, header: 567, footer: 567 };
const TEXT_WIDTH = 11906 - MARGIN.left - MARGIN.right;
const line = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
const BORDERS = { top: line, bottom: line, left: line, right: line };

function centred(text: string, opts: { bold?: boolean; italics?: boolean; size?: number } = {}): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    children: [new TextRun({ text, bold: opts.bold, italics: opts.italics, size: opts.size ?? BODY, font: FONT })],
  });
}

/** NĐ 30 body text: justified, first line indented 1,27 cm, 6 pt after. */
function body(text: string, bold = false): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    indent: { firstLine: 720 },
    spacing: { after: 120 },
    children: [new TextRun({ text, bold, size: BODY, font: FONT })],
  });
}

function table(headers: string[], rows: string[][], widths: number[]): Table {
  const cellOf = (text: string, i: number, bold: boolean) =>
    new TableCell({
      borders: BORDERS,
      width: { size: widths[i] ?? 0, type: WidthType.DXA },
      margins: { left: 57, right: 57, top: 28, bottom: 28 },
      children: [
        new Paragraph({
          alignment: i === 1 ? AlignmentType.LEFT : AlignmentType.CENTER,
          children: [new TextRun({ text, bold, size: TABLE, font: FONT })],
        }),
      ],
    });
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    rows: [
      new TableRow({ tableHeader: true, children: headers.map((h, i) => cellOf(h, i, true)) }),
      ...rows.map((r) => new TableRow({ cantSplit: true, children: r.map((t, i) => cellOf(t, i, false)) })),
    ],
  });
}

export async function writeStatusDocx(model: StatusReportModel): Promise<Buffer> {
  const attention = model.attention.map((a, i) => [
    String(i + 1),
    `${a.code}. ${a.name}`,
    a.target,
    a.actual,
    a.verdict,
    a.owner,
  ]);
  const changes = model.changes.map((c, i) => [String(i + 1), `${c.code}. ${c.name}`, c.before, c.after, c.cause]);
  const tasks = model.overdueTasks.map((t, i) => [
    String(i + 1),
    `${t.code}. ${t.title}`,
    t.owner,
    t.deadline,
    t.progress,
  ]);
  const projects = model.lateProjects.map((p, i) => [String(i + 1), `${p.code}. ${p.title}`, p.owner, p.reasons]);
  const doc = new Document({
    creator: 'chitieu',
    title: `${model.title} - ${model.planName}`,
    styles: { default: { document: { run: { font: FONT, size: BODY } } } },
    sections: [
      {
        properties: {
          titlePage: true,
          page: { size: { width: 11906, height: 16838 }, margin: MARGIN, pageNumbers: { start: 1 } },
        },
        headers: {
          default: new Header({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [new TextRun({ children: [PageNumber.CURRENT], size: BODY, font: FONT })],
              }),
            ],
          }),
          first: new Header({ children: [new Paragraph({ children: [] })] }),
        },
        children: [
          centred(model.title, { bold: true }),
          centred(model.planName, { bold: true, size: 26 }),
          centred(model.basisLine, { italics: true, size: 26 }),
          new Paragraph({ children: [] }),
          body('1. Kết quả chung', true),
          body(model.summary),
          table(
            ['TT', 'Đánh giá', 'Số chỉ tiêu'],
            model.counts.map((c, i) => [String(i + 1), c.word, String(c.count)]),
            [850, TEXT_WIDTH - 850 - 2268, 2268],
          ),
          new Paragraph({ children: [] }),
          body('2. Các chỉ tiêu không đạt, có nguy cơ không đạt hoặc chậm tiến độ', true),
          ...(attention.length > 0
            ? [
                table(['TT', 'Chỉ tiêu', 'Mục tiêu', 'Thực hiện', 'Đánh giá', 'Cơ quan chủ trì'], attention, [
                  567,
                  TEXT_WIDTH - 567 - 1474 - 1417 - 1304 - 1587,
                  1474,
                  1417,
                  1304,
                  1587,
                ]),
              ]
            : [body('Không có chỉ tiêu nào.')]),
          ...(model.attention.length > 0
            ? [
                body('Giải trình (nguyên nhân, giải pháp, kiến nghị):', true),
                ...model.attention.map((a) => body(storyLine(a))),
              ]
            : []),
          new Paragraph({ children: [] }),
          body('3. Các nhiệm vụ quá hạn', true),
          ...(tasks.length > 0
            ? [
                table(['TT', 'Nhiệm vụ', 'Cơ quan chủ trì', 'Thời hạn', 'Tiến độ'], tasks, [
                  567,
                  TEXT_WIDTH - 567 - 1984 - 1304 - 1304,
                  1984,
                  1304,
                  1304,
                ]),
              ]
            : [body('Không có nhiệm vụ nào quá hạn.')]),
          new Paragraph({ children: [] }),
          body('4. Các dự án trọng điểm chậm tiến độ', true),
          ...(projects.length > 0
            ? [
                table(['TT', 'Dự án', 'Cơ quan chủ trì', 'Lý do'], projects, [
                  567,
                  TEXT_WIDTH - 567 - 1984 - 2835,
                  1984,
                  2835,
                ]),
              ]
            : [body('Không có dự án nào chậm tiến độ.')]),
          new Paragraph({ children: [] }),
          body('5. Các đánh giá thay đổi so với số liệu ước tính', true),
          ...(changes.length > 0
            ? [
                table(['TT', 'Chỉ tiêu', 'Trước', 'Sau', 'Số liệu làm thay đổi'], changes, [
                  567,
                  TEXT_WIDTH - 567 - 1417 - 1417 - 2268,
                  1417,
                  1417,
                  2268,
                ]),
              ]
            : [body('Chưa có đánh giá nào thay đổi.')]),
          ...(model.baselines.length > 0
            ? [
                new Paragraph({ children: [] }),
                body('6. Số kỳ gốc của đơn vị hợp nhất', true),
                ...model.baselines.map((b) => body(`${b.code}. ${b.name}: ${b.text}`)),
              ]
            : []),
          ...(model.communes.length > 0
            ? [
                new Paragraph({ children: [] }),
                body(`${model.baselines.length > 0 ? 7 : 6}. Các chỉ tiêu tính theo số xã, phường đạt chuẩn`, true),
                ...model.communes.map((c) => body(`${c.code}. ${c.name} (${c.target}): ${c.text}`)),
              ]
            : []),
        ],
      },
    ],
  });
  return Buffer.from(await Packer.toBuffer(doc));
}
