// Serves the built app (dist/) on 127.0.0.1 with the CSP header. `npm start` builds, then runs
// this. PORT and DIST may be set; prints the URL once listening.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { CSP_HEADER } from './csp.mjs';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * Starts a server for `dir` (or a function returning the directory, read at each request, so a
 * test can switch builds) on `port` (0 = any free port); resolves with { server, url }.
 */
export function serve(dir, port = 0, host = '127.0.0.1') {
  const rootOf = () => path.resolve(typeof dir === 'function' ? dir() : dir);
  const server = http.createServer((req, res) => {
    const root = rootOf();
    const url = new URL(req.url ?? '/', 'http://x');
    let file = path.join(root, decodeURIComponent(url.pathname));
    if (!file.startsWith(root)) {
      res.writeHead(403).end();
      return;
    }
    if (!fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      const asset = /\.[a-z0-9]+$/i.test(url.pathname);
      file = asset ? '' : path.join(root, 'index.html');
    }
    if (!file || !fs.existsSync(file)) {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
      return;
    }
    const ext = path.extname(file);
    const hashed = /-[A-Za-z0-9_-]{8,}\.\w+$/.test(file);
    res.writeHead(200, {
      'Content-Type': TYPES[ext] ?? 'application/octet-stream',
      'Content-Security-Policy': CSP_HEADER,
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'Cross-Origin-Opener-Policy': 'same-origin',
      'Cache-Control': hashed ? 'public, max-age=31536000, immutable' : 'no-cache',
    });
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => {
    server.listen(port, host, () => {
      const a = server.address();
      resolve({ server, url: `http://${host}:${a.port}/` });
    });
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = process.env.DIST ?? 'dist';
  if (!fs.existsSync(path.join(dir, 'index.html'))) {
    process.stderr.write(`No built app in ${dir}/. Run "npm run build" first (npm start does it for you).\n`);
    process.exit(1);
  }
  const { url } = await serve(dir, Number(process.env.PORT ?? 4173));
  process.stdout.write(`Closeout is served at ${url}  (Ctrl+C stops it)\n`);
}
