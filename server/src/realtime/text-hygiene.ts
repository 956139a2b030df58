// Refuses control characters in every socket payload, on every namespace, before a handler
// runs: the ack (when the event has one) gets `bad_request` naming the field; without an ack
// the caller may tell the client out of band (`chat:error`). The rule is platform/text-hygiene.ts.
import type { AckError } from '@gpu/shared';
import type { Logger } from '../platform/logger.js';
import { inputRejections, socketRejections } from '../platform/metrics.js';
import { controlCharacterErrors } from '../platform/text-hygiene.js';

export interface HygienicSocket {
  use(fn: (event: [string, ...unknown[]], next: (err?: Error) => void) => void): unknown;
}

export function rejectControlCharactersInEvents(
  socket: HygienicSocket,
  opts: { logger: Logger; onRejected?: (error: AckError) => void },
): void {
  socket.use((packet, next) => {
    const [event, ...args] = packet;
    const ack = typeof args.at(-1) === 'function' ? (args.pop() as (res: unknown) => void) : undefined;
    const errors = args.flatMap((a) => controlCharacterErrors(a));
    if (errors.length === 0) return next();
    inputRejections.inc({ surface: 'socket', reason: 'control_characters' });
    socketRejections.inc({ reason: 'bad_input' });
    const fields = [...new Set(errors.map((e) => e.path))].join(', ');
    opts.logger.info({ event, fields }, 'socket event rejected: control characters');
    const error: AckError = { code: 'bad_request', message: `${fields}: ${errors[0]!.message}` };
    if (ack) ack({ ok: false, error });
    else opts.onRejected?.(error);
  });
}
