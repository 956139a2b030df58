// SvelteKit: built with adapter-node into build/ (handler.js), which the API server mounts
// on its own port. The CSP is strict: scripts only from this origin (SvelteKit adds a nonce
// to its own bootstrap script), no plugins, no framing.
import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

// Presigned uploads PUT straight to the object store. Set CSP_CONNECT_SRC (space-separated
// origins, e.g. "https://my-bucket.s3.eu-west-1.amazonaws.com") at build time to pin it;
// by default any https: origin may be a fetch target (connect-src only).
const connectExtra = (process.env.CSP_CONNECT_SRC ?? 'https:').split(/\s+/).filter(Boolean);

/** @type {import('@sveltejs/kit').Config} */
const config = {
  preprocess: vitePreprocess(),
  kit: {
    // npm start builds into a versioned folder (CLIENT_BUILD_OUT) so a running server keeps its files.
    adapter: adapter({ out: process.env.CLIENT_BUILD_OUT ?? 'build' }),
    alias: { '@gpu/shared': '../shared/src/index.ts' },
    csp: {
      mode: 'auto',
      directives: {
        'default-src': ['self'],
        'script-src': ['self'],
        // Svelte sets some styles at run time; no remote stylesheets are allowed.
        'style-src': ['self', 'unsafe-inline'],
        'img-src': ['self', 'data:', 'blob:', 'https:'],
        'font-src': ['self'],
        'connect-src': ['self', 'ws:', 'wss:', ...connectExtra],
        'object-src': ['none'],
        'base-uri': ['self'],
        'form-action': ['self'],
        'frame-ancestors': ['none'],
      },
    },
  },
};

export default config;
