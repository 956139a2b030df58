// The app renders in the browser (it lives on a socket and localStorage); the server only
// sends the shell, with the CSP nonce on SvelteKit's bootstrap script.
export const ssr = false;
export const prerender = false;
export const trailingSlash = 'never';
