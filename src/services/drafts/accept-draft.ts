// Use case: the plan owner accepts a reviewed draft into a new plan. Only the items the owner accepted (possibly
// edited) are sent; each becomes an indicator with its target, and the statement's lines and quote stay on the target
// as its provenance in the uploaded document. The plan goes through the same checks and the same one-transaction
// import as a dataset file, so a draft that the engine cannot evaluate is refused whole, naming the item.
import { measureForKind } from '../../core/checks/figure-checks.ts';
import { ValidationError, type FieldIssue } from '../../core/errors.ts';
import type { TargetSpec } from '../../core/targets/target.ts';
import type { ServiceContext } from '../context.ts';
import type { DocumentKind } from '../../core/vocabulary.ts';
import type { PlanFile } from '../dataset/dataset-types.ts';
import { importAuthorized } from '../dataset/import-dataset.ts';
import { authorize } from '../policy.ts';

export interface AcceptedItem {
  /** The indicator's code in the new plan ("1", "1.2"); unique. */
  code: string;
  /** The code of the item this one is a sub-target of, or null. */
  parent: string | null;
  name: string;
  unit: string;
  /** The statement as written, and where it is in the document (1-based lines). */
  quote: string;
  line: number;
  lineEnd: number;
  spec: TargetSpec;
}

export interface AcceptDraftInput {
  plan: {
    code: string;
    name: string;
    term: { firstYear: number; lastYear: number };
    /** The document the draft was read from. */
    document: { kind: string; title: string; number?: string | null; date?: string | null; issuer?: string | null };
  };
  items: AcceptedItem[];
}

export interface AcceptDraftResult {
  plan: string;
  indicators: number;
  targets: number;
}

const issue = (path: string, vi: string, en: string): FieldIssue => ({ path, reason: { vi, en } });

function checkItems(input: AcceptDraftInput): void {
  const issues: FieldIssue[] = [];
  if (input.items.length === 0) {
    issues.push(issue('/items', 'chưa chấp nhận mục nào', 'no item was accepted'));
  }
  const codes = new Set<string>();
  input.items.forEach((item, i) => {
    const where = `/items/${i}`;
    if (codes.has(item.code)) {
      issues.push(
        issue(
          `${where}/code`,
          `mục ${i + 1}: mã "${item.code}" trùng với một mục khác`,
          `item ${i + 1}: code "${item.code}" is used twice`,
        ),
      );
    }
    codes.add(item.code);
    if (item.name.trim() === '') {
      issues.push(issue(`${where}/name`, `mục ${i + 1}: thiếu tên chỉ tiêu`, `item ${i + 1}: the name is empty`));
    }
    if (item.lineEnd < item.line) {
      issues.push(
        issue(
          `${where}/lineEnd`,
          `mục ${i + 1}: dòng kết thúc trước dòng bắt đầu`,
          `item ${i + 1}: the last line is before the first`,
        ),
      );
    }
  });
  input.items.forEach((item, i) => {
    if (item.parent !== null && !codes.has(item.parent)) {
      issues.push(
        issue(
          `/items/${i}/parent`,
          `mục ${i + 1}: chỉ tiêu cha "${item.parent}" không nằm trong các mục đã chấp nhận`,
          `item ${i + 1}: the parent "${item.parent}" is not among the accepted items`,
        ),
      );
    }
  });
  const first = issues[0];
  if (first) {
    throw new ValidationError(
      {
        vi: `Chưa lưu được kế hoạch, ${issues.length} lỗi: ${first.reason.vi}`,
        en: `The plan was not saved, ${issues.length} problems: ${first.reason.en}`,
      },
      issues,
      'invalid_draft',
    );
  }
}

export async function acceptDraft({
  ctx,
  input,
  checkFormat,
}: {
  ctx: ServiceContext;
  input: AcceptDraftInput;
  /** The dataset format's schema check (the adapter's), run on the plan before the import's own checks. */
  checkFormat: (plan: PlanFile) => void;
}): Promise<AcceptDraftResult> {
  authorize(ctx.actor, 'plan.create');
  checkItems(input);
  const tenantId = ctx.actor.tenantId;
  const tenant = (
    await ctx.db.query<{ code: string; unit_code: string | null }>(
      'SELECT code, unit_code FROM tenants WHERE id = $1',
      [tenantId],
    )
  )[0];
  if (!tenant) throw new ValidationError({ vi: 'Không rõ địa phương', en: 'Unknown tenant' }, []);
  // The plan is the tenant's own: its unit is the tenant's, or else the one province-level unit in force today.
  const provinces = await ctx.db.query<{ code: string }>(
    `SELECT code FROM units WHERE tenant_id = $1 AND level = 'province' AND (valid_to IS NULL OR valid_to >= $2)`,
    [tenantId, ctx.now().toISOString().slice(0, 10)],
  );
  const unitCode = tenant.unit_code ?? (provinces.length === 1 ? provinces[0]?.code : undefined);
  if (unitCode === undefined) {
    throw new ValidationError(
      {
        vi: 'Không xác định được đơn vị hành chính của kế hoạch: địa phương chưa khai báo mã tỉnh',
        en: "Cannot tell the plan's administrative unit: the tenant declares no province code",
      },
      [{ path: '/plan', reason: { vi: 'thiếu mã tỉnh của địa phương', en: "the tenant's province code is missing" } }],
      'unknown_unit',
    );
  }
  const nfc = (s: string): string => s.normalize('NFC');
  // The uploaded document is the plan's one document; every target cites its lines and its statement there.
  const document = {
    id: 'du-thao',
    kind: input.plan.document.kind as DocumentKind,
    title: nfc(input.plan.document.title),
    number: input.plan.document.number ?? null,
    date: input.plan.document.date ?? null,
    issuer: input.plan.document.issuer ?? null,
    file: nfc(input.plan.document.title),
    default: true,
  };
  const firstLine = Math.min(...input.items.map((i) => i.line));
  const file: PlanFile = {
    file: document.title,
    format: 'chitieu-plan/1',
    tenant: tenant.code,
    plan: {
      id: input.plan.code,
      name: nfc(input.plan.name),
      unitCode,
      term: input.plan.term,
      document: {
        kind: document.kind,
        number: document.number,
        date: document.date,
        issuer: document.issuer,
      },
      display: { exceededAs: 'exceeded' },
      source: { document: document.id, line: firstLine },
    },
    documents: [document],
    indicators: input.items.map((item) => ({
      code: item.code,
      parent: item.parent,
      name: nfc(item.name),
      unit: nfc(item.unit),
      // A total over the term sums flows, a rank is a rank, a milestone is done or not: the default "level" would be
      // refused for them (figure-checks' MEASURES_FOR_KIND).
      measure: measureForKind(item.spec.kind, item.unit),
      ...(input.items.some((other) => other.parent === item.code) ? { compositeRule: 'own_target' as const } : {}),
      source: { document: document.id, line: item.line, lineEnd: item.lineEnd },
      targets: [
        {
          text: nfc(item.quote),
          source: { document: document.id, line: item.line, lineEnd: item.lineEnd, quote: nfc(item.quote) },
          spec: item.spec,
        },
      ],
      observations: [],
    })),
    breakthroughs: [],
    tasks: [],
    projects: [],
  };
  checkFormat(file);
  const report = await importAuthorized({ ctx, input: { tenants: [], plans: [file] } });
  const plan = report.plans[0];
  if (!plan?.created) {
    throw new ValidationError(
      {
        vi: `Đã có kế hoạch mã "${input.plan.code}"; hãy chọn mã khác`,
        en: `A plan with code "${input.plan.code}" exists; choose another code`,
      },
      [{ path: '/plan/code', reason: { vi: 'mã đã dùng', en: 'code in use' } }],
      'plan_exists',
    );
  }
  return { plan: plan.code, indicators: plan.indicators, targets: plan.targets };
}
