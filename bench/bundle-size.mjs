// Gzip sizes of the built app: the JS a browser needs before the unlock screen works (the page's
// entry chunks and the engine worker, which also serves as the Argon2id worker) against
// everything the service worker precaches.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const gz = (file) => zlib.gzipSync(fs.readFileSync(file), { level: 9 }).length;

/** `files` and every chunk they import statically (dynamic import() is left out: loaded later). */
function staticClosure(dist, files) {
  const seen = new Set();
  const visit = (f) => {
    if (seen.has(f)) return;
    seen.add(f);
    const code = fs.readFileSync(path.join(dist, f), 'utf8');
    for (const m of code.matchAll(/(?:^|[;\n}])\s*(?:import|export)\s*(?:[\w*{}\s,$]*?from\s*)?["'`](\.\/[^"'`]+\.js)["'`]/g)) {
      visit(path.posix.join(path.posix.dirname(f), m[1]));
    }
  };
  files.forEach(visit);
  return [...seen];
}

/** { beforeUnlock: {files, gzip}, precache: {files, bytes, gzip} } for a dist folder. */
export function bundleSizes(dist = 'dist') {
  const html = fs.readFileSync(path.join(dist, 'index.html'), 'utf8');
  const entry = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.js)"/g)].map((m) => m[1]);
  const workers = fs.readdirSync(path.join(dist, 'assets')).filter((f) => /^engine\.worker-.*\.js$/.test(f)).map((f) => `assets/${f}`);
  const before = staticClosure(dist, [...new Set([...entry, ...workers])]);
  const sw = fs.readFileSync(path.join(dist, 'sw.js'), 'utf8');
  const precached = [...sw.matchAll(/url:"([^"]+)"/g)].map((m) => m[1]).filter((u) => fs.existsSync(path.join(dist, u)));
  return {
    beforeUnlock: { files: before, gzip: before.reduce((n, f) => n + gz(path.join(dist, f)), 0) },
    precache: {
      files: precached.length,
      bytes: precached.reduce((n, f) => n + fs.statSync(path.join(dist, f)).size, 0),
      gzip: precached.reduce((n, f) => n + gz(path.join(dist, f)), 0),
    },
  };
}
