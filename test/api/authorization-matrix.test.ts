// The authorization matrix, generated from the route table: every route × every role × own/other agency × own/other
// tenant, with the expected outcome read from the policy. A route without a sample request here, or without a
// policy action, fails.
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROUTE_TABLE, enforceRouteTable } from '../../src/api/routes/route-table.ts';
import { systemActor } from '../../src/services/context.ts';
import { POLICY, type Principal as PolicyPrincipal } from '../../src/services/policy.ts';
import { issueReport } from '../../src/services/reports/issued-reports.ts';
import { testDatabases } from '../helpers/databases.ts';
import { tempDir } from '../helpers/processes.ts';
import {
  PASSWORD,
  call,
  login,
  openApi,
  seedTenant,
  type Api,
  type Call,
  type Principal,
  type Session,
  type Tenant,
} from './api-helpers.ts';

const I1_SPEC = {
  kind: 'threshold',
  direction: 'higher_better',
  term: { firstYear: 2025, lastYear: 2030 },
  op: '>',
  value: '95',
  year: 2030,
};
/** plan: a plan's own page (another tenant's plan is not found) that an agency narrows to its own items. */
type Kind = 'object' | 'list' | 'self' | 'plan';
interface Fixture {
  a: Tenant;
  readObs: string;
  writeObs: string;
  /** A report of a task and one of a project, both owned by the "own" agency, that the write samples move. */
  writeTaskReport: string;
  writeProjectProgress: string;
  /** An issued report of tenant a's plan. */
  issued: string;
  /** The target of the "own" agency's indicator, whose story the write sample tells. */
  target: string;
  /** A city target of an indicator declaring its aggregation (a rate), that the split sample divides by commune. */
  splitTarget: string;
  /** A request for explanation to the "own" agency, a saved view of the plan owner, an evidence file, an account. */
  request: string;
  view: string;
  evidence: string;
  extraUser: string;
  /** A figures import made by the "own" agency's editor (its stored record). */
  figureImport: string;
}
/** readOnly: a POST that only computes from its body and saves nothing (so it leaves no audit row). */
type Sample = { kind: Kind; request: (f: Fixture) => Call; readOnly?: true };

let periodSeq = 0;
const SAMPLES: Record<string, Sample> = {
  'POST /api/auth/login': {
    kind: 'self',
    request: (f) => ({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: f.a.users.reader.email, password: PASSWORD },
    }),
  },
  'GET /api/auth/session': { kind: 'self', request: () => ({ method: 'GET', url: '/api/auth/session' }) },
  'POST /api/auth/logout': { kind: 'self', request: () => ({ method: 'POST', url: '/api/auth/logout' }) },
  'POST /api/auth/logout-everywhere': {
    kind: 'self',
    request: () => ({ method: 'POST', url: '/api/auth/logout-everywhere' }),
  },
  'POST /api/auth/password': {
    kind: 'self',
    request: () => ({ method: 'POST', url: '/api/auth/password', payload: { current: PASSWORD, next: PASSWORD } }),
  },
  // Drafting reads only the posted text: no tenant's data is involved, so it answers alike in every tenant.
  'POST /api/drafts': {
    kind: 'self',
    readOnly: true,
    request: () => ({
      method: 'POST',
      url: '/api/drafts',
      payload: { text: 'Phấn đấu đến năm 2030 tỷ lệ đô thị hóa đạt trên 75%.', term: '2026-2030' },
    }),
  },
  // Accepting a draft creates a plan in the caller's own tenant.
  'POST /api/drafts/accept': {
    kind: 'self',
    request: () => ({
      method: 'POST',
      url: '/api/drafts/accept',
      payload: {
        plan: {
          code: `du-thao-${crypto.randomUUID().slice(0, 8)}`,
          name: 'Nghị quyết thử',
          term: { firstYear: 2026, lastYear: 2030 },
          document: { kind: 'congress_resolution', title: 'Dự thảo' },
        },
        items: [
          {
            code: '1',
            parent: null,
            name: 'Tỷ lệ đô thị hóa',
            unit: '%',
            quote: 'tỷ lệ đô thị hóa đạt trên 75%',
            line: 1,
            lineEnd: 1,
            spec: {
              kind: 'threshold',
              direction: 'higher_better',
              term: { firstYear: 2026, lastYear: 2030 },
              op: '>',
              value: '75',
              year: 2030,
            },
          },
        ],
      },
    }),
  },
  'GET /api/plans': { kind: 'list', request: () => ({ method: 'GET', url: '/api/plans' }) },
  'GET /api/plans/:code': { kind: 'object', request: (f) => ({ method: 'GET', url: `/api/plans/${f.a.planCode}` }) },
  'GET /api/plans/:code/breakthroughs': {
    kind: 'object',
    request: (f) => ({ method: 'GET', url: `/api/plans/${f.a.planCode}/breakthroughs` }),
  },
  'GET /api/plans/:code/evaluations': {
    kind: 'object',
    request: (f) => ({ method: 'GET', url: `/api/plans/${f.a.planCode}/evaluations` }),
  },
  'GET /api/plans/:code/evaluations/list': {
    kind: 'object',
    request: (f) => ({ method: 'GET', url: `/api/plans/${f.a.planCode}/evaluations/list` }),
  },
  'GET /api/plans/:code/indicators/:indicator/evaluations': {
    kind: 'object',
    request: (f) => ({ method: 'GET', url: `/api/plans/${f.a.planCode}/indicators/I1/evaluations` }),
  },
  // The city target that the split sample divides: it stays in force (f.target is revised by an earlier sample).
  'GET /api/plans/:code/targets/:target/evaluations': {
    kind: 'object',
    request: (f) => ({ method: 'GET', url: `/api/plans/${f.a.planCode}/targets/${f.splitTarget}/evaluations` }),
  },
  'GET /api/plans/:code/reports/results.:format': {
    kind: 'object',
    request: (f) => ({ method: 'GET', url: `/api/plans/${f.a.planCode}/reports/results.xlsx` }),
  },
  'POST /api/plans/:code/reports/issued': {
    kind: 'object',
    request: (f) => ({
      method: 'POST',
      url: `/api/plans/${f.a.planCode}/reports/issued`,
      payload: { kind: 'results', format: 'xlsx' },
    }),
  },
  'GET /api/plans/:code/reports/issued': {
    kind: 'object',
    request: (f) => ({ method: 'GET', url: `/api/plans/${f.a.planCode}/reports/issued` }),
  },
  'GET /api/reports/issued/:id/file': {
    kind: 'object',
    request: (f) => ({ method: 'GET', url: `/api/reports/issued/${f.issued}/file` }),
  },
  'GET /api/plans/:code/templates/:agency.xlsx': {
    kind: 'object',
    request: (f) => ({ method: 'GET', url: `/api/plans/${f.a.planCode}/templates/${f.a.agencies.own.code}.xlsx` }),
  },
  // The import checks each row's plan and agency and refuses the cell (422), all or nothing; a dry run writes nothing.
  'POST /api/imports/figures': {
    kind: 'self',
    readOnly: true,
    request: (f) => ({
      method: 'POST',
      url: `/api/imports/figures?plan=${f.a.planCode}&dryRun=true`,
      headers: { 'content-type': 'text/csv' },
      payload: 'indicator,period,value\nI1,2025,96\n',
    }),
  },
  // The stored record of an import the own agency's editor made: its accepted rows, a page at a time.
  'GET /api/imports/:id/figures': {
    kind: 'object',
    request: (f) => ({ method: 'GET', url: `/api/imports/${f.figureImport}/figures?limit=10` }),
  },
  'GET /api/plans/:code/exports/:format': {
    kind: 'object',
    request: (f) => ({ method: 'GET', url: `/api/plans/${f.a.planCode}/exports/csv` }),
  },
  // A whole plan as one document, a tenant's backup and OC4IDS. The uploads sample a file of the wrong format: an
  // allowed caller is told so (422) and nothing is written.
  'GET /api/plans/:code/document.json': {
    kind: 'object',
    request: (f) => ({ method: 'GET', url: `/api/plans/${f.a.planCode}/document.json` }),
  },
  'POST /api/imports/plan-document': {
    kind: 'self',
    readOnly: true,
    request: () => ({
      method: 'POST',
      url: '/api/imports/plan-document',
      payload: { format: 'not-a-plan', tables: {} },
    }),
  },
  'GET /api/backup': { kind: 'self', request: () => ({ method: 'GET', url: '/api/backup' }) },
  'POST /api/restore': {
    kind: 'self',
    readOnly: true,
    request: () => ({ method: 'POST', url: '/api/restore', payload: { format: 'not-a-backup', tables: {} } }),
  },
  'GET /api/plans/:code/oc4ids.json': {
    kind: 'object',
    request: (f) => ({ method: 'GET', url: `/api/plans/${f.a.planCode}/oc4ids.json` }),
  },
  'GET /api/plans/:code/reports/discrepancies': {
    kind: 'object',
    request: (f) => ({ method: 'GET', url: `/api/plans/${f.a.planCode}/reports/discrepancies` }),
  },
  'POST /api/plans/:code/vintages': {
    kind: 'object',
    request: (f) => ({
      method: 'POST',
      url: `/api/plans/${f.a.planCode}/vintages`,
      payload: {
        indicatorCode: 'I2',
        period: '2024',
        value: '80.5',
        status: 'official',
        source: 'Niên giám thống kê',
        publishedOn: '2026-03-31',
      },
    }),
  },
  'GET /api/plans/:code/inbox': {
    kind: 'plan',
    request: (f) => ({ method: 'GET', url: `/api/plans/${f.a.planCode}/inbox` }),
  },
  'GET /api/plans/:code/obligations': {
    kind: 'plan',
    request: (f) => ({ method: 'GET', url: `/api/plans/${f.a.planCode}/obligations` }),
  },
  'GET /api/plans/:code/stories': {
    kind: 'object',
    request: (f) => ({ method: 'GET', url: `/api/plans/${f.a.planCode}/stories` }),
  },
  'POST /api/targets/:id/stories': {
    kind: 'object',
    request: (f) => ({
      method: 'POST',
      url: `/api/targets/${f.target}/stories`,
      payload: { period: '2026', cause: 'Nguyên nhân', measures: 'Giải pháp' },
    }),
  },
  'POST /api/observations/check': {
    kind: 'object',
    readOnly: true,
    request: (f) => ({
      method: 'POST',
      url: '/api/observations/check',
      payload: { indicatorId: f.a.indicators.own, unitId: f.a.unitId, period: '2026', value: '96' },
    }),
  },
  'GET /api/plans/:code/evaluation-changes': {
    kind: 'object',
    request: (f) => ({ method: 'GET', url: `/api/plans/${f.a.planCode}/evaluation-changes` }),
  },
  'POST /api/plans/:code/overrides': {
    kind: 'object',
    request: (f) => ({
      method: 'POST',
      url: `/api/plans/${f.a.planCode}/overrides`,
      payload: { indicatorCode: 'I1', status: 'met', reason: 'Theo báo cáo tổng kết' },
    }),
  },
  'PUT /api/plans/:code/indicators/:indicator/target': {
    kind: 'object',
    request: (f) => ({
      method: 'PUT',
      url: `/api/plans/${f.a.planCode}/indicators/I1/target`,
      payload: { spec: I1_SPEC, text: 'trên 95%', reason: 'Sửa lỗi đánh máy' },
    }),
  },
  'POST /api/plans/:code/indicators/:indicator/target-revisions': {
    kind: 'object',
    request: (f) => ({
      method: 'POST',
      url: `/api/plans/${f.a.planCode}/indicators/I1/target-revisions`,
      payload: {
        spec: I1_SPEC,
        text: 'trên 95%',
        reason: 'HĐND điều chỉnh',
        effectiveOn: '2027-01-01',
        document: { code: 'nq-dieu-chinh', kind: 'council_resolution', title: 'Nghị quyết điều chỉnh' },
      },
    }),
  },
  // Each sample names a new title, so that every allowed call is a change (and leaves its audit row).
  ...Object.fromEntries(
    (
      [
        ['indicators', 'I1', 'name'],
        ['tasks', '1', 'title'],
        ['projects', 'P1', 'title'],
        ['breakthroughs', 'B1', 'title'],
      ] as const
    ).map(([kind, code, field]) => [
      `PATCH /api/plans/:code/${kind}/:${kind.slice(0, -1)}`,
      {
        kind: 'object' as const,
        request: (f: Fixture): Call => ({
          method: 'PATCH',
          url: `/api/plans/${f.a.planCode}/${kind}/${code}`,
          payload: { [field]: `Tên mới ${crypto.randomUUID().slice(0, 8)}`, reason: 'Đính chính' },
        }),
      },
    ]),
  ),
  'PATCH /api/plans/:code': {
    kind: 'object',
    request: (f) => ({
      method: 'PATCH',
      url: `/api/plans/${f.a.planCode}`,
      payload: { description: `Mô tả mới ${crypto.randomUUID().slice(0, 8)}`, reason: 'Đính chính' },
    }),
  },
  // Each sample names a new code, so that every allowed call adds an item (and leaves its audit row).
  ...Object.fromEntries(
    (
      [
        ['tasks', { title: 'Nhiệm vụ mới' }],
        ['projects', { title: 'Dự án mới' }],
        ['breakthroughs', { title: 'Đột phá mới' }],
        [
          'indicators',
          {
            name: 'Chỉ tiêu mới',
            unitOfMeasure: '%',
            target: { spec: I1_SPEC, text: 'trên 95%', citation: { page: 3 } },
          },
        ],
      ] as const
    ).map(([kind, fields]) => [
      `POST /api/plans/:code/${kind}`,
      {
        kind: 'object' as const,
        request: (f: Fixture): Call => ({
          method: 'POST',
          url: `/api/plans/${f.a.planCode}/${kind}`,
          payload: { code: `N${crypto.randomUUID().slice(0, 8)}`, ...fields, reason: 'Bổ sung' },
        }),
      },
    ]),
  ),
  // Each allowed call re-splits the same city target (the previous commune targets superseded): a change each time.
  'POST /api/plans/:code/targets/:id/split': {
    kind: 'object',
    request: (f) => ({
      method: 'POST',
      url: `/api/plans/${f.a.planCode}/targets/${f.splitTarget}/split`,
      payload: { shares: [{ unit: '90001', value: '96' }], reason: 'Giao chỉ tiêu cho xã' },
    }),
  },
  'GET /api/plans/:code/indicators/:indicator/target-history': {
    kind: 'object',
    request: (f) => ({ method: 'GET', url: `/api/plans/${f.a.planCode}/indicators/I1/target-history` }),
  },
  'GET /api/tasks/:id/reports': {
    kind: 'object',
    request: (f) => ({ method: 'GET', url: `/api/tasks/${f.a.tasks.own}/reports` }),
  },
  'POST /api/tasks/:id/reports': {
    kind: 'object',
    request: (f) => ({
      method: 'POST',
      url: `/api/tasks/${f.a.tasks.own}/reports`,
      payload: { period: `${2100 + ++periodSeq}`, progressPercent: '10', narrative: 'Đang triển khai' },
    }),
  },
  'POST /api/task-reports/:id/revisions': {
    kind: 'object',
    request: (f) => ({
      method: 'POST',
      url: `/api/task-reports/${f.writeTaskReport}/revisions`,
      payload: { progressPercent: '20', narrative: 'Sửa' },
    }),
  },
  'POST /api/task-reports/:id/submit': {
    kind: 'object',
    request: (f) => ({ method: 'POST', url: `/api/task-reports/${f.writeTaskReport}/submit` }),
  },
  'POST /api/task-reports/:id/return': {
    kind: 'object',
    request: (f) => ({
      method: 'POST',
      url: `/api/task-reports/${f.writeTaskReport}/return`,
      payload: { comment: 'xem lại' },
    }),
  },
  'POST /api/task-reports/:id/approve': {
    kind: 'object',
    request: (f) => ({ method: 'POST', url: `/api/task-reports/${f.writeTaskReport}/approve` }),
  },
  'GET /api/projects/:id/progress': {
    kind: 'object',
    request: (f) => ({ method: 'GET', url: `/api/projects/${f.a.projects.own}/progress` }),
  },
  'POST /api/projects/:id/progress': {
    kind: 'object',
    request: (f) => ({
      method: 'POST',
      url: `/api/projects/${f.a.projects.own}/progress`,
      payload: { period: `${2100 + ++periodSeq}`, physicalActualPercent: '10' },
    }),
  },
  'POST /api/project-progress/:id/revisions': {
    kind: 'object',
    request: (f) => ({
      method: 'POST',
      url: `/api/project-progress/${f.writeProjectProgress}/revisions`,
      payload: { physicalActualPercent: '20' },
    }),
  },
  'POST /api/project-progress/:id/submit': {
    kind: 'object',
    request: (f) => ({ method: 'POST', url: `/api/project-progress/${f.writeProjectProgress}/submit` }),
  },
  'POST /api/project-progress/:id/return': {
    kind: 'object',
    request: (f) => ({
      method: 'POST',
      url: `/api/project-progress/${f.writeProjectProgress}/return`,
      payload: { comment: 'xem lại' },
    }),
  },
  'POST /api/project-progress/:id/approve': {
    kind: 'object',
    request: (f) => ({ method: 'POST', url: `/api/project-progress/${f.writeProjectProgress}/approve` }),
  },
  'POST /api/agencies': {
    kind: 'self',
    request: () => ({
      method: 'POST',
      url: '/api/agencies',
      payload: { code: `so-${crypto.randomUUID().slice(0, 8)}`, name: 'Sở mới' },
    }),
  },
  'PATCH /api/indicators/:id': {
    kind: 'object',
    request: (f) => ({
      method: 'PATCH',
      url: `/api/indicators/${f.a.indicators.other}`,
      payload: { ownerAgencyId: f.a.agencies.other.id },
    }),
  },
  'GET /api/units': { kind: 'list', request: () => ({ method: 'GET', url: '/api/units' }) },
  'GET /api/plans/:code/baselines': {
    kind: 'object',
    request: (f) => ({ method: 'GET', url: `/api/plans/${f.a.planCode}/baselines` }),
  },
  'GET /api/plans/:code/indicators/:indicator/communes': {
    kind: 'object',
    request: (f) => ({ method: 'GET', url: `/api/plans/${f.a.planCode}/indicators/I1/communes` }),
  },
  'GET /api/units/register': {
    kind: 'list',
    request: () => ({ method: 'GET', url: '/api/units/register?on=2026-01-01' }),
  },
  // Both act in the caller's own tenant (each seeded tenant has its unit 31): allowed alike in either tenant.
  'POST /api/units/import': {
    kind: 'list',
    request: () => ({
      method: 'POST',
      url: '/api/units/import',
      payload: {
        csv: 'code,name,kind,parent,valid_from,valid_to,event,related\n93001,Xã Thử Nghiệm Ma Trận,xã,31,2026-01-01,,,\n',
        document: { number: '1/THỬ', date: '2025-12-01' },
      },
    }),
  },
  'POST /api/units/:code/end': {
    kind: 'list',
    request: () => ({
      method: 'POST',
      url: '/api/units/31/end',
      payload: { validTo: null, reason: 'Vẫn còn hiệu lực' },
    }),
  },
  'GET /api/agencies': { kind: 'list', request: () => ({ method: 'GET', url: '/api/agencies' }) },
  'GET /api/indicators': { kind: 'list', request: () => ({ method: 'GET', url: '/api/indicators' }) },
  'GET /api/targets': { kind: 'list', request: () => ({ method: 'GET', url: '/api/targets' }) },
  'GET /api/breakthroughs': { kind: 'list', request: () => ({ method: 'GET', url: '/api/breakthroughs' }) },
  'GET /api/tasks': { kind: 'list', request: () => ({ method: 'GET', url: '/api/tasks' }) },
  'GET /api/projects': { kind: 'list', request: () => ({ method: 'GET', url: '/api/projects' }) },
  'GET /api/users': { kind: 'list', request: () => ({ method: 'GET', url: '/api/users' }) },
  'POST /api/users': {
    kind: 'self',
    request: () => ({
      method: 'POST',
      url: '/api/users',
      payload: {
        email: `u${crypto.randomUUID().slice(0, 8)}@x.test`,
        displayName: 'Người mới',
        password: PASSWORD,
        roles: ['reader'],
      },
    }),
  },
  'GET /api/audit-log': { kind: 'list', request: () => ({ method: 'GET', url: '/api/audit-log' }) },
  'GET /api/observations': { kind: 'list', request: () => ({ method: 'GET', url: '/api/observations' }) },
  'GET /api/observations/:id': {
    kind: 'object',
    request: (f) => ({ method: 'GET', url: `/api/observations/${f.readObs}` }),
  },
  'POST /api/observations': {
    kind: 'object',
    request: (f) => ({
      method: 'POST',
      url: '/api/observations',
      payload: {
        indicatorId: f.a.indicators.own,
        unitId: f.a.unitId,
        period: `${2100 + ++periodSeq}`,
        value: '1.5',
        status: 'estimate',
      },
    }),
  },
  'POST /api/observations/:id/versions': {
    kind: 'object',
    request: (f) => ({
      method: 'POST',
      url: `/api/observations/${f.writeObs}/versions`,
      payload: { value: '2', status: 'official', reason: 'sửa' },
    }),
  },
  'POST /api/observations/:id/submit': {
    kind: 'object',
    request: (f) => ({ method: 'POST', url: `/api/observations/${f.writeObs}/submit` }),
  },
  'POST /api/observations/:id/return': {
    kind: 'object',
    request: (f) => ({
      method: 'POST',
      url: `/api/observations/${f.writeObs}/return`,
      payload: { comment: 'xem lại' },
    }),
  },
  'POST /api/observations/:id/approve': {
    kind: 'object',
    request: (f) => ({ method: 'POST', url: `/api/observations/${f.writeObs}/approve` }),
  },
  'POST /api/observations/:id/withdraw': {
    kind: 'object',
    request: (f) => ({
      method: 'POST',
      url: `/api/observations/${f.writeObs}/withdraw`,
      payload: { reason: 'Số liệu nhập nhầm' },
    }),
  },
  'GET /api/explanation-requests': {
    kind: 'list',
    request: () => ({ method: 'GET', url: '/api/explanation-requests' }),
  },
  'POST /api/explanation-requests': {
    kind: 'object',
    request: (f) => ({
      method: 'POST',
      url: '/api/explanation-requests',
      payload: { itemKind: 'task', itemId: f.a.tasks.own, question: 'Vì sao chậm?', deadline: '2099-12-31' },
    }),
  },
  'POST /api/explanation-requests/:id/answer': {
    kind: 'object',
    request: (f) => ({
      method: 'POST',
      url: `/api/explanation-requests/${f.request}/answer`,
      payload: { answer: 'Do thời tiết' },
    }),
  },
  'GET /api/notifications': { kind: 'self', request: () => ({ method: 'GET', url: '/api/notifications' }) },
  'POST /api/notifications/read': {
    kind: 'self',
    request: () => ({ method: 'POST', url: '/api/notifications/read', payload: { all: true } }),
  },
  'GET /api/saved-views': { kind: 'self', request: () => ({ method: 'GET', url: '/api/saved-views' }) },
  'GET /api/saved-views/:id': {
    kind: 'object',
    request: (f) => ({ method: 'GET', url: `/api/saved-views/${f.view}` }),
  },
  'POST /api/saved-views': {
    kind: 'self',
    request: () => ({ method: 'POST', url: '/api/saved-views', payload: { name: 'Theo dõi', items: [] } }),
  },
  'POST /api/task-reports/:id/evidence': {
    kind: 'object',
    request: (f) => ({
      method: 'POST',
      url: `/api/task-reports/${f.writeTaskReport}/evidence?filename=a.pdf`,
      headers: { 'content-type': 'application/octet-stream' },
      payload: Buffer.from('%PDF-1.4\n'),
    }),
  },
  'POST /api/project-progress/:id/evidence': {
    kind: 'object',
    request: (f) => ({
      method: 'POST',
      url: `/api/project-progress/${f.writeProjectProgress}/evidence?filename=a.pdf`,
      headers: { 'content-type': 'application/octet-stream' },
      payload: Buffer.from('%PDF-1.4\n'),
    }),
  },
  'GET /api/evidence/:id': { kind: 'object', request: (f) => ({ method: 'GET', url: `/api/evidence/${f.evidence}` }) },
  'PATCH /api/users/:id': {
    kind: 'object',
    request: (f) => ({ method: 'PATCH', url: `/api/users/${f.extraUser}`, payload: { displayName: 'Tên mới' } }),
  },
  'POST /api/users/:id/password': {
    kind: 'object',
    request: (f) => ({ method: 'POST', url: `/api/users/${f.extraUser}/password`, payload: { password: PASSWORD } }),
  },
  'PATCH /api/tasks/:id': {
    kind: 'object',
    request: (f) => ({
      method: 'PATCH',
      url: `/api/tasks/${f.a.tasks.other}`,
      payload: { ownerAgencyId: f.a.agencies.other.id },
    }),
  },
  'PATCH /api/projects/:id': {
    kind: 'object',
    request: (f) => ({
      method: 'PATCH',
      url: `/api/projects/${f.a.projects.other}`,
      payload: { ownerAgencyId: f.a.agencies.other.id },
    }),
  },
};

const PRINCIPALS: Principal[] = [
  'admin',
  'plan_owner',
  'agency_editor',
  'agency_editor_other',
  'approver',
  'reader',
  'inspector',
  'commune_editor',
];

type Expect = 401 | 403 | 404 | 'ok' | 'ok-no-leak';

function expected(action: keyof typeof POLICY, kind: Kind, who: Principal | 'public', tenant: 'own' | 'other'): Expect {
  const role: PolicyPrincipal = who === 'agency_editor_other' ? 'agency_editor' : who;
  const scope = POLICY[action][role];
  if (!scope) return who === 'public' ? 401 : 403;
  if (tenant === 'other' && (kind === 'object' || kind === 'plan')) return 404;
  if (tenant === 'other' && kind === 'list') return 'ok-no-leak';
  if (scope === 'agency' && who === 'agency_editor_other' && kind === 'object') return 403;
  // A commune editor writes its own commune's figures only; every sample figure is the province's.
  if (scope === 'commune' && kind === 'object') return 403;
  return 'ok';
}

describe('the route table', () => {
  it('refuses to register a route that names no policy action', async () => {
    const app = Fastify();
    const start = async () => {
      await app.register(async (api) => {
        enforceRouteTable(api);
        api.get('/no-policy', async () => 'x');
      });
      await app.ready();
    };
    await expect(start()).rejects.toThrow(/declares no policy action/);
  });
});

describe.each(testDatabases)('the authorization matrix on $name', (database) => {
  let api: Api;
  let f: Fixture;
  let b: Tenant;
  const counts = { cases: 0 };
  beforeAll(async () => {
    api = await openApi(database, { evidenceDir: tempDir() });
    const a = await seedTenant(api.db, 'a');
    b = await seedTenant(api.db, 'b');
    // Each tenant's commune editor answers for a commune of its province (the matrix's figures are the province's).
    for (const t of [a, b])
      await api.db.query(
        `WITH c AS (INSERT INTO units (tenant_id, code, name, level, parent_id) VALUES ($1, '90001', 'Xã Thử Nghiệm 1', 'commune', $2) RETURNING id)
         UPDATE users SET unit_id = (SELECT id FROM c) WHERE id = $3`,
        [t.id, t.unitId, t.users.commune_editor.id],
      );
    await api.db.query(
      "INSERT INTO breakthroughs (tenant_id, plan_id, code, title) SELECT tenant_id, id, 'B1', 'Đột phá' FROM plans WHERE tenant_id = $1",
      [a.id],
    );
    // The plan rests on its resolution: a new indicator's target cites it (a page) when no other document is named.
    await api.db.query(
      `WITH d AS (INSERT INTO documents (tenant_id, kind, title) VALUES ($1, 'council_resolution', 'Nghị quyết thử') RETURNING id)
       UPDATE plans SET document_id = (SELECT id FROM d) WHERE tenant_id = $1`,
      [a.id],
    );
    const editor = await login(api.app, a.users.agency_editor.email);
    const approver = await login(api.app, a.users.approver.email);
    const mk = async (period: string) =>
      (
        (
          await call(api.app, editor, {
            method: 'POST',
            url: '/api/observations',
            payload: { indicatorId: a.indicators.own, unitId: a.unitId, period, value: '96', status: 'official' },
          })
        ).json() as { id: string }
      ).id;
    const readObs = await mk('2025');
    await call(api.app, editor, {
      method: 'POST',
      url: `/api/observations/${readObs}/submit`,
      headers: { 'if-match': '1' },
    });
    await call(api.app, approver, {
      method: 'POST',
      url: `/api/observations/${readObs}/approve`,
      headers: { 'if-match': '2' },
    });
    const report = async (url: string, payload: object) =>
      ((await call(api.app, editor, { method: 'POST', url, payload })).json() as { id: string }).id;
    const owner = await login(api.app, a.users.plan_owner.email);
    const admin = await login(api.app, a.users.admin.email);
    const request = (
      (
        await call(api.app, owner, {
          method: 'POST',
          url: '/api/explanation-requests',
          payload: { itemKind: 'task', itemId: a.tasks.own, question: 'Vì sao?', deadline: '2099-12-31' },
        })
      ).json() as { id: string }
    ).id;
    const view = (
      (
        await call(api.app, owner, {
          method: 'POST',
          url: '/api/saved-views',
          payload: { name: 'Của lãnh đạo', items: [{ kind: 'task', id: a.tasks.own }] },
        })
      ).json() as { id: string }
    ).id;
    const evidenceReport = await report(`/api/tasks/${a.tasks.own}/reports`, {
      period: '2027',
      narrative: 'Có minh chứng',
    });
    const evidence = (
      (
        await call(api.app, editor, {
          method: 'POST',
          url: `/api/task-reports/${evidenceReport}/evidence?filename=a.pdf`,
          headers: { 'content-type': 'application/octet-stream' },
          payload: Buffer.from('%PDF-1.4\n'),
        })
      ).json() as { id: string }
    ).id;
    const extraUser = (
      (
        await call(api.app, admin, {
          method: 'POST',
          url: '/api/users',
          payload: { email: 'extra@a.test', displayName: 'Phụ', password: PASSWORD, roles: ['reader'] },
        })
      ).json() as { id: string }
    ).id;
    const figureImport = (
      (
        await call(api.app, editor, {
          method: 'POST',
          url: `/api/imports/figures?plan=${a.planCode}`,
          headers: { 'content-type': 'text/csv' },
          payload: 'indicator,period,value\nI1,2028,96\n',
        })
      ).json() as { importId: string | null }
    ).importId;
    // The sample reads a real record (a 400 for a missing id would pass as "allowed").
    if (!figureImport) throw new Error('the fixture import stored no record');
    f = {
      figureImport,
      request,
      view,
      evidence,
      extraUser,
      a,
      target: (
        (
          await api.db.query<{ id: string }>('SELECT id FROM targets WHERE indicator_id = $1', [a.indicators.own])
        )[0] as {
          id: string;
        }
      ).id,
      splitTarget: (
        (
          await api.db.query<{ id: string }>(
            `WITH i AS (INSERT INTO indicators (tenant_id, plan_id, code, name, unit_of_measure, measure, aggregation_method)
                        SELECT tenant_id, id, 'S1', 'Tỷ lệ chia theo xã', '%', 'share', $2 FROM plans WHERE tenant_id = $1 RETURNING id, tenant_id, plan_id)
             INSERT INTO targets (tenant_id, plan_id, indicator_id, unit_id, kind, spec, text, first_year, last_year)
             SELECT i.tenant_id, i.plan_id, i.id, $3, 'threshold', $4, 'trên 95%', 2025, 2030 FROM i RETURNING id`,
            [
              a.id,
              JSON.stringify({ kind: 'weighted_mean', indicator: 'S1', weight: 'dan-so' }),
              a.unitId,
              JSON.stringify(I1_SPEC),
            ],
          )
        )[0] as { id: string }
      ).id,
      readObs,
      writeObs: await mk('2026'),
      writeTaskReport: await report(`/api/tasks/${a.tasks.own}/reports`, { period: '2026', narrative: 'Bắt đầu' }),
      writeProjectProgress: await report(`/api/projects/${a.projects.own}/progress`, {
        period: '2026',
        physicalActualPercent: '5',
      }),
      issued: (
        await issueReport({
          ctx: { db: api.db, actor: systemActor('test', a.id), now: () => new Date() },
          input: { planCode: a.planCode, kind: 'results', format: 'xlsx' },
        })
      ).id,
    };
    // Two tenants seeded and a dozen requests: on the shared, loaded machine this outlasts two minutes.
  }, 300_000);
  afterAll(async () => api?.close());

  it('an admin creates a commune editor with its commune over HTTP (the web form’s request); the editor enters that commune’s figure and no other', async () => {
    const admin = await login(api.app, f.a.users.admin.email);
    const create = (extra: object) =>
      call(api.app, admin, {
        method: 'POST',
        url: '/api/users',
        payload: { displayName: 'Cán bộ xã', password: PASSWORD, roles: ['commune_editor'], ...extra },
      });
    const missing = await create({ email: 'xa-thieu@a.test' });
    expect(missing.statusCode).toBe(400);
    expect((missing.json() as { errors: { path: string }[] }).errors.map((e) => e.path)).toEqual(['body/unitCode']);
    expect((await create({ email: 'xa-sai@a.test', unitCode: '99999' })).statusCode).toBe(404);
    const created = await create({ email: 'xa-moi@a.test', unitCode: '90001' });
    expect(created.statusCode).toBe(201);
    const [row] = await api.db.query<{ code: string }>(
      'SELECT u.code FROM users s JOIN units u ON u.id = s.unit_id WHERE s.id = $1',
      [(created.json() as { id: string }).id],
    );
    expect(row?.code).toBe('90001');
    // The admin's user list shows the account's commune (the web list's column).
    const list = await call(api.app, admin, { method: 'GET', url: '/api/users?limit=200' });
    const items = (list.json() as { items: Array<{ email: string; commune: unknown }> }).items;
    expect(items.find((u) => u.email === 'xa-moi@a.test')?.commune).toEqual({ code: '90001', name: 'Xã Thử Nghiệm 1' });
    expect(items.find((u) => u.email === f.a.users.reader.email)?.commune).toBeNull();
    const editor = await login(api.app, 'xa-moi@a.test');
    const [commune] = await api.db.query<{ id: string }>(
      `SELECT id FROM units WHERE tenant_id = $1 AND code = '90001'`,
      [f.a.id],
    );
    const enter = (unitId: string) =>
      call(api.app, editor, {
        method: 'POST',
        url: '/api/observations',
        payload: { indicatorId: f.a.indicators.own, unitId, period: '2027', value: '97', status: 'official' },
      });
    expect((await enter(commune?.id ?? '')).statusCode).toBe(201);
    const other = await enter(f.a.unitId);
    expect(other.statusCode).toBe(403);
    expect(other.body).toContain('không thuộc xã, phường của bạn');
  });

  it('every route has a sample request and a policy action', () => {
    const routes = [...ROUTE_TABLE.keys()].map((k) => k);
    expect(routes.length).toBeGreaterThanOrEqual(20);
    for (const key of routes) expect(SAMPLES[key], `no matrix sample for ${key}`).toBeDefined();
  });

  it('every route × role × own/other agency × own/other tenant answers as the policy says, and a refused write changes nothing', async () => {
    const auditCount = async () =>
      ((await api.db.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_log'))[0] as { n: number }).n;
    // The current ETag of whichever written object a sample request moves.
    const version = async (url: string): Promise<number | null> => {
      const [table, id] = url.includes(f.writeObs)
        ? ['observations', f.writeObs]
        : url.includes(f.writeTaskReport)
          ? ['task_progress_reports', f.writeTaskReport]
          : url.includes(f.writeProjectProgress)
            ? ['project_progress', f.writeProjectProgress]
            : [null, null];
      if (!table) return null;
      return (
        (await api.db.query<{ version: number }>(`SELECT version FROM ${table} WHERE id = $1`, [id]))[0] as {
          version: number;
        }
      ).version;
    };
    const failures: string[] = [];
    for (const entry of ROUTE_TABLE.values()) {
      const key = `${entry.method} ${entry.url}`;
      const sample = SAMPLES[key];
      if (!sample) continue;
      const cases: { who: Principal | 'public'; tenant: 'own' | 'other' }[] = [{ who: 'public', tenant: 'own' }];
      for (const who of PRINCIPALS) for (const tenant of ['own', 'other'] as const) cases.push({ who, tenant });
      for (const c of cases) {
        const home = c.tenant === 'own' ? f.a : b;
        const session: Session | null = c.who === 'public' ? null : await login(api.app, home.users[c.who].email);
        const req = sample.request(f);
        const current = await version(req.url);
        if (current !== null) req.headers = { ...req.headers, 'if-match': `"${current}"` };
        const before = await auditCount();
        const res = await call(api.app, session, req);
        counts.cases++;
        const want = expected(entry.action, sample.kind, c.who, c.tenant);
        const label = `${key} as ${c.who} (${c.tenant} tenant): ${res.statusCode}`;
        if (res.statusCode >= 500) failures.push(`${label} — server error`);
        else if (typeof want === 'number') {
          if (res.statusCode !== want) failures.push(`${label}, expected ${want} ${res.body.slice(0, 120)}`);
          if (!String(res.headers['content-type'] ?? '').includes('application/problem+json'))
            failures.push(`${label} — not problem+json`);
          if (req.method !== 'GET' && (await auditCount()) !== before)
            failures.push(`${label} — a refused write left an audit row`);
        } else {
          if ([401, 403, 404].includes(res.statusCode))
            failures.push(`${label}, expected to be allowed ${res.body.slice(0, 160)}`);
          if (want === 'ok-no-leak' && res.body.includes(f.a.code)) failures.push(`${label} — leaks the other tenant`);
          // Every accepted write leaves its audit row.
          if (req.method !== 'GET' && !sample.readOnly && res.statusCode < 300 && (await auditCount()) <= before)
            failures.push(`${label} — no audit row`);
          if (sample.readOnly && (await auditCount()) !== before) failures.push(`${label} — a read-only call wrote`);
        }
      }
    }
    expect(failures).toEqual([]);
    expect(counts.cases).toBeGreaterThanOrEqual(ROUTE_TABLE.size * 15);
    console.info(`authorization matrix: ${counts.cases} cases over ${ROUTE_TABLE.size} routes`);
    // Hundreds of requests, each with its audit check: on a shared, loaded machine this outlasts the default minute.
  }, 900_000);
});
