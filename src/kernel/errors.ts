/** A field-level problem, e.g. { field: 'features[2].geometry', message: 'ring is not closed' }. */
export interface FieldProblem {
  field: string;
  message: string;
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
  constructor(code: string, message: string) {
    super('forbidden', code, message);
  }
}

export class Unauthenticated extends DomainError {
  constructor(message = 'login required') {
    super('unauthenticated', 'auth.required', message);
  }
}

export class Conflict extends DomainError {
  constructor(code: string, message: string, errors: FieldProblem[] = []) {
    super('conflict', code, message, errors);
  }
}

export class Invalid extends DomainError {
  constructor(code: string, message: string, errors: FieldProblem[] = []) {
    super('invalid', code, message, errors);
  }
}

export class TooMany extends DomainError {
  constructor(code: string, message: string, retryAfterSeconds: number) {
    super('too_many', code, message, [], { retryAfterSeconds });
  }
}
