// Vite: SvelteKit plugin, @gpu/shared read from its TypeScript sources, and in `npm run dev`
// the API, sockets and uploads proxied to the Node server on :3000.
import { fileURLToPath } from 'node:url';
import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vite';

const api = process.env.API_URL ?? 'http://127.0.0.1:3000';
const sharedSrc = fileURLToPath(new URL('../shared/src/index.ts', import.meta.url));

export default defineConfig({
  plugins: [sveltekit()],
  // An alias, not resolve.conditions: setting conditions would replace Vite's defaults
  // (including "browser", which makes `svelte` resolve to its client runtime).
  resolve: { alias: { '@gpu/shared': sharedSrc } },
  server: {
    proxy: {
      '/api': api,
      '/socket.io': { target: api, ws: true },
      '/health': api,
      '/uploads': api,
      '/openapi.json': api,
      '/docs': api,
    },
  },
});
