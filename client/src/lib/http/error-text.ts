// A user-facing sentence for an API error, in the current language.
import { ApiError } from './problem.js';
import { t } from '../stores/locale.svelte.js';

export function errorText(err: unknown): string {
  if (!(err instanceof ApiError)) return t('common.error');
  if (err.status === 0) return t('common.network');
  if (err.status === 429) return t('common.rateLimited');
  if (err.status === 403) return t('common.forbidden');
  const fields = err.fieldErrors.map((f) => `${f.path}: ${f.message}`).join('; ');
  return [err.problem.detail ?? err.problem.title, fields].filter(Boolean).join(' — ');
}
