// Shopper socket events for the assistant: chat:send, chat:stop, chat:resume. Handlers
// parse, call the chat service and answer through the ack (or chat:error without one).
// Live events go straight to the asking socket (not to a room: a room emit goes through the
// Redis adapter to every instance, for one receiver); a resume replays the message's stream
// to the resuming socket alone (so nothing arrives twice). A socket that stopped reading is
// closed before its queue grows without bound; its answer stays resumable.
import { chatResumeSchema, chatSendSchema, chatStopSchema, type AckError } from '@gpu/shared';
import type { z } from 'zod';
import type { ChatService } from './service.js';
import type { ShopperSocket, SocketModule } from '../../realtime/types.js';
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

function fail(
  socket: ShopperSocket,
  ack: ((res: { ok: false; error: AckError }) => void) | undefined,
  err: unknown,
  messageId?: string,
): void {
  const error: AckError = toAckError(err);
  if (ack) ack({ ok: false, error });
  else socket.emit('chat:error', { ...(messageId ? { messageId } : {}), ...error });
}

function parse<S extends z.ZodType>(schema: S, raw: unknown): z.infer<S> {
  const r = schema.safeParse(raw);
  if (!r.success) throw fromZod(r.error, 'Invalid chat event');
  return r.data;
}

export function assistantSocketEvents(_p: unknown, s: { assistant: ChatService }): SocketModule {
  const chat = s.assistant;
  /** Resumes in flight, by socket and message: a new resume replaces the old one. Only sockets resuming have an entry. */
  const resumes = new WeakMap<ShopperSocket, Map<string, AbortController>>();

  return {
    events: {
      'chat:send': async (socket, raw, ack) => {
        try {
          const input = parse(chatSendSchema, raw);
          const started = await chat.start(socket.data.actor, input, { sink: socketSink(socket) });
          ack?.({ ok: true, conversationId: started.conversationId, messageId: started.messageId });
        } catch (err) {
          fail(socket, ack, err);
        }
      },

      'chat:stop': async (socket, raw, ack) => {
        try {
          const { messageId } = parse(chatStopSchema, raw);
          await chat.stop(socket.data.actor, messageId);
          ack?.({ ok: true });
        } catch (err) {
          fail(socket, ack, err);
        }
      },

      'chat:resume': async (socket, raw, ack) => {
        let messageId: string | undefined;
        let acked = false;
        let mine: Map<string, AbortController> | undefined;
        try {
          const input = parse(chatResumeSchema, raw);
          messageId = input.messageId;
          mine = resumes.get(socket);
          if (!mine) resumes.set(socket, (mine = new Map()));
          mine.get(messageId)?.abort();
          const controller = new AbortController();
          mine.set(messageId, controller);
          const entries = await chat.resume(socket.data.actor, input, controller.signal);
          ack?.({ ok: true });
          acked = true;
          for await (const entry of entries) {
            if (controller.signal.aborted) break;
            emitEntry(socket, entry);
          }
          if (mine.get(messageId) === controller) mine.delete(messageId);
        } catch (err) {
          if (messageId) mine?.delete(messageId);
          fail(socket, acked ? undefined : ack, err, messageId);
        } finally {
          if (mine?.size === 0) resumes.delete(socket);
        }
      },
    },

    disconnect(socket) {
      const mine = resumes.get(socket);
      if (!mine) return;
      for (const c of mine.values()) c.abort();
      resumes.delete(socket);
    },
  };
}
