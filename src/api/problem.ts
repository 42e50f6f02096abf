// The one mapping from errors to RFC 9457 problem+json. Every error a client sees goes through here: stable
// `code`, a Vietnamese and an English message, field issues for validation; never a stack trace.
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { isChitieuError, type ErrorKind, type FieldIssue } from '../core/errors.ts';
import { translateDatabaseError } from '../storage/database-errors.ts';

const STATUS: Record<ErrorKind, number> = {
  validation: 400,
  not_found: 404,
  forbidden: 403,
  unauthenticated: 401,
  conflict: 409,
  precondition: 412,
  rate_limited: 429,
  internal: 500,
};

export interface Problem {
  type: string;
  title: string;
  status: number;
  code: string;
  detail: string;
  messages: { vi: string; en: string };
  instance?: string;
  errors?: { path: string; reason: { vi: string; en: string } }[];
  [k: string]: unknown;
}

function problemOf(
  status: number,
  code: string,
  messages: { vi: string; en: string },
  errors: FieldIssue[] = [],
  extra: Record<string, unknown> = {},
): Problem {
  return {
    type: `https://chitieu.dev/problems/${code}`,
    title: messages.en,
    status,
    code,
    detail: messages.vi,
    messages,
    ...(errors.length > 0 ? { errors } : {}),
    ...extra,
  };
}

function fromValidation(err: FastifyError): Problem {
  const issues: FieldIssue[] = (err.validation ?? []).map((v) => {
    const where = `${err.validationContext ?? 'body'}${v.instancePath || ''}`;
    const missing = (v.params as { missingProperty?: string; additionalProperty?: string }) ?? {};
    const field = missing.missingProperty
      ? `${where}/${missing.missingProperty}`
      : missing.additionalProperty
        ? `${where}/${missing.additionalProperty}`
        : where;
    // A decimal written the Vietnamese way ("1,5") is the commonest mistake: say so plainly.
    const decimal =
      v.keyword === 'pattern' && String((v.params as { pattern?: string }).pattern ?? '').startsWith('^-?\\d');
    const reasonEn = missing.additionalProperty
      ? 'unknown field'
      : decimal
        ? 'must be a decimal number with a dot, e.g. 1.5 (not 1,5)'
        : (v.message ?? 'invalid');
    const reasonVi = missing.additionalProperty
      ? 'trường không được phép'
      : missing.missingProperty
        ? 'thiếu trường bắt buộc'
        : decimal
          ? 'phải là số thập phân dùng dấu chấm, ví dụ 1.5 (không dùng 1,5)'
          : `không hợp lệ (${v.message ?? ''})`;
    return { path: field, reason: { vi: reasonVi, en: reasonEn } };
  });
  const first = issues[0];
  return problemOf(
    400,
    'validation_failed',
    {
      vi: first ? `Dữ liệu gửi lên không hợp lệ: ${first.path}: ${first.reason.vi}` : 'Dữ liệu gửi lên không hợp lệ',
      en: first ? `Invalid request: ${first.path}: ${first.reason.en}` : 'Invalid request',
    },
    issues,
  );
}

export function toProblem(failure: unknown): Problem {
  // A database error the client caused (a duplicate, a value too long) becomes the typed error it stands for.
  const err = translateDatabaseError(failure) ?? failure;
  if (isChitieuError(err)) {
    const extra = err.kind === 'precondition' || Object.keys(err.details).length > 0 ? { details: err.details } : {};
    // 428: a write that must say which version it read (If-Match) and did not.
    const status = err.code === 'precondition_required' ? 428 : STATUS[err.kind];
    return problemOf(status, err.code, err.messages, err.issues, extra);
  }
  const fe = err as FastifyError;
  if (fe && Array.isArray(fe.validation)) return fromValidation(fe);
  const status = typeof fe?.statusCode === 'number' ? fe.statusCode : 500;
  if (status === 404) return problemOf(404, 'not_found', { vi: 'Không tìm thấy', en: 'Not found' });
  if (status === 405)
    return problemOf(405, 'method_not_allowed', { vi: 'Phương thức không được hỗ trợ', en: 'Method not allowed' });
  if (status === 413)
    return problemOf(413, 'payload_too_large', { vi: 'Dữ liệu gửi lên quá lớn', en: 'Request body too large' });
  if (status === 415)
    return problemOf(415, 'unsupported_media_type', {
      vi: 'Kiểu dữ liệu không được hỗ trợ; dùng application/json',
      en: 'Unsupported media type; use application/json',
    });
  if (status === 429)
    return problemOf(429, 'rate_limited', {
      vi: 'Quá nhiều yêu cầu; hãy thử lại sau',
      en: 'Too many requests; try again later',
    });
  if (status === 503)
    return problemOf(503, 'database_unavailable', {
      vi: 'Cơ sở dữ liệu không phản hồi; hãy thử lại sau',
      en: 'The database is not answering; try again later',
    });
  if (status >= 400 && status < 500) {
    return problemOf(status, 'bad_request', { vi: 'Yêu cầu không hợp lệ', en: 'Bad request' });
  }
  return problemOf(500, 'internal_error', {
    vi: 'Lỗi hệ thống; đã ghi nhận để xử lý',
    en: 'Internal error; it has been logged',
  });
}

export function sendProblem(reply: FastifyReply, req: FastifyRequest, err: unknown): FastifyReply {
  const p = toProblem(err);
  if (p.status >= 500) req.log.error({ err }, 'request failed');
  return reply
    .status(p.status)
    .type('application/problem+json; charset=utf-8')
    .send({ ...p, instance: req.id });
}
