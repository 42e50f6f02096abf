// Writes the plan status report as a PDF (A4 portrait, Liberation Serif embedded, page numbers at the top from page
// 2), with the same sections as the Word file.
import { storyLine, type StatusReportModel } from '../services/reports/status-report-model.ts';
import { pdfBuffer } from './results-pdf.ts';

const MM = 72 / 25.4;

function table(headers: string[], rows: string[][], widths: (number | string)[]) {
  return {
    table: {
      headerRows: 1,
      dontBreakRows: true,
      widths,
      body: [
        headers.map((h) => ({ text: h, bold: true, alignment: 'center' })),
        ...rows.map((r) => r.map((t, i) => ({ text: t, alignment: i === 1 ? 'left' : 'center' }))),
      ],
    },
    fontSize: 12,
    margin: [0, 0, 0, 8],
  };
}

export async function writeStatusPdf(model: StatusReportModel, generatedAt: Date): Promise<Buffer> {
  const heading = (text: string) => ({ text, bold: true, margin: [0, 6, 0, 4] });
  return pdfBuffer({
    pageSize: 'A4',
    pageOrientation: 'portrait',
    pageMargins: [30 * MM, 20 * MM, 15 * MM, 20 * MM],
    info: {
      title: `${model.title} - ${model.planName}`,
      creator: 'chitieu',
      producer: 'chitieu',
      creationDate: generatedAt,
    },
    defaultStyle: { font: 'Serif', fontSize: 14 },
    header: (page: number) =>
      page === 1 ? null : { text: String(page), alignment: 'center', fontSize: 13, margin: [0, 10 * MM, 0, 0] },
    content: [
      { text: model.title, bold: true, alignment: 'center' },
      { text: model.planName, bold: true, fontSize: 13, alignment: 'center' },
      { text: model.basisLine, italics: true, fontSize: 13, alignment: 'center', margin: [0, 0, 0, 10] },
      heading('1. Kết quả chung'),
      { text: model.summary, alignment: 'justify', margin: [0, 0, 0, 6] },
      table(
        ['TT', 'Đánh giá', 'Số chỉ tiêu'],
        model.counts.map((c, i) => [String(i + 1), c.word, String(c.count)]),
        [24, '*', 80],
      ),
      heading('2. Các chỉ tiêu không đạt, có nguy cơ không đạt hoặc chậm tiến độ'),
      model.attention.length > 0
        ? table(
            ['TT', 'Chỉ tiêu', 'Mục tiêu', 'Thực hiện', 'Đánh giá', 'Cơ quan chủ trì'],
            model.attention.map((a, i) => [
              String(i + 1),
              `${a.code}. ${a.name}`,
              a.target,
              a.actual,
              a.verdict,
              a.owner,
            ]),
            [20, '*', 60, 64, 58, 70],
          )
        : { text: 'Không có chỉ tiêu nào.' },
      ...(model.attention.length > 0
        ? [
            { text: 'Giải trình (nguyên nhân, giải pháp, kiến nghị):', bold: true, margin: [0, 4, 0, 2] },
            ...model.attention.map((a) => ({ text: storyLine(a), alignment: 'justify', margin: [0, 0, 0, 4] })),
          ]
        : []),
      heading('3. Các nhiệm vụ quá hạn'),
      model.overdueTasks.length > 0
        ? table(
            ['TT', 'Nhiệm vụ', 'Cơ quan chủ trì', 'Thời hạn', 'Tiến độ'],
            model.overdueTasks.map((t, i) => [String(i + 1), `${t.code}. ${t.title}`, t.owner, t.deadline, t.progress]),
            [20, '*', 90, 64, 64],
          )
        : { text: 'Không có nhiệm vụ nào quá hạn.' },
      heading('4. Các dự án trọng điểm chậm tiến độ'),
      model.lateProjects.length > 0
        ? table(
            ['TT', 'Dự án', 'Cơ quan chủ trì', 'Lý do'],
            model.lateProjects.map((p, i) => [String(i + 1), `${p.code}. ${p.title}`, p.owner, p.reasons]),
            [20, '*', 90, 130],
          )
        : { text: 'Không có dự án nào chậm tiến độ.' },
      heading('5. Các đánh giá thay đổi so với số liệu ước tính'),
      model.changes.length > 0
        ? table(
            ['TT', 'Chỉ tiêu', 'Trước', 'Sau', 'Số liệu làm thay đổi'],
            model.changes.map((c, i) => [String(i + 1), `${c.code}. ${c.name}`, c.before, c.after, c.cause]),
            [20, '*', 60, 60, 110],
          )
        : { text: 'Chưa có đánh giá nào thay đổi.' },
      ...(model.baselines.length > 0
        ? [
            heading('6. Số kỳ gốc của đơn vị hợp nhất'),
            ...model.baselines.map((b) => ({
              text: `${b.code}. ${b.name}: ${b.text}`,
              alignment: 'justify',
              margin: [0, 0, 0, 4],
            })),
          ]
        : []),
      ...(model.communes.length > 0
        ? [
            heading(`${model.baselines.length > 0 ? 7 : 6}. Các chỉ tiêu tính theo số xã, phường đạt chuẩn`),
            ...model.communes.map((c) => ({
              text: `${c.code}. ${c.name} (${c.target}): ${c.text}`,
              alignment: 'justify',
              margin: [0, 0, 0, 4],
            })),
          ]
        : []),
    ],
  });
}
