import { defineConfig, type Plugin } from 'vite';
import preact from '@preact/preset-vite';
import { CSP } from './scripts/csp.mjs';

/** Puts the Content-Security-Policy into the built index.html (the dev server needs inline scripts). */
function csp(): Plugin {
  return {
    name: 'closeout-csp',
    apply: 'build',
    transformIndexHtml: (html) => html.replace('<meta charset="UTF-8" />', `<meta charset="UTF-8" />\n    <meta http-equiv="Content-Security-Policy" content="${CSP}" />`),
  };
}

export default defineConfig({
  plugins: [preact(), csp()],
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    sourcemap: false,
    chunkSizeWarningLimit: 1200,
  },
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1' },
});
