// The words of a message worth a full-text search, joined with "or" for
// websearch_to_tsquery: a long question must not require every word to match.
import { foldText } from '../query/normalize.js';

const STOPWORDS = new Set(
  `a an and are as at be best buy by can card cards do does for from get good gpu gpus graphics have i in is it me my need of on or
   please recommend should the to under what which with want would you your price dollars usd budget max less more than
   el la los las un una unos unas y o de del para por con que me mi mis es son una tarjeta tarjetas grafica graficas
   bajo menos hasta mas quiero busco necesito cual cuales sirve mejor precio dolares presupuesto tengo hay alguna algo`
    .split(/\s+/)
    .filter(Boolean),
);

export function searchTerms(message: string, max = 12): string {
  const words = foldText(message)
    .replace(/[^a-z0-9+]+/g, ' ')
    .split(' ')
    // Model numbers ("4070") are good search terms; other bare numbers (budgets) are not.
    .filter((w) => /^\d{4}$/.test(w) || (w.length >= 2 && !STOPWORDS.has(w) && !/^\d+$/.test(w)));
  return [...new Set(words)].slice(0, max).join(' or ');
}
