// Refuses control characters in every socket payload, on every namespace, before a handler
// runs (a gate of the event dispatcher): the ack, when the event has one, gets `bad_request`
// naming the field. The rule is platform/text-hygiene.ts.
import type { AckError } from '@gpu/shared';
import type { Logger } from '../platform/logger.js';
import { inputRejections, socketRejections } from '../platform/metrics.js';
import { controlCharacterErrors } from '../platform/text-hygiene.js';
import type { EventGate } from './event-dispatch.js';

export function controlCharacterGate(logger: Logger): EventGate {
  return (_socket, event, args): AckError | null => {
    const errors = args.flatMap((a) => controlCharacterErrors(a));
    if (errors.length === 0) return null;
    inputRejections.inc({ surface: 'socket', reason: 'control_characters' });
    socketRejections.inc({ reason: 'bad_input' });
    const fields = [...new Set(errors.map((e) => e.path))].join(', ');
    logger.info({ event, fields }, 'socket event rejected: control characters');
    return { code: 'bad_request', message: `${fields}: ${errors[0]!.message}` };
  };
}
