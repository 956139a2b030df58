// Shopper socket events for the assistant: chat:send, chat:stop, chat:resume. Handlers
// parse, call the chat service and answer through the ack (or chat:error without one).
// Live events go straight to the asking socket (not to a room: a room emit goes through the
// Redis adapter to every instance, for one receiver); a resume replays the message's stream
// to the resuming socket alone (so nothing arrives twice). A socket that stopped reading is
// closed before its queue grows without bound; its answer stays resumable.
import {
  chatResumeSchema,
  chatSendSchema,
  chatStopSchema,
  type AckError,
  type ChatSendAck,
  type SimpleAck,
} from '@gpu/shared';
import type { z } from 'zod';
import type { ChatService } from './service.js';
import type { ShopperSocket } from '../../realtime/types.js';
import { fromZod, toAckError } from '../../platform/errors.js';
import type { ChatSink } from './chat-sink.js';
import { emitEntry } from './stream-events.js';
import { dropIfOverflowing } from '../../realtime/backpressure.js';

function socketSink(socket: ShopperSocket): ChatSink {
  return {
    emit: (entry) => {
      if (!socket.connected || dropIfOverflowing(socket)) return;
      emitEntry(socket, entry);
    },
  };
}

export function registerAssistantSocket(socket: ShopperSocket, _p: unknown, s: { assistant: ChatService }): void {
  const chat = s.assistant;
  /** Resumes in flight on this socket, by message: a new resume replaces the old one. */
  const resumes = new Map<string, AbortController>();
  socket.on('disconnect', () => {
    for (const c of resumes.values()) c.abort();
    resumes.clear();
  });

  const fail = (ack: ((res: { ok: false; error: AckError }) => void) | undefined, err: unknown, messageId?: string) => {
    const error = toAckError(err);
    if (typeof ack === 'function') ack({ ok: false, error });
    else socket.emit('chat:error', { ...(messageId ? { messageId } : {}), ...error });
  };
  const parse = <S extends z.ZodType>(schema: S, raw: unknown): z.infer<S> => {
    const r = schema.safeParse(raw);
    if (!r.success) throw fromZod(r.error, 'Invalid chat event');
    return r.data;
  };

  socket.on('chat:send', async (raw, ack?: (res: ChatSendAck) => void) => {
    try {
      const input = parse(chatSendSchema, raw);
      const started = await chat.start(socket.data.actor, input, { sink: socketSink(socket) });
      ack?.({ ok: true, conversationId: started.conversationId, messageId: started.messageId });
    } catch (err) {
      fail(ack, err);
    }
  });

  socket.on('chat:stop', async (raw, ack?: (res: SimpleAck) => void) => {
    try {
      const { messageId } = parse(chatStopSchema, raw);
      await chat.stop(socket.data.actor, messageId);
      ack?.({ ok: true });
    } catch (err) {
      fail(ack, err);
    }
  });

  socket.on('chat:resume', async (raw, ack?: (res: SimpleAck) => void) => {
    let messageId: string | undefined;
    let acked = false;
    try {
      const input = parse(chatResumeSchema, raw);
      messageId = input.messageId;
      resumes.get(messageId)?.abort();
      const controller = new AbortController();
      resumes.set(messageId, controller);
      const entries = await chat.resume(socket.data.actor, input, controller.signal);
      ack?.({ ok: true });
      acked = true;
      for await (const entry of entries) {
        if (controller.signal.aborted) break;
        emitEntry(socket, entry);
      }
      if (resumes.get(messageId) === controller) resumes.delete(messageId);
    } catch (err) {
      if (messageId) resumes.delete(messageId);
      fail(acked ? undefined : ack, err, messageId);
    }
  });
}
