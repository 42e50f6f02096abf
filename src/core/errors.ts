// Errors as values with stable codes: one hierarchy for the whole product, mapped once to problem+json (HTTP)
// and once to an exit code (CLI). Every message exists in Vietnamese and English.

export type Messages = { vi: string; en: string };

export type ErrorKind =
  | 'validation'
  | 'not_found'
  | 'forbidden'
  | 'unauthenticated'
  | 'conflict'
  | 'precondition'
  | 'rate_limited'
  | 'internal';

export interface FieldIssue {
  /** JSON-pointer-like path of the offending field, e.g. "/targets/3/bounds/min" or "row 12 / value". */
  path: string;
  reason: Messages;
}

export class ChitieuError extends Error {
  readonly code: string;
  readonly kind: ErrorKind;
  readonly messages: Messages;
  readonly issues: FieldIssue[];
  readonly details: Record<string, unknown>;

  constructor(
    code: string,
    kind: ErrorKind,
    messages: Messages,
    opts: { issues?: FieldIssue[]; details?: Record<string, unknown>; cause?: unknown } = {},
  ) {
    super(messages.en, { cause: opts.cause });
    this.name = new.target.name;
    this.code = code;
    this.kind = kind;
    this.messages = messages;
    this.issues = opts.issues ?? [];
    this.details = opts.details ?? {};
  }
}

/** Input that breaks a rule: the message names the row/field and the reason. */
export class ValidationError extends ChitieuError {
  constructor(
    messages: Messages,
    issues: FieldIssue[] = [],
    code = 'validation_failed',
    details?: Record<string, unknown>,
  ) {
    super(code, 'validation', messages, { issues, details });
  }
}

export class InvalidTarget extends ChitieuError {
  constructor(messages: Messages, details?: Record<string, unknown>) {
    super('invalid_target', 'validation', messages, { details });
  }
}

export class InvalidObservation extends ChitieuError {
  constructor(messages: Messages, details?: Record<string, unknown>) {
    super('invalid_observation', 'validation', messages, { details });
  }
}

export class PeriodOutOfTerm extends ChitieuError {
  constructor(messages: Messages, details?: Record<string, unknown>) {
    super('period_out_of_term', 'validation', messages, { details });
  }
}

export class InvalidPeriod extends ChitieuError {
  constructor(messages: Messages, details?: Record<string, unknown>) {
    super('invalid_period', 'validation', messages, { details });
  }
}

export class MixedPriceBasis extends ChitieuError {
  constructor(messages: Messages, details?: Record<string, unknown>) {
    super('mixed_price_basis', 'validation', messages, { details });
  }
}

export class UnitMismatch extends ChitieuError {
  constructor(messages: Messages, details?: Record<string, unknown>) {
    super('unit_mismatch', 'validation', messages, { details });
  }
}

export class NotFound extends ChitieuError {
  constructor(what: Messages, details?: Record<string, unknown>) {
    super('not_found', 'not_found', { vi: `Không tìm thấy ${what.vi}`, en: `${what.en} not found` }, { details });
  }
}

export class Forbidden extends ChitieuError {
  constructor(
    messages: Messages = { vi: 'Bạn không có quyền thực hiện thao tác này', en: 'You are not allowed to do this' },
  ) {
    super('forbidden', 'forbidden', messages);
  }
}

export class Unauthenticated extends ChitieuError {
  constructor(messages: Messages = { vi: 'Cần đăng nhập', en: 'Login required' }) {
    super('unauthenticated', 'unauthenticated', messages);
  }
}

export class Conflict extends ChitieuError {
  constructor(code: string, messages: Messages, details?: Record<string, unknown>) {
    super(code, 'conflict', messages, { details });
  }
}

/** A write based on an old version (If-Match did not match): the caller must reload. */
export class StaleVersion extends ChitieuError {
  constructor(current: Record<string, unknown>) {
    super(
      'stale_version',
      'precondition',
      {
        vi: 'Dữ liệu đã được người khác thay đổi; hãy tải lại và thử lại',
        en: 'The data was changed by someone else; reload and try again',
      },
      { details: { current } },
    );
  }
}

export function isChitieuError(e: unknown): e is ChitieuError {
  return e instanceof ChitieuError;
}
