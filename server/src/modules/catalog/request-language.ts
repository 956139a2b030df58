// The language of product text in a REST answer: `?lang=es|en` (validated by the route's
// query schema), else the best of es/en in `Accept-Language`, else Spanish, the store's
// default. Answers that depend on it say so with `Vary: Accept-Language`.
import type { Request, Response } from 'express';
import { defaultLanguage, languages, type Language } from '@gpu/shared';

export function requestLanguage(req: Request, fromQuery: Language | undefined): Language {
  if (fromQuery) return fromQuery;
  if (!req.headers['accept-language']) return defaultLanguage;
  const best = req.acceptsLanguages(...languages);
  return best === 'en' || best === 'es' ? best : defaultLanguage;
}

/** Marks the answer as varying by `Accept-Language` (caches must key on it). */
export function varyByLanguage(res: Response): void {
  res.vary('Accept-Language');
}
