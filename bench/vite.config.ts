import { defineConfig } from 'vite';

export default defineConfig({
  root: 'bench',
  worker: { format: 'es' },
  build: { outDir: '../dist-bench', emptyOutDir: true, target: 'es2022', chunkSizeWarningLimit: 2000 },
  logLevel: 'warn',
});
