/** Values a message sentence is built from, e.g. { due: '2026-03-01' }. */
export type MessageParams = Readonly<Record<string, string | number>>;

/** A field-level problem, e.g. { field: 'features[2].geometry', message: 'ring is not closed' }. */
export interface FieldProblem {
  field: string;
  /** For developers and the fallback when `code` has no sentence in kernel/http/messages.zh.ts. */
  message: string;
  /** Stable id of the problem, e.g. 'task.deadline_before_start': the HTTP layer looks its Chinese sentence up. */
  code?: string;
  /** What the sentence of `code` is built from. */
  params?: MessageParams;
}

/**
 * Domain errors carry a stable code and no HTTP status; kernel/http/problem.ts maps the kind to a status.
 * `code` is what clients and tests match on, `message` is for people.
 */
export class DomainError extends Error {
  constructor(
    readonly kind: 'not_found' | 'forbidden' | 'unauthenticated' | 'conflict' | 'invalid' | 'too_many',
    readonly code: string,
    message: string,
    readonly errors: FieldProblem[] = [],
    readonly extra: Record<string, unknown> = {},
    /** What the Chinese sentence of `code` is built from (kernel/http/messages.zh.ts). */
    readonly params: MessageParams = {},
  ) {
    super(message);
  }
}

export class NotFound extends DomainError {
  constructor(entity: string, id: string) {
    super('not_found', `${entity}.not_found`, `${entity} ${id} does not exist or is outside your data scope`);
  }
}

export class Forbidden extends DomainError {
  constructor(code: string, message: string, params: MessageParams = {}) {
    super('forbidden', code, message, [], {}, params);
  }
}

export class Unauthenticated extends DomainError {
  constructor(message = 'login required') {
    super('unauthenticated', 'auth.required', message);
  }
}

export class Conflict extends DomainError {
  constructor(code: string, message: string, errors: FieldProblem[] = [], params: MessageParams = {}) {
    super('conflict', code, message, errors, {}, params);
  }
}

export class Invalid extends DomainError {
  constructor(code: string, message: string, errors: FieldProblem[] = [], params: MessageParams = {}) {
    super('invalid', code, message, errors, {}, params);
  }
}

export class TooMany extends DomainError {
  constructor(code: string, message: string, retryAfterSeconds: number, params: MessageParams = {}) {
    super('too_many', code, message, [], { retryAfterSeconds }, params);
  }
}
