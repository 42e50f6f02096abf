// A tenant's register of unit codes over time, and the rules it must keep (QĐ 124/2004/QĐ-TTg, carried into
// QĐ 19/2025/QĐ-TTg): a code never changes while its unit exists; on a merger the unit where the People's Committee
// sits keeps its code and the other codes are closed; a closed code is never given to another unit.
import { ValidationError, type FieldIssue } from '../errors.ts';
import { addDays, type IsoDate } from '../format/date.ts';
import type { LegalDocument } from '../legal/document.ts';
import type { UnitCodeList } from '../legal/code-list.ts';
import { CODE_LISTS } from '../legal/code-list.ts';
import { codeListFor, unitCodeProblem, type UnitRecord } from './unit-code.ts';
import { isValidOn } from './valid-on.ts';

/**
 * A change linking codes, read as a sentence about `from` and `to` on `date` (the day the change takes effect):
 * merged_into — from's unit joined to's on date (from is closed the day before);
 * split_from — to's unit was created on date from part of from's (from continues);
 * renamed — the unit keeps its code (from = to) and takes a new name from date.
 */
export interface LineageEvent {
  event: 'merged_into' | 'split_from' | 'renamed';
  from: string;
  to: string;
  date: IsoDate;
  document?: LegalDocument | null;
}

function issue(path: string, vi: string, en: string): FieldIssue {
  return { path, reason: { vi, en } };
}

function checkRecords(units: readonly UnitRecord[], lists: readonly UnitCodeList[]): FieldIssue[] {
  const issues: FieldIssue[] = [];
  units.forEach((u, i) => {
    const path = `/units/${i}`;
    const problem = unitCodeProblem(u.code, u.level, codeListFor(u.validFrom, lists));
    if (problem !== undefined) issues.push({ path: `${path}/code`, reason: problem });
    if (u.validTo !== null && u.validTo < u.validFrom) {
      issues.push(
        issue(
          `${path}/validTo`,
          `Đơn vị ${u.code} hết hiệu lực trước khi bắt đầu`,
          `Unit ${u.code} ends before it begins`,
        ),
      );
    }
    // A level the current list does not have (districts after 01/7/2025) cannot outlive the list that had it.
    const lastDay = u.validTo ?? '9999-12-31';
    for (const list of lists) {
      if (list.validFrom > u.validFrom && list.validFrom <= lastDay && list.digits[u.level] === undefined) {
        issues.push(
          issue(
            `${path}/validTo`,
            `Đơn vị ${u.code} (${u.level}) còn hiệu lực sau ${list.validFrom}, khi danh mục ${list.id} không còn cấp này`,
            `Unit ${u.code} (${u.level}) is still valid after ${list.validFrom}, when list ${list.id} no longer has that level`,
          ),
        );
      }
    }
  });
  return issues;
}

function isRename(code: string, date: IsoDate, lineage: readonly LineageEvent[]): boolean {
  return lineage.some((e) => e.event === 'renamed' && e.from === code && e.to === code && e.date === date);
}

function checkCodeHistory(units: readonly UnitRecord[], lineage: readonly LineageEvent[]): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const byCode = new Map<string, Array<{ unit: UnitRecord; index: number }>>();
  units.forEach((unit, index) => byCode.set(unit.code, [...(byCode.get(unit.code) ?? []), { unit, index }]));
  for (const [code, holders] of byCode) {
    const sorted = [...holders].sort((a, b) =>
      a.unit.validFrom < b.unit.validFrom ? -1 : a.unit.validFrom > b.unit.validFrom ? 1 : 0,
    );
    for (let k = 1; k < sorted.length; k += 1) {
      const prev = sorted[k - 1];
      const next = sorted[k];
      if (prev === undefined || next === undefined) continue;
      const path = `/units/${next.index}`;
      if (prev.unit.validFrom === next.unit.validFrom) {
        issues.push(
          issue(
            path,
            `Mã ${code} bị khai báo trùng (từ ${next.unit.validFrom})`,
            `Code ${code} is declared twice (from ${next.unit.validFrom})`,
          ),
        );
      } else if (prev.unit.validTo === null || next.unit.validFrom <= prev.unit.validTo) {
        issues.push(
          issue(
            path,
            `Mã ${code} được dùng cho hai đơn vị trong cùng thời gian ("${prev.unit.name}" và "${next.unit.name}")`,
            `Code ${code} is valid twice at the same time ("${prev.unit.name}" and "${next.unit.name}")`,
          ),
        );
      } else if (!(
        addDays(prev.unit.validTo, 1) === next.unit.validFrom && isRename(code, next.unit.validFrom, lineage)
      )) {
        issues.push(
          issue(
            path,
            `Mã ${code} đã đóng ngày ${prev.unit.validTo} ("${prev.unit.name}") và không được cấp lại cho "${next.unit.name}" (Quyết định 124/2004/QĐ-TTg)`,
            `Code ${code} was closed on ${prev.unit.validTo} ("${prev.unit.name}") and may not be reused for "${next.unit.name}" (Decision 124/2004/QD-TTg)`,
          ),
        );
      }
    }
  }
  return issues;
}

function checkLineage(units: readonly UnitRecord[], lineage: readonly LineageEvent[]): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const holdersOf = (code: string): UnitRecord[] => units.filter((u) => u.code === code);
  const validOn = (code: string, date: IsoDate): boolean => holdersOf(code).some((u) => isValidOn(u, date));
  const dayBefore = (date: IsoDate): IsoDate => addDays(date, -1);
  lineage.forEach((e, i) => {
    const path = `/lineage/${i}`;
    for (const code of [e.from, e.to]) {
      if (holdersOf(code).length === 0)
        issues.push(
          issue(
            path,
            `Sự kiện ${e.event} nhắc tới mã ${code} không có trong danh mục`,
            `Event ${e.event} names code ${code}, which is not in the register`,
          ),
        );
    }
    if (e.event === 'merged_into') {
      if (e.from === e.to)
        issues.push(
          issue(path, `Mã ${e.from} không thể sáp nhập vào chính nó`, `Code ${e.from} cannot merge into itself`),
        );
      if (!holdersOf(e.from).some((u) => u.validTo === dayBefore(e.date))) {
        issues.push(
          issue(
            path,
            `Mã ${e.from} sáp nhập ngày ${e.date} phải hết hiệu lực ngày ${dayBefore(e.date)}`,
            `Code ${e.from}, merged on ${e.date}, must end on ${dayBefore(e.date)}`,
          ),
        );
      }
      if (!validOn(e.to, e.date))
        issues.push(
          issue(path, `Mã ${e.to} phải có hiệu lực ngày ${e.date}`, `Code ${e.to} must be valid on ${e.date}`),
        );
      // The closing rule: nothing may hold the closed code from the merger on.
      if (holdersOf(e.from).some((u) => u.validFrom >= e.date)) {
        issues.push(
          issue(
            path,
            `Mã ${e.from} đã đóng khi sáp nhập ngày ${e.date} và không được cấp lại`,
            `Code ${e.from} was closed by the merger of ${e.date} and may not be reused`,
          ),
        );
      }
    } else if (e.event === 'split_from') {
      if (!holdersOf(e.to).some((u) => u.validFrom === e.date))
        issues.push(
          issue(
            path,
            `Mã ${e.to} tách ra ngày ${e.date} phải bắt đầu ngày đó`,
            `Code ${e.to}, split off on ${e.date}, must begin that day`,
          ),
        );
      if (!validOn(e.from, e.date))
        issues.push(
          issue(
            path,
            `Mã ${e.from} phải còn hiệu lực ngày ${e.date}`,
            `Code ${e.from} must still be valid on ${e.date}`,
          ),
        );
    } else {
      if (e.from !== e.to)
        issues.push(
          issue(
            path,
            'Đổi tên không làm thay đổi mã (Quyết định 124/2004/QĐ-TTg)',
            'A rename keeps the code (Decision 124/2004/QD-TTg)',
          ),
        );
      if (!(validOn(e.from, dayBefore(e.date)) && validOn(e.from, e.date))) {
        issues.push(
          issue(
            path,
            `Mã ${e.from} phải có hiệu lực trước và sau ngày đổi tên ${e.date}`,
            `Code ${e.from} must be valid before and after the rename of ${e.date}`,
          ),
        );
      }
    }
  });
  return issues;
}

/** Every problem of a register, empty when it keeps the rules. */
export function registryIssues(
  units: readonly UnitRecord[],
  lineage: readonly LineageEvent[],
  lists: readonly UnitCodeList[] = CODE_LISTS,
): FieldIssue[] {
  return [...checkRecords(units, lists), ...checkCodeHistory(units, lineage), ...checkLineage(units, lineage)];
}

/** Refuses a register with malformed codes, duplicates, overlapping holders of a code, or a closed code reused. */
export function validateRegistry(
  units: readonly UnitRecord[],
  lineage: readonly LineageEvent[],
  lists: readonly UnitCodeList[] = CODE_LISTS,
): void {
  const issues = registryIssues(units, lineage, lists);
  if (issues.length > 0) {
    throw new ValidationError(
      {
        vi: `Danh mục đơn vị hành chính có ${issues.length} lỗi`,
        en: `The administrative unit register has ${issues.length} problem(s)`,
      },
      issues,
      'invalid_unit_registry',
    );
  }
}

/** The current code a former code leads to, following mergers (for carrying old figures onto today's units). */
export function currentCodeOf(code: string, lineage: readonly LineageEvent[]): string {
  const seen = new Set<string>([code]);
  let current = code;
  for (;;) {
    const merge = lineage.find((e) => e.event === 'merged_into' && e.from === current);
    if (merge === undefined || seen.has(merge.to)) return current;
    current = merge.to;
    seen.add(current);
  }
}
