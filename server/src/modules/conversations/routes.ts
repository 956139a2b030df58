// GET /api/conversations and GET /api/conversations/:id: the signed-in user's chat history.
import { Router } from 'express';
import { gpuReadQuerySchema, idParam } from '@gpu/shared';
import { parseParams, parseQuery } from '../../http/validate.js';
import { requestLanguage, varyByLanguage } from '../catalog/request-language.js';
import { requireUser, userOf } from '../auth/middleware.js';
import type { ConversationService } from './service.js';

export function conversationRoutes(conversations: ConversationService): Router {
  const r = Router();
  r.get('/api/conversations', requireUser, async (req, res) => {
    res.set('Cache-Control', 'no-store').json(await conversations.list(userOf(req).userId));
  });
  r.get('/api/conversations/:id', requireUser, async (req, res) => {
    const { id } = parseParams(idParam, req);
    // Product descriptions follow the reader's language, like the catalog.
    const { lang } = parseQuery(gpuReadQuerySchema, req);
    varyByLanguage(res);
    res
      .set('Cache-Control', 'no-store')
      .json(await conversations.get(userOf(req).userId, id, requestLanguage(req, lang)));
  });
  return r;
}
