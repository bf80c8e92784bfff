// The layer rules of DESIGN §3, as a function over one file's imports, so the rules themselves
// can be unit-tested. scripts/lint.mjs applies them to the tree.
import path from 'node:path';

const SPEC = /(?:^|[\s;])(import|export)\s+(type\s+)?(?:[\w*{}\s,$]*?\sfrom\s+)?['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/gm;

/** Every import in `source`: { spec, typeOnly }. */
export function importsOf(source) {
  const out = [];
  for (const m of source.matchAll(SPEC)) {
    const spec = m[3] ?? m[4];
    out.push({ spec, typeOnly: Boolean(m[2]) });
  }
  return out;
}

function layerOf(rel) {
  const p = rel.split(path.sep).join('/');
  for (const l of ['src/core/crypto', 'src/core/domain', 'src/core', 'src/store', 'src/engine', 'src/workers', 'src/ui', 'src/cli']) {
    if (p === l || p.startsWith(l + '/')) return l;
  }
  return null;
}

/**
 * Problems of one file (path relative to the repo root) under the layer rules.
 * Returns strings that name the file, the import and the rule.
 */
export function checkImports(rel, source) {
  const problems = [];
  const file = rel.split(path.sep).join('/');
  const layer = layerOf(file);
  if (!layer) return problems;
  for (const { spec, typeOnly } of importsOf(source)) {
    const bad = (rule) => problems.push(`${file}: imports '${spec}': ${rule}`);
    if (spec.startsWith('libsodium') && file !== 'src/core/crypto/sodium.ts') bad('only src/core/crypto/sodium.ts imports libsodium');
    if ((spec === 'dexie' || spec.startsWith('dexie/')) && layer !== 'src/store') bad('only src/store imports Dexie');
    if (spec === 'comlink' && layer !== 'src/workers' && file !== 'src/ui/engine-client.ts') bad("only src/workers and the UI's bridge import comlink");
    if (!spec.startsWith('.')) continue;
    const target = layerOf(path.posix.normalize(path.posix.join(path.posix.dirname(file), spec)));
    const core = target?.startsWith('src/core');
    if (layer.startsWith('src/core') && !core) bad('core imports nothing of ours but core');
    if (layer === 'src/store' && !core && target !== 'src/store') bad('store imports only core');
    if (layer === 'src/engine' && !core && target !== 'src/store' && target !== 'src/engine') bad('engine imports only core and store');
    if (layer === 'src/cli' && !core && target !== 'src/cli') bad('the CLI is built on core only');
    if (layer === 'src/ui' && target !== 'src/ui' && !typeOnly) {
      const pure = target === 'src/core/domain' || spec.endsWith('/core/errors.ts');
      if (!pure) bad("ui imports only the engine's types, core types and pure core/domain helpers");
    }
  }
  return problems;
}
