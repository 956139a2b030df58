// Test hooks for the browser suite, exposed only in development or with ?debug in the URL.
// They add nothing a script already running in the page could not do itself.
import { dropConnection, getSocket } from './socket.js';
import { markdownToSafeHtml, sanitizeHtml } from './markdown/sanitize.js';
import { chat } from './stores/chat.svelte.js';

export function installDebugHooks(enabled: boolean): void {
  if (!enabled) return;
  const hooks = {
    dropConnection,
    sanitize: markdownToSafeHtml,
    /** The DOMPurify layer alone, on raw HTML. */
    purify: sanitizeHtml,
    socketId: () => getSocket().id ?? null,
    connected: () => getSocket().connected,
    answers: () =>
      chat.turns
        .filter((t) => t.role === 'assistant')
        .map((t) => ({ messageId: t.messageId, text: t.text, status: t.status })),
    conversationId: () => chat.conversationId,
  };
  (window as unknown as { __gpuDebug: typeof hooks }).__gpuDebug = hooks;
}
