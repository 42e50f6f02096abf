// The plan owner imports a commune register (CSV) with the legal document that set it: new units, their validity,
// parent and lineage are checked together against the units already stored (codes, overlaps, a closed code never
// reused: core/units/registry.ts), then written in one transaction with one audit entry, and every plan of the
// tenant is recomputed (units meeting a standard count the units valid at each year's end).
import { ValidationError, type FieldIssue } from '../../core/errors.ts';
import { isIsoDate } from '../../core/format/date.ts';
import { parseRegisterCsv } from '../../core/units/register-csv.ts';
import { registryIssues, type LineageEvent } from '../../core/units/registry.ts';
import type { UnitRecord } from '../../core/units/unit-code.ts';
import {
  insertDocumentRow,
  insertLineageRow,
  insertUnitRow,
  loadTenantLineage,
  loadTenantUnits,
} from '../../storage/repositories/units-repo.ts';
import { writeAudit } from '../audit.ts';
import type { ServiceContext } from '../context.ts';
import { recomputeTenantPlans } from '../evaluations/recompute-evaluations.ts';
import { authorize } from '../policy.ts';

export interface RegisterDocument {
  /** "1669/NQ-UBTVQH15" */
  number: string;
  /** Issue date, YYYY-MM-DD. */
  date: string;
  issuer?: string;
  title?: string;
}

export interface ImportUnitsInput {
  csv: string;
  document: RegisterDocument;
  reason?: string;
}

export interface ImportUnitsResult {
  created: number;
  unchanged: number;
  lineage: number;
  document: { id: string; number: string; date: string };
}

/** The earliest day a register without a founding date is checked from (codes of QĐ 124/2004 then apply). */
const BEFORE_RECORDS = '2004-01-01';

function refuse(issues: FieldIssue[]): never {
  throw new ValidationError(
    {
      vi: `Danh mục đơn vị có ${issues.length} lỗi; chưa ghi gì`,
      en: `The unit register has ${issues.length} problem(s); nothing was written`,
    },
    issues,
    'invalid_unit_register',
  );
}

export async function importUnits({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: ImportUnitsInput;
}): Promise<ImportUnitsResult> {
  authorize(ctx.actor, 'reference.manage');
  const tenantId = ctx.actor.tenantId;
  if (!tenantId) refuse([{ path: 'tenant', reason: { vi: 'cần một địa phương', en: 'a tenant is needed' } }]);
  const doc = input.document;
  const docIssues: FieldIssue[] = [];
  if (!doc?.number?.trim())
    docIssues.push({
      path: 'document.number',
      reason: { vi: 'cần số văn bản pháp lý', en: 'the legal document’s number is required' },
    });
  if (!isIsoDate(doc?.date))
    docIssues.push({
      path: 'document.date',
      reason: {
        vi: 'ngày ban hành phải là ngày có thật dạng YYYY-MM-DD',
        en: 'the issue date must be a real date YYYY-MM-DD',
      },
    });
  if (docIssues.length > 0) refuse(docIssues);
  const parsed = parseRegisterCsv(input.csv);
  return ctx.db.transaction(async (tx) => {
    const stored = await loadTenantUnits(tx, tenantId);
    const storedLineage = await loadTenantLineage(tx, tenantId);
    const issues: FieldIssue[] = [];
    const fresh = parsed.rows.filter((r) => {
      const same = stored.find((s) => s.code === r.code && (s.valid_from ?? null) === r.validFrom);
      if (!same) return true;
      if (same.name !== r.name || same.valid_to !== r.validTo || same.level !== r.level)
        issues.push({
          path: `dòng ${r.line} / code`,
          reason: {
            vi: `dòng ${r.line}: mã ${r.code} (từ ${r.validFrom ?? 'trước khi có hồ sơ'}) đã có với thông tin khác ("${same.name}", đến ${same.valid_to ?? '—'}); dùng lệnh kết thúc đơn vị để đổi hiệu lực`,
            en: `line ${r.line}: code ${r.code} (from ${r.validFrom ?? 'before the records'}) is stored with other details ("${same.name}", to ${same.valid_to ?? '—'}); end the unit to change its validity`,
          },
        });
      return false;
    });
    for (const r of parsed.rows)
      if (r.parent !== null && !stored.some((s) => s.code === r.parent && s.level === 'province'))
        issues.push({
          path: `dòng ${r.line} / parent`,
          reason: {
            vi: `dòng ${r.line}: tỉnh ${r.parent} không có trong danh mục`,
            en: `line ${r.line}: province ${r.parent} is not in the register`,
          },
        });
    // The whole register after the import must keep the rules; the problems are named by the file's lines.
    const records: Array<UnitRecord & { line: number | null }> = [
      ...stored
        .filter((s) => s.level !== 'province' && s.level !== 'district')
        .map((s) => ({
          code: s.code,
          name: s.name,
          level: 'commune' as const,
          validFrom: s.valid_from ?? BEFORE_RECORDS,
          validTo: s.valid_to,
          line: null,
        })),
      ...fresh.map((r) => ({
        code: r.code,
        name: r.name,
        level: 'commune' as const,
        validFrom: r.validFrom ?? BEFORE_RECORDS,
        validTo: r.validTo,
        line: r.line,
      })),
    ];
    const known = new Set(storedLineage.map((l) => `${l.event}|${l.from_code}|${l.to_code}|${l.effective_on}`));
    const newLineage = parsed.lineage.filter((l) => !known.has(`${l.event}|${l.from}|${l.to}|${l.date}`));
    const lineage: Array<LineageEvent & { line: number | null }> = [
      ...storedLineage
        .filter((l) => /^\d{5}$/.test(l.from_code))
        .map((l) => ({
          event: l.event as LineageEvent['event'],
          from: l.from_code,
          to: l.to_code,
          date: l.effective_on,
          line: null,
        })),
      ...newLineage,
    ];
    for (const problem of registryIssues(records, lineage)) {
      const m = /^\/(units|lineage)\/(\d+)/.exec(problem.path);
      const line = m ? (m[1] === 'units' ? records[Number(m[2])]?.line : lineage[Number(m[2])]?.line) : null;
      issues.push({
        path: line ? `dòng ${line}` : problem.path,
        reason: line
          ? { vi: `dòng ${line}: ${problem.reason.vi}`, en: `line ${line}: ${problem.reason.en}` }
          : problem.reason,
      });
    }
    if (issues.length > 0) refuse(issues);
    const documentId = await insertDocumentRow(tx, tenantId, {
      kind: 'decree',
      number: doc.number.trim().normalize('NFC'),
      issuedOn: doc.date,
      issuer: doc.issuer?.trim().normalize('NFC') || null,
      title: (doc.title ?? `Danh mục đơn vị hành chính cấp xã theo ${doc.number}`).normalize('NFC'),
    });
    const ids = new Map<string, string>();
    const idOf = (code: string, date: string): string | undefined => {
      const hit = [
        ...stored,
        ...fresh.map((r) => ({
          code: r.code,
          valid_from: r.validFrom,
          valid_to: r.validTo,
          id: ids.get(`${r.code}|${r.validFrom ?? ''}`) ?? '',
        })),
      ]
        .filter((u) => u.code === code && (u.valid_from ?? '0000') <= date)
        .sort((a, b) => ((a.valid_from ?? '') < (b.valid_from ?? '') ? 1 : -1))[0];
      return hit?.id;
    };
    for (const r of fresh) {
      const parent = r.parent === null ? null : stored.find((s) => s.code === r.parent && s.level === 'province');
      const id = await insertUnitRow(tx, tenantId, {
        code: r.code,
        name: r.name,
        level: r.level,
        parentId: parent?.id ?? null,
        validFrom: r.validFrom,
        validTo: r.validTo,
        provenance: { document: doc.number, line: r.line },
      });
      ids.set(`${r.code}|${r.validFrom ?? ''}`, id);
    }
    for (const l of newLineage) {
      // merged_into: the closed unit as it was the day before, into the unit valid on the day.
      const fromId = idOf(l.from, l.event === 'merged_into' ? addDay(l.date, -1) : l.date);
      const toId = idOf(l.to, l.date);
      if (!fromId || !toId) continue;
      await insertLineageRow(tx, tenantId, {
        fromId,
        toId,
        event: l.event,
        date: l.date,
        documentId,
        provenance: { document: doc.number, line: l.line },
      });
    }
    await writeAudit(tx, ctx, {
      tenantId,
      action: 'import',
      entity: 'unit_register',
      entityId: documentId,
      after: { document: doc.number, created: fresh.map((r) => r.code), lineage: newLineage.length },
      reason: (input.reason ?? `Nhập danh mục đơn vị theo ${doc.number}`).normalize('NFC'),
    });
    await recomputeTenantPlans(tx, ctx, tenantId);
    return {
      created: fresh.length,
      unchanged: parsed.rows.length - fresh.length,
      lineage: newLineage.length,
      document: { id: documentId, number: doc.number, date: doc.date },
    };
  });
}

function addDay(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
