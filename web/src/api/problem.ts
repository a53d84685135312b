// Laurel's API answers errors as RFC 9457 problems; `field` names the input at fault, so forms
// can show the message next to that field.
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  field?: string;
  request_id?: string;
  /** 422: every row refused, with its line (manual board rows). */
  errors?: { line: number; field: string; message: string }[];
}

/** An API call that was answered with an error status. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly problem: Problem,
  ) {
    super(problem.detail ?? problem.title);
    this.name = 'ApiError';
  }

  get field(): string | undefined {
    return this.problem.field;
  }
}

/** The request never got an answer: offline, the server down, or the connection dropped. */
export class NetworkError extends Error {
  constructor(cause: unknown) {
    super('network unreachable');
    this.name = 'NetworkError';
    this.cause = cause;
  }
}

/** Errors keyed by field name, for forms: `{ client_id: 'unknown client' }`. */
export type FieldErrors = Record<string, string>;

export function fieldErrorsOf(error: unknown): FieldErrors {
  if (error instanceof ApiError && error.field) {
    return { [error.field]: error.message };
  }
  return {};
}
