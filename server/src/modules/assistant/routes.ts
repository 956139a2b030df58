// POST /api/v1/ask-ai: the REST twin of chat:send. JSON by default; with
// `Accept: text/event-stream` the same flow as server-sent events `tool`, `products`,
// `comparison`, `action`, `token`, `suggestions`, `done`. A client that goes away stops the
// generation (unlike a socket, it cannot resume).
import { Router, type Request, type Response } from 'express';
import { askAiRequestSchema, type AskAiResponse } from '@gpu/shared';
import { parseBody } from '../../http/validate.js';
import type { ChatSink } from './chat-sink.js';
import { restActor } from './rest-actor.js';
import type { ChatService } from './service.js';

const wantsEventStream = (req: Request) => (req.get('accept') ?? '').includes('text/event-stream');

function sseSink(res: Response): ChatSink {
  return {
    emit(entry) {
      if (!res.writableEnded) res.write(`event: ${entry.type}\ndata: ${JSON.stringify(entry.event)}\n\n`);
      if (entry.type === 'done') res.end();
    },
  };
}

const withoutMessageId = <T extends { messageId: string }>({ messageId: _m, ...rest }: T) => rest;

export function assistantRoutes(chat: ChatService): Router {
  const r = Router();
  r.post('/api/v1/ask-ai', async (req, res) => {
    const input = parseBody(askAiRequestSchema, req);
    const actor = restActor(req);
    const gone = new AbortController();
    res.on('close', () => {
      if (!res.writableFinished) gone.abort();
    });

    if (wantsEventStream(req)) {
      const started = await chat.start(actor, input, { sink: sseSink(res), signal: gone.signal });
      // Headers go out before the first event (the generation starts a macrotask later).
      res.status(200).set({
        'Content-Type': 'text/event-stream; charset=utf-8',
        'Cache-Control': 'no-cache, no-transform',
        Connection: 'keep-alive',
        'X-Accel-Buffering': 'no',
        'X-Conversation-Id': started.conversationId,
        'X-Message-Id': started.messageId,
      });
      res.flushHeaders();
      await started.done;
      return;
    }

    const answer: Pick<AskAiResponse, 'products' | 'comparison' | 'actions' | 'suggestions'> & { text: string } = {
      text: '',
      products: [],
      comparison: null,
      actions: [],
      suggestions: [],
    };
    const started = await chat.start(actor, input, {
      signal: gone.signal,
      sink: {
        emit(entry) {
          if (entry.type === 'products') answer.products = entry.event.products;
          else if (entry.type === 'token') answer.text += entry.event.text;
          else if (entry.type === 'comparison')
            answer.comparison = { products: entry.event.products, rows: entry.event.rows };
          else if (entry.type === 'action') answer.actions!.push(withoutMessageId(entry.event));
          else if (entry.type === 'suggestions') answer.suggestions = entry.event.suggestions;
        },
      },
    });
    const done = await started.done;
    const body: AskAiResponse = {
      conversationId: started.conversationId,
      messageId: started.messageId,
      answer: answer.text,
      products: answer.products,
      comparison: answer.comparison,
      actions: answer.actions,
      suggestions: answer.suggestions,
      finishReason: done.finishReason,
      provider: done.provider,
      model: done.model,
      usage: done.usage,
      ...(done.grounding ? { grounding: done.grounding } : {}),
    };
    if (!res.writableEnded) res.set('Cache-Control', 'no-store').json(body);
  });
  return r;
}
