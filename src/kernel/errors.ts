// Typed domain errors. The code doubles as the i18n key of the user-facing message, so services
// never build strings and routes never guess what went wrong.
export type DomainErrorKind = 'validation' | 'not_found' | 'forbidden' | 'conflict' | 'unauthenticated' | 'throttled';

export class DomainError extends Error {
  constructor(
    public readonly kind: DomainErrorKind,
    public readonly code: string,
    public readonly params: Record<string, string | number> = {},
    public readonly fieldErrors: Record<string, string> = {},
  ) {
    super(code);
    this.name = 'DomainError';
  }
}

export const notFound = (code = 'error.not_found') => new DomainError('not_found', code);
export const forbidden = (code = 'error.forbidden') => new DomainError('forbidden', code);
export const conflict = (code: string, params: Record<string, string | number> = {}) =>
  new DomainError('conflict', code, params);
export const invalid = (fieldErrors: Record<string, string>, code = 'error.validation') =>
  new DomainError('validation', code, {}, fieldErrors);

export function statusOf(kind: DomainErrorKind): 400 | 401 | 403 | 404 | 409 | 429 {
  switch (kind) {
    case 'validation': return 400;
    case 'unauthenticated': return 401;
    case 'forbidden': return 403;
    case 'not_found': return 404;
    case 'conflict': return 409;
    case 'throttled': return 429;
  }
}
