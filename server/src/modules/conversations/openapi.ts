// OpenAPI: /api/conversations (chat history of the signed-in user).
import { conversationListSchema, conversationSchema, idParam } from '@gpu/shared';
import { bearerSecurity, json, problems, type OpenAPIRegistry } from '../../http/openapi-common.js';

const ConversationList = conversationListSchema.meta({ id: 'ConversationList' });
const Conversation = conversationSchema.meta({ id: 'Conversation' });

export function registerConversationsOpenApi(registry: OpenAPIRegistry): void {
  const tags = ['assistant'];
  registry.registerPath({
    method: 'get',
    path: '/api/conversations',
    tags,
    summary: "The signed-in user's conversations, most recently active first",
    security: bearerSecurity,
    responses: { 200: json(ConversationList, 'Conversation summaries'), ...problems(401) },
  });
  registry.registerPath({
    method: 'get',
    path: '/api/conversations/{id}',
    tags,
    summary: 'One conversation with its messages (404 unless it is yours)',
    security: bearerSecurity,
    request: { params: idParam },
    responses: {
      200: json(Conversation, 'Messages with role, content, productIds, createdAt and finishReason'),
      ...problems(400, 401, 404),
    },
  });
}
