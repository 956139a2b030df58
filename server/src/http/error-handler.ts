// The single error handler: AppError -> its problem+json; body-parser failures -> 400/413/415;
// anything else -> a logged 500 whose body carries no stack or internals.
import type { ErrorRequestHandler, RequestHandler } from 'express';
import { AppError, serviceUnavailable, toProblem } from '../platform/errors.js';
import { httpErrors } from '../platform/metrics.js';
import { isDatabaseUnavailable } from '../db/pg-errors.js';
import { requestLog } from './observability.js';

interface BodyParserError extends Error {
  type?: string;
  status?: number;
  statusCode?: number;
}

function classify(err: unknown): AppError {
  if (err instanceof AppError) return err;
  const e = err as BodyParserError;
  switch (e?.type) {
    case 'entity.parse.failed':
      return new AppError(400, 'bad_request', 'Malformed JSON in request body');
    case 'entity.too.large':
      return new AppError(413, 'payload_too_large', 'Request body is too large');
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return new AppError(415, 'bad_request', 'Unsupported body encoding');
    case 'request.aborted':
      return new AppError(400, 'bad_request', 'Request aborted');
    default:
      break;
  }
  if (isDatabaseUnavailable(err)) {
    return serviceUnavailable('The database is temporarily unavailable; please retry shortly');
  }
  const status = e?.status ?? e?.statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    return new AppError(status, 'bad_request', 'Bad request');
  }
  return new AppError(500, 'internal', 'An unexpected error occurred');
}

export const errorHandler: ErrorRequestHandler = (err, req, res, next) => {
  if (res.headersSent) {
    next(err);
    return;
  }
  const appErr = classify(err);
  if (appErr.status === 503) requestLog(req)?.warn({ err: (err as Error)?.message }, 'dependency unavailable');
  else if (appErr.status >= 500) requestLog(req)?.error({ err }, 'request failed');
  else requestLog(req)?.info({ status: appErr.status, code: appErr.code, detail: appErr.message }, 'request rejected');
  httpErrors.inc({ status_code: String(appErr.status), code: appErr.code });
  for (const [k, v] of Object.entries(appErr.headers ?? {})) res.setHeader(k, v);
  res
    .status(appErr.status)
    .type('application/problem+json')
    .json(toProblem(appErr, req.originalUrl.split('?')[0]));
};

export const notFoundHandler: RequestHandler = (req, _res, next) => {
  next(new AppError(404, 'not_found', `No route for ${req.method} ${req.path}`));
};
