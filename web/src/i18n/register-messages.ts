// Messages of the dialog that imports a commune register (the communes of the plan's unit with their validity and
// lineage) with the legal document that set it. Vietnamese first; the English object has the same keys.
import { useLocale } from './locale.tsx';
import type { Locale } from './messages.ts';

export interface RegisterMessages {
  open: string;
  openEmpty: string;
  title: string;
  intro: string;
  columns: string;
  file: string;
  fileRequired: string;
  fileUnreadable: string;
  clearFile: string;
  number: string;
  date: string;
  issuer: string;
  docTitle: string;
  required: string;
  imported: (created: number, unchanged: number, lineage: number) => string;
}

const vi: RegisterMessages = {
  open: 'Nhập danh mục xã, phường',
  openEmpty: 'Nhập danh mục xã, phường từ tệp CSV',
  title: 'Nhập danh mục xã, phường, đặc khu',
  intro:
    'Tệp CSV (UTF-8), dòng đầu là tên cột. Mỗi đơn vị một dòng; đơn vị đã có và không đổi được giữ nguyên, đơn vị đã sáp nhập ghi ngày hết hiệu lực và sự kiện. Cả tệp được kiểm tra trước; có lỗi thì không ghi gì.',
  columns: 'Các cột: code, name, kind (xã / phường / đặc khu), parent, valid_from, valid_to, event, related',
  file: 'Tệp danh mục (CSV)',
  fileRequired: 'Chọn tệp CSV',
  fileUnreadable: 'Không đọc được tệp này',
  clearFile: 'Bỏ tệp đã chọn',
  number: 'Số văn bản quy định danh mục',
  date: 'Ngày ban hành',
  issuer: 'Cơ quan ban hành',
  docTitle: 'Trích yếu',
  required: 'bắt buộc',
  imported: (created, unchanged, lineage) =>
    `Đã nhập danh mục: ${created} đơn vị mới, ${unchanged} đơn vị không đổi, ${lineage} sự kiện sáp nhập, chia tách, đổi tên`,
};

const en: RegisterMessages = {
  open: 'Import the commune register',
  openEmpty: 'Import the commune register from a CSV file',
  title: 'Import the register of communes, wards and special zones',
  intro:
    'A CSV file (UTF-8) with the column names on its first line, one unit a line; units already present and unchanged are kept, a merged unit gets its last day and its event. The whole file is checked first; with any error nothing is written.',
  columns: 'Columns: code, name, kind (xã / phường / đặc khu), parent, valid_from, valid_to, event, related',
  file: 'Register file (CSV)',
  fileRequired: 'Choose a CSV file',
  fileUnreadable: 'This file could not be read',
  clearFile: 'Remove the chosen file',
  number: 'Number of the document setting the register',
  date: 'Date issued',
  issuer: 'Issued by',
  docTitle: 'Title',
  required: 'required',
  imported: (created, unchanged, lineage) =>
    `Register imported: ${created} new units, ${unchanged} unchanged, ${lineage} merger, split or rename events`,
};

const catalogue: Record<Locale, RegisterMessages> = { vi, en };

export function useRegisterText(): RegisterMessages {
  return catalogue[useLocale().locale];
}
