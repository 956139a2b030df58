// OpenAPI: POST /api/v1/ask-ai (JSON and text/event-stream) and GET /api/admin/insights.
import { z } from 'zod';
import { askAiRequestSchema, askAiResponseSchema, insightsQuerySchema, insightsSchema } from '@gpu/shared';
import { bearerSecurity, json, jsonBody, problems, type OpenAPIRegistry } from '../../http/openapi-common.js';

const AskAiRequest = askAiRequestSchema.meta({ id: 'AskAiRequest' });
const AskAiResponse = askAiResponseSchema.meta({ id: 'AskAiResponse' });
const Insights = insightsSchema.meta({ id: 'AssistantInsights' });

export function registerAssistantOpenApi(registry: OpenAPIRegistry): void {
  registry.registerPath({
    method: 'post',
    path: '/api/v1/ask-ai',
    tags: ['assistant'],
    summary: 'Ask the shopping assistant (JSON, or server-sent events)',
    description: [
      "Anyone may ask. A bearer token makes the conversation the user's; otherwise send `X-Guest-Id` (a UUID, the",
      'same one the socket uses) or be identified by IP. Limits: message length (`message_too_long`), one answer at a',
      'time (`generation_in_progress`, 409), messages per minute (`rate_limited`, 429) and a daily token budget',
      '(`token_budget_exceeded`, 429).',
      '',
      'With `Accept: text/event-stream` the answer streams as events `products` (`{ messageId, products, notes }`),',
      '`token` (`{ messageId, seq, text }`, seq from 0) and `done` (`{ messageId, finishReason, provider, model, usage,',
      'grounding }`); headers `X-Conversation-Id` and `X-Message-Id` name the conversation and answer. Closing the',
      'connection stops the generation.',
    ].join('\n'),
    security: [{}, ...bearerSecurity],
    request: {
      body: jsonBody(AskAiRequest),
      headers: z.object({ 'X-Guest-Id': z.string().uuid().optional() }),
    },
    responses: {
      200: {
        description: 'The grounded answer (JSON), or the event stream',
        content: {
          'application/json': { schema: AskAiResponse },
          'text/event-stream': { schema: z.string().meta({ description: 'events: products, token, done' }) },
        },
      },
      ...problems(400, 401, 404, 409, 413, 429),
    },
  });
  registry.registerPath({
    method: 'get',
    path: '/api/admin/insights',
    tags: ['assistant'],
    summary: 'Assistant analytics (admin): top products, out-of-stock demand, failed searches, token use',
    security: bearerSecurity,
    request: { query: insightsQuerySchema },
    responses: { 200: json(Insights, 'Insights over the last `days` days'), ...problems(400, 401, 403) },
  });
}
