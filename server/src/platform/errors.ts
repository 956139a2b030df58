// Domain errors and their mapping to RFC 9457 problem+json. Services throw AppError;
// the HTTP error handler and socket handlers turn it into a response. Nothing else leaks.
import type { ErrorCode, FieldError, Problem } from '@gpu/shared';
import type { ZodError } from 'zod';

const titles: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

export class AppError extends Error {
  override name = 'AppError';
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
    readonly errors?: FieldError[],
    /** Extra response headers, e.g. Retry-After. */
    readonly headers?: Record<string, string>,
  ) {
    super(message);
  }
}

export const badRequest = (message: string, errors?: FieldError[]) => new AppError(400, 'bad_request', message, errors);
export const unauthorized = (message = 'Authentication required') => new AppError(401, 'unauthorized', message);
export const forbidden = (message = 'You do not have permission for this action') =>
  new AppError(403, 'forbidden', message);
export const notFound = (what = 'Resource') => new AppError(404, 'not_found', `${what} not found`);
export const conflict = (message: string, code: ErrorCode = 'conflict') => new AppError(409, code, message);
export const unprocessable = (message: string) => new AppError(422, 'unprocessable', message);
export const rateLimited = (retryAfterS: number, message = 'Too many requests, slow down') =>
  new AppError(429, 'rate_limited', message, undefined, { 'Retry-After': String(Math.max(1, Math.ceil(retryAfterS))) });
export const serviceUnavailable = (message: string, retryAfterS = 2) =>
  new AppError(503, 'service_unavailable', message, undefined, { 'Retry-After': String(retryAfterS) });

export function zodFieldErrors(error: ZodError): FieldError[] {
  return error.issues.map((i) => ({
    path: i.path.length ? i.path.map(String).join('.') : '(root)',
    message: i.code === 'unrecognized_keys' ? `unknown field(s): ${i.keys.join(', ')}` : i.message,
  }));
}

export function fromZod(error: ZodError, message = 'Request validation failed'): AppError {
  return badRequest(message, zodFieldErrors(error));
}

export function toProblem(err: AppError, instance?: string): Problem {
  return {
    type: `https://errors.gpu-assistant.dev/${err.code}`,
    title: titles[err.status] ?? 'Error',
    status: err.status,
    detail: err.message,
    code: err.code,
    ...(err.errors?.length ? { errors: err.errors } : {}),
    ...(instance ? { instance } : {}),
  };
}

/** The socket ack/error shape for any thrown value: domain errors keep their code, others are hidden. */
export function toAckError(err: unknown): { code: ErrorCode; message: string } {
  if (err instanceof AppError) return { code: err.code, message: err.message };
  return { code: 'internal', message: 'Something went wrong; please try again' };
}
