import { defineConfig, type Plugin } from 'vite';
import preact from '@preact/preset-vite';
import { VitePWA } from 'vite-plugin-pwa';
import { CSP } from './scripts/csp.mjs';
import pkg from './package.json' with { type: 'json' };

// Shown in Settings and written into exports; CLOSEOUT_BUILD marks test builds (the update test
// builds twice and needs the second build to differ).
const APP_VERSION = pkg.version + (process.env.CLOSEOUT_BUILD ? `+${process.env.CLOSEOUT_BUILD}` : '');

/** Puts the Content-Security-Policy into the built index.html (the dev server needs inline scripts). */
function csp(): Plugin {
  return {
    name: 'closeout-csp',
    apply: 'build',
    transformIndexHtml: (html) => html.replace('<meta charset="UTF-8" />', `<meta charset="UTF-8" />\n    <meta http-equiv="Content-Security-Policy" content="${CSP}" />`),
  };
}

export default defineConfig({
  plugins: [
    preact(),
    csp(),
    VitePWA({
      // The app asks before it reloads into a new version (src/ui/pwa.ts).
      registerType: 'prompt',
      injectRegister: false,
      includeAssets: ['icons/*.png', 'icons/*.svg', 'screenshots/*.png'],
      manifest: {
        id: '/',
        name: '客户信息善后助手 Closeout',
        short_name: '善后助手',
        description: '离线加密客户信息，生成清单、归档与销毁证明。Encrypts customer information offline; checklists, archives and proof of destruction for a firm that is winding down.',
        lang: 'zh-CN',
        dir: 'ltr',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        theme_color: '#1f3a5f',
        background_color: '#f4f1e8',
        categories: ['business', 'finance', 'productivity'],
        icons: [
          { src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
          { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
          { src: 'icons/maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
        // Made by the end-to-end suite (test-results/screenshots) and copied here.
        screenshots: [
          { src: 'screenshots/wide-1280x800.png', sizes: '1280x800', type: 'image/png', form_factor: 'wide', label: '客户记录 Records' },
          { src: 'screenshots/narrow-360x740.png', sizes: '360x740', type: 'image/png', form_factor: 'narrow', label: '解锁 Unlock' },
        ],
      },
      workbox: {
        globPatterns: ['**/*.{js,css,html,svg,png,webmanifest,wasm,txt}'],
        // libsodium's WebAssembly is inlined in the worker chunks (~0.7 MB each).
        maximumFileSizeToCacheInBytes: 8 * 1024 * 1024,
        navigateFallback: 'index.html',
        cleanupOutdatedCaches: true,
        clientsClaim: false,
        skipWaiting: false,
      },
    }),
  ],
  define: { __APP_VERSION__: JSON.stringify(APP_VERSION) },
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    sourcemap: false,
    chunkSizeWarningLimit: 1200,
  },
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1' },
});
