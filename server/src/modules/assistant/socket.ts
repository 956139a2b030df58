// Shopper socket events for the assistant: chat:send, chat:stop, chat:resume. Handlers
// parse, call the chat service and answer through the ack (or chat:error without one).
// Live events go to the asking socket's message room `msg:<messageId>`; a resume replays
// the message's stream to the resuming socket alone (so nothing arrives twice).
import {
  chatResumeSchema,
  chatSendSchema,
  chatStopSchema,
  type AckError,
  type ChatSendAck,
  type SimpleAck,
} from '@gpu/shared';
import type { z } from 'zod';
import type { Platform } from '../../context.js';
import type { Services } from '../../services.js';
import type { ShopperSocket } from '../../realtime/types.js';
import { fromZod, toAckError } from '../../platform/errors.js';
import type { ChatSink } from './chat-sink.js';
import { emitEntry } from './stream-events.js';

export const messageRoom = (messageId: string) => `msg:${messageId}`;

// Only the asking socket is in the room, so the emit is local: no Redis publish per token, and
// delivered at once. (The sharded Redis adapter delivers a non-local room emit only after its
// SPUBLISH returns, by which time the socket may have left the room: `chat:done` was lost.)
function roomSink(socket: ShopperSocket): ChatSink {
  return { emit: (entry) => emitEntry(socket.nsp.local.to(messageRoom(entry.event.messageId)), entry) };
}

export function registerAssistantSocket(socket: ShopperSocket, _p: Platform, s: Services): void {
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
      const started = await chat.start(socket.data.actor, input, { sink: roomSink(socket) });
      // Joined before the generation's first event (it starts a macrotask later).
      void socket.join(messageRoom(started.messageId));
      void started.done.then(() => socket.leave(messageRoom(started.messageId)));
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
