import fs from 'node:fs';
import type { TestProject } from 'vitest/node';
// @ts-expect-error: plain JavaScript module
import { serve } from '../../scripts/serve.mjs';

declare module 'vitest' {
  export interface ProvidedContext {
    baseURL: string;
  }
}

/** Serves dist/ (built by `npm run test:e2e`) for the whole run. */
export default async function setup(project: TestProject) {
  if (!fs.existsSync('dist/index.html')) throw new Error('No built app in dist/: run "npm run build" first.');
  const { server, url } = (await serve('dist', 0)) as { server: import('node:http').Server; url: string };
  project.provide('baseURL', url);
  return () => new Promise<void>((r) => server.close(() => r()));
}
