#!/usr/bin/env node
// `npx closeout …`: runs the command line built from src/cli (TypeScript, sharing src/core with
// the app) into dist-cli/closeout.mjs.
//
// Why build, and why here: Node 20 cannot run TypeScript, and a second, hand-written JavaScript
// copy of the formats would drift from the app's. Committing a built file would drift too. So
// this launcher builds on first use, and again whenever src/core, src/cli or the build config
// changed (a hash of them is stamped into the build), with the Vite that `npm ci` installs:
// about a second, once. It works on a fresh machine after `npm ci` with no build step, and it
// can never run a stale build. `npm run build:cli` does the same build ahead of time. Builds
// go to a private temp folder and are renamed into place, so parallel runs cannot see half a file.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outDir = path.join(root, 'dist-cli');
const built = path.join(outDir, 'closeout.mjs');
const config = path.join(root, 'vite.cli.config.ts');

/** A hash of every input of the build, or null when the sources are not here. */
function sourceStamp() {
  if (!fs.existsSync(path.join(root, 'src', 'cli'))) return null;
  const h = crypto.createHash('sha256');
  const files = [config, path.join(root, 'package.json')];
  const walk = (dir) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.(ts|mjs|json)$/.test(e.name)) files.push(p);
    }
  };
  walk(path.join(root, 'src', 'core'));
  walk(path.join(root, 'src', 'cli'));
  for (const f of files.sort()) h.update(path.relative(root, f)).update('\0').update(fs.readFileSync(f)).update('\0');
  return h.digest('hex');
}

function stampOf(file) {
  try {
    const head = fs.readFileSync(file, 'utf8').slice(0, 100);
    return /^\/\/ closeout-cli-stamp ([0-9a-f]{64})\n/.exec(head)?.[1] ?? null;
  } catch {
    return null;
  }
}

async function build(stamp) {
  let vite;
  try {
    vite = await import('vite');
  } catch {
    process.stderr.write('closeout: the command line is not built and Vite is missing. Run `npm ci` (with dev dependencies), then `npm run build:cli`.\n');
    process.exit(2);
  }
  const tmp = fs.mkdtempSync(path.join(outDir, '.build-'));
  try {
    await vite.build({ configFile: config, root, logLevel: 'warn', build: { outDir: tmp, emptyOutDir: false } });
    const code = fs.readFileSync(path.join(tmp, 'closeout.mjs'), 'utf8');
    const staged = path.join(tmp, 'stamped.mjs');
    fs.writeFileSync(staged, `// closeout-cli-stamp ${stamp}\n${code}`);
    fs.renameSync(staged, built);
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

const stamp = sourceStamp();
if (stamp !== null && stampOf(built) !== stamp) {
  fs.mkdirSync(outDir, { recursive: true });
  await build(stamp);
} else if (stamp === null && !fs.existsSync(built)) {
  process.stderr.write('closeout: dist-cli/closeout.mjs is missing. Run `npm run build:cli` in the Closeout folder.\n');
  process.exit(2);
}
const { run } = await import(pathToFileURL(built).href);
await run();
