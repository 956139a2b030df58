// Error codes are values shared by REST (problem+json `code`) and sockets (ack / chat:error).
export const errorCodes = [
  'bad_request',
  'unauthorized',
  'forbidden',
  'not_found',
  'conflict',
  'out_of_stock',
  'payload_too_large',
  'unprocessable',
  'rate_limited',
  'message_too_long',
  'generation_in_progress',
  'token_budget_exceeded',
  'llm_unavailable',
  'service_unavailable',
  'internal',
] as const;
export type ErrorCode = (typeof errorCodes)[number];

export interface FieldError {
  path: string;
  message: string;
}

/** RFC 9457 problem details, as every REST error body. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  code?: ErrorCode;
  errors?: FieldError[];
  instance?: string;
}

export interface AckError {
  code: ErrorCode;
  message: string;
}

/** Socket acknowledgements: `{ ok: true, ...data }` or `{ ok: false, error }`. */
export type Ack<T extends object = object> = ({ ok: true } & T) | { ok: false; error: AckError };
