// Writes an agency's figures template: a "Số liệu" sheet with the descriptive columns locked, the input cells open
// and validated (a number, a stage from a list, a date, text lengths), a hidden key per row, and a "Hướng dẫn" sheet
// of instructions in Vietnamese. Sheet protection has no password: it guards against slips, not against the clerk.
import ExcelJS from 'exceljs';
import type { FigureTemplateModel } from '../services/interchange/figure-template.ts';

export const TEMPLATE_SHEET = 'Số liệu';
export const TEMPLATE_HEADER_ROW = 4;
/** Columns of the data sheet, in order; the reader finds them by the key column, not by position alone. */
export const TEMPLATE_COLUMNS = [
  { field: 'indicator', header: 'Mã chỉ tiêu', width: 12 },
  { field: 'name', header: 'Tên chỉ tiêu', width: 48 },
  { field: 'uom', header: 'Đơn vị tính', width: 14 },
  { field: 'unit', header: 'Mã đơn vị hành chính', width: 12 },
  { field: 'period', header: 'Mã kỳ', width: 11 },
  { field: 'periodLabel', header: 'Kỳ báo cáo', width: 22 },
  { field: 'value', header: 'Số liệu (*)', width: 16 },
  { field: 'stage', header: 'Giai đoạn', width: 14 },
  { field: 'source', header: 'Nguồn số liệu', width: 30 },
  { field: 'publishedOn', header: 'Ngày công bố', width: 14 },
  { field: 'note', header: 'Ghi chú', width: 30 },
  { field: 'key', header: 'Khóa (không sửa)', width: 10 },
] as const;
export const INPUT_FIELDS = new Set(['value', 'stage', 'source', 'publishedOn', 'note']);
export const STAGE_WORDS = ['ước tính', 'sơ bộ', 'chính thức'];

const FONT = { name: 'Times New Roman', size: 12 };
const THIN = { style: 'thin' as const, color: { argb: 'FF808080' } };
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const INPUT_FILL = { type: 'pattern' as const, pattern: 'solid' as const, fgColor: { argb: 'FFFFF8DC' } };

const col = (field: string) => TEMPLATE_COLUMNS.findIndex((c) => c.field === field) + 1;

export async function writeFigureTemplate(model: FigureTemplateModel): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'chitieu';
  // A fixed date: the same template twice is the same file.
  wb.created = new Date(`${model.asOf}T00:00:00Z`);
  wb.modified = wb.created;
  const ws = wb.addWorksheet(TEMPLATE_SHEET, {
    views: [{ state: 'frozen', ySplit: TEMPLATE_HEADER_ROW, xSplit: 2 }],
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  ws.columns = TEMPLATE_COLUMNS.map((c) => ({ width: c.width }));
  ws.getCell('A1').value = `MẪU NHẬP SỐ LIỆU CHỈ TIÊU - ${model.agencyName}`;
  ws.getCell('A1').font = { ...FONT, bold: true, size: 14 };
  ws.getCell('A2').value =
    `${model.planName} (${model.planCode}); các kỳ đã đến hạn báo cáo tính đến ngày ${model.asOfText}. Xem trang "Hướng dẫn".`;
  ws.getCell('A2').font = { ...FONT, italic: true };
  const header = ws.getRow(TEMPLATE_HEADER_ROW);
  TEMPLATE_COLUMNS.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = c.header;
    cell.font = { ...FONT, bold: true };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.border = BORDER;
  });
  header.height = 32;
  let r = TEMPLATE_HEADER_ROW + 1;
  for (const row of model.rows) {
    const values: Record<string, string | null> = {
      indicator: row.indicatorCode,
      name: row.indicatorName,
      uom: row.unitOfMeasure,
      unit: row.unitCode,
      period: row.period,
      periodLabel: row.periodLabel,
      value: null,
      stage: null,
      source: null,
      publishedOn: null,
      note: row.pending ? `Đã nhập, chờ duyệt: ${row.pending}` : null,
      key: row.key,
    };
    const line = ws.getRow(r);
    TEMPLATE_COLUMNS.forEach((c, i) => {
      const cell = line.getCell(i + 1);
      const v = values[c.field];
      if (v !== null && v !== undefined) cell.value = v;
      cell.font = FONT;
      cell.border = BORDER;
      if (INPUT_FIELDS.has(c.field)) {
        cell.protection = { locked: false };
        cell.fill = INPUT_FILL;
      } else cell.protection = { locked: true };
    });
    line.getCell(col('name')).alignment = { wrapText: true, vertical: 'top' };
    line.getCell(col('value')).dataValidation = {
      type: 'decimal',
      operator: 'between',
      formulae: [-1e15, 1e15],
      allowBlank: true,
      // A warning, not a stop: a range ("8,3–8,5") or a bound ("< 3,5") is typed as text and read by chitieu.
      errorStyle: 'warning',
      showErrorMessage: true,
      errorTitle: 'Số liệu',
      error: 'Nhập một số (ví dụ 14,5). Khoảng (8,3–8,5) hoặc cận (< 3,5) ghi dạng chữ: chọn "Có/Yes" để giữ.',
    };
    line.getCell(col('stage')).dataValidation = {
      type: 'list',
      allowBlank: true,
      formulae: [`"${STAGE_WORDS.join(',')}"`],
      showErrorMessage: true,
      errorTitle: 'Giai đoạn',
      error: 'Chọn ước tính, sơ bộ hoặc chính thức',
    };
    line.getCell(col('source')).dataValidation = {
      type: 'textLength',
      operator: 'lessThanOrEqual',
      formulae: [500],
      allowBlank: true,
      showErrorMessage: true,
      error: 'Tối đa 500 ký tự',
    };
    line.getCell(col('publishedOn')).dataValidation = {
      type: 'date',
      operator: 'greaterThan',
      formulae: [new Date('1990-01-01T00:00:00Z')],
      allowBlank: true,
      showErrorMessage: true,
      errorTitle: 'Ngày công bố',
      error: 'Nhập một ngày, ví dụ 24/11/2026',
    };
    line.getCell(col('publishedOn')).numFmt = 'dd/mm/yyyy';
    line.getCell(col('note')).dataValidation = {
      type: 'textLength',
      operator: 'lessThanOrEqual',
      formulae: [2000],
      allowBlank: true,
      showErrorMessage: true,
      error: 'Tối đa 2000 ký tự',
    };
    r += 1;
  }
  ws.getColumn(col('key')).hidden = true;
  await ws.protect('', {
    selectLockedCells: true,
    selectUnlockedCells: true,
    formatColumns: true,
    formatRows: true,
    sort: false,
    autoFilter: false,
  });

  const help = wb.addWorksheet('Hướng dẫn');
  help.getColumn(1).width = 110;
  const lines = [
    'HƯỚNG DẪN NHẬP SỐ LIỆU',
    '',
    `Mẫu này dành cho ${model.agencyName}, gồm đúng các chỉ tiêu do cơ quan phụ trách trong ${model.planName} và các kỳ đã đến hạn báo cáo chưa có số liệu được phê duyệt (tính đến ngày ${model.asOfText}).`,
    '1. Chỉ nhập vào các ô nền vàng: Số liệu, Giai đoạn, Nguồn số liệu, Ngày công bố, Ghi chú. Các cột mô tả đã được khóa.',
    '2. Số liệu: ghi số theo cách Việt Nam (1.234,5) hoặc dạng 1234.5. Không ghi "1.234" vì không rõ là một nghìn hai trăm ba mươi tư hay một phẩy hai ba bốn: ghi 1234 hoặc 1,234 kèm chữ số thập phân cho rõ (1,2340).',
    '   Có thể ghi một khoảng (8,3–8,5), một cận (< 3,5) hoặc số trên tổng số (102/275) khi nguồn công bố như vậy.',
    '3. Giai đoạn: chọn ước tính, sơ bộ hoặc chính thức. Để trống được hiểu là ước tính.',
    '4. Ngày công bố: ngày của văn bản công bố số liệu, dạng 24/11/2026. Nguồn số liệu: tên văn bản hoặc cơ quan công bố.',
    '5. Dòng để trống ô Số liệu sẽ được bỏ qua. Không sửa, không xóa cột "Khóa" (đã ẩn): đó là mã nhận diện của dòng.',
    '6. Khi nhập tệp vào chitieu, toàn bộ tệp được kiểm tra trước; nếu có ô sai, không số liệu nào được ghi và chitieu liệt kê từng ô sai (trang tính, dòng, cột, lý do).',
    '7. Số liệu nhập từ tệp ở trạng thái "đã gửi" và chỉ được tính khi người phê duyệt đồng ý. Nhập lại cùng một tệp không làm thay đổi gì.',
  ];
  lines.forEach((text, i) => {
    const cell = help.getCell(i + 1, 1);
    cell.value = text;
    cell.font = i === 0 ? { ...FONT, bold: true, size: 14 } : FONT;
    cell.alignment = { wrapText: true, vertical: 'top' };
  });
  wb.views = [{ x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, activeTab: 0, visibility: 'visible' }];
  return Buffer.from(await wb.xlsx.writeBuffer());
}
