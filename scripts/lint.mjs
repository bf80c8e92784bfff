// Lint: layer rules (DESIGN §3), no focused or skipped tests, no console output from src.
import fs from 'node:fs';
import path from 'node:path';
import { checkImports } from './layer-rules.mjs';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');

function walk(dir, out = []) {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) walk(p, out);
    else if (/\.(ts|tsx|mjs)$/.test(e.name)) out.push(p);
  }
  return out;
}

const problems = [];
for (const abs of walk(path.join(root, 'src'))) {
  const rel = path.relative(root, abs);
  const src = fs.readFileSync(abs, 'utf8');
  problems.push(...checkImports(rel, src));
  if (!rel.startsWith(path.join('src', 'cli')) && /\bconsole\.(log|info|debug|warn|error)\(/.test(src)) {
    problems.push(`${rel}: console output from app code can leak personal data; show it in the UI instead`);
  }
}
for (const dir of ['tests', 'bench']) {
  if (!fs.existsSync(path.join(root, dir))) continue;
  for (const abs of walk(path.join(root, dir))) {
    const src = fs.readFileSync(abs, 'utf8');
    if (/\b(it|test|describe)\.(skip|only|todo)\(|\bxit\(|\bxdescribe\(/.test(src)) {
      problems.push(`${path.relative(root, abs)}: focused or skipped test`);
    }
  }
}

if (problems.length) {
  for (const p of problems) process.stderr.write(p + '\n');
  process.stderr.write(`lint: ${problems.length} problem(s)\n`);
  process.exit(1);
}
process.stdout.write('lint: layer rules and test hygiene hold\n');
