// The short note a `chat:tool` event carries when a step ends ("5 productos", "Agregado",
// "Requiere iniciar sesión"), in the shopper's language; the web app shows it on the step line.
import type { Language } from '../query/constraints.js';
import type { ToolResult } from './tool.js';

const TEXT = {
  es: {
    products: (n: number) => (n === 1 ? '1 producto' : `${n} productos`),
    ok: 'Listo',
    sign_in_required: 'Requiere iniciar sesión',
    out_of_stock: 'Sin stock',
    not_found: 'No encontrado',
    failed: 'No se pudo',
    error: 'No se pudo completar',
  },
  en: {
    products: (n: number) => (n === 1 ? '1 product' : `${n} products`),
    ok: 'Done',
    sign_in_required: 'Sign-in required',
    out_of_stock: 'Out of stock',
    not_found: 'Not found',
    failed: 'Could not do it',
    error: 'Could not complete',
  },
} as const;

export function toolSummary(name: string, result: ToolResult, language: Language): string {
  const t = TEXT[language];
  if (!result.ok) return t.error;
  const action = result.effects.action;
  if (action) return action.ok ? t.ok : t[action.code ?? 'failed'];
  if (name === 'view_cart' && result.summary === 'sign_in_required') return t.sign_in_required;
  if (name === 'search_products' || name === 'get_products') return t.products(result.effects.products?.length ?? 0);
  return result.summary;
}
