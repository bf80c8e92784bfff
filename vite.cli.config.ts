// Builds the command line (src/cli/main.ts and the src/core it uses) into one ES module for
// Node 20, which cannot run TypeScript. npm packages stay external and load from node_modules,
// so the build is our code only (~100 KB) and libsodium's WASM is never copied.
// `npm run build:cli` runs this; bin/closeout.mjs runs it itself when the build is missing or stale.
import { defineConfig } from 'vite';
import pkg from './package.json' with { type: 'json' };

export default defineConfig({
  publicDir: false,
  logLevel: 'warn',
  define: { __CLOSEOUT_VERSION__: JSON.stringify(pkg.version) },
  build: {
    ssr: 'src/cli/main.ts',
    outDir: 'dist-cli',
    emptyOutDir: false,
    target: 'node20',
    minify: false,
    sourcemap: false,
    copyPublicDir: false,
    rolldownOptions: { output: { format: 'es', entryFileNames: 'closeout.mjs' } },
  },
});
