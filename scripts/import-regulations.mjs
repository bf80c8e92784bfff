#!/usr/bin/env node
// Refreshes src/core/domain/checklists/regulations.generated.json from the research notes in
// ../shared/regulations (facts.yaml, matrix.yaml). The generated JSON is committed and is the
// only copy of the rules the app reads; run this script after the notes change, then commit.
//
//   node scripts/import-regulations.mjs            write the JSON
//   node scripts/import-regulations.mjs --stdout   print it instead (used by the drift test)
//   node scripts/import-regulations.mjs --check    exit 1 when the committed JSON is stale
//   --from <dir>                                   read the YAML from another directory
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(repo, 'src/core/domain/checklists/regulations.generated.json');
const CONFIDENCE = ['verified-from-text', 'secondary-source', 'unverified'];
const KINDS = ['rule', 'interpretation', 'superseded'];
const PHASES = ['P1', 'P2', 'P3', 'P4', 'P5', 'P6', 'P7'];
const SCENARIOS = ['PF', 'BT', 'SD', 'AV'];

function fail(message) {
  throw new Error(`import-regulations: ${message}`);
}

function text(value, where) {
  if (typeof value !== 'string' || value.trim() === '') fail(`${where} must be a non-empty string`);
  return value;
}

function list(value, allowed, where) {
  if (!Array.isArray(value) || value.length === 0) fail(`${where} must be a non-empty list`);
  for (const v of value) if (!allowed.includes(v)) fail(`${where} has unknown value ${JSON.stringify(v)}`);
  return [...value];
}

function ids(value, where) {
  if (!Array.isArray(value) || value.length === 0) fail(`${where} must be a non-empty list`);
  return value.map((v) => text(v, where));
}

/** Builds the app's rules object from the two YAML texts; throws on any inconsistency. */
export function buildRegulations(factsYaml, matrixYaml) {
  const facts = parse(factsYaml);
  const matrix = parse(matrixYaml);
  const generated = text(facts?.meta?.generated, 'facts.yaml meta.generated');
  if (!/^\d{4}-\d{2}-\d{2}$/.test(generated)) fail('meta.generated must be YYYY-MM-DD');
  if (!Array.isArray(matrix?.matrix)) fail('matrix.yaml has no matrix list');
  if (matrix.count !== undefined && matrix.count !== matrix.matrix.length) fail('matrix.yaml count does not match');

  const items = matrix.matrix.map((m, i) => {
    const where = `matrix[${i}] ${m?.id ?? ''}`;
    return {
      id: text(m.id, `${where} id`),
      phase: list([m.phase], PHASES, `${where} phase`)[0],
      scenarios: list(m.scenarios, SCENARIOS, `${where} scenarios`),
      facts: ids(m.facts, `${where} facts`),
      item: text(m.item, `${where} item`),
      short: text(m.short, `${where} short`),
    };
  });
  const itemIds = new Set(items.map((m) => m.id));
  if (itemIds.size !== items.length) fail('matrix.yaml has duplicate ids');

  const byId = new Map();
  for (const f of facts.facts ?? []) {
    if (byId.has(f.id)) fail(`facts.yaml has duplicate id ${f.id}`);
    byId.set(f.id, f);
  }
  const cited = new Set(items.flatMap((m) => m.facts));
  for (const id of cited) if (!byId.has(id)) fail(`matrix cites unknown fact ${id}`);

  // Only cited facts are bundled, in facts.yaml order, so the output is stable.
  const out = [...byId.values()]
    .filter((f) => cited.has(f.id))
    .map((f) => {
      const where = `fact ${f.id}`;
      if (!CONFIDENCE.includes(f.confidence)) fail(`${where} has unknown confidence ${f.confidence}`);
      if (!KINDS.includes(f.kind)) fail(`${where} has unknown kind ${f.kind}`);
      const years = f.retention_years ?? null;
      if (years !== null && !(typeof years === 'number' && years > 0)) fail(`${where} retention_years must be positive`);
      const fact = {
        id: f.id,
        source: { zh: text(f.source?.zh, `${where} source.zh`), en: text(f.source?.en, `${where} source.en`) },
        article: text(String(f.article ?? ''), `${where} article`),
        fact: { zh: text(f.fact?.zh, `${where} fact.zh`), en: text(f.fact?.en, `${where} fact.en`) },
        confidence: f.confidence,
        kind: f.kind,
        retention_years: years,
        phases: list(f.applies_to?.phases, PHASES, `${where} phases`),
        scenarios: list(f.applies_to?.scenarios, SCENARIOS, `${where} scenarios`),
      };
      if (typeof f.notes === 'string' && f.notes.trim() !== '') fact.notes = f.notes;
      return fact;
    });

  return {
    meta: {
      generated,
      source: 'shared/regulations/facts.yaml + matrix.yaml (scripts/import-regulations.mjs)',
      disclaimer: typeof facts.meta.disclaimer === 'string' ? facts.meta.disclaimer : '',
      factCount: out.length,
      itemCount: items.length,
    },
    facts: out,
    items,
  };
}

/** The exact bytes written: two-space JSON with a final newline. */
export function renderRegulations(obj) {
  return `${JSON.stringify(obj, null, 2)}\n`;
}

function main(argv) {
  const fromAt = argv.indexOf('--from');
  const dir = fromAt >= 0 ? resolve(argv[fromAt + 1] ?? fail('--from needs a directory')) : resolve(repo, '../shared/regulations');
  const json = renderRegulations(
    buildRegulations(readFileSync(join(dir, 'facts.yaml'), 'utf8'), readFileSync(join(dir, 'matrix.yaml'), 'utf8')),
  );
  if (argv.includes('--stdout')) {
    process.stdout.write(json);
  } else if (argv.includes('--check')) {
    const current = readFileSync(OUT, 'utf8');
    if (current !== json) {
      process.stderr.write(`${OUT} is stale: run node scripts/import-regulations.mjs and commit it\n`);
      process.exitCode = 1;
    }
  } else {
    writeFileSync(OUT, json);
    process.stdout.write(`wrote ${OUT}\n`);
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    main(process.argv.slice(2));
  } catch (e) {
    process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = 1;
  }
}
