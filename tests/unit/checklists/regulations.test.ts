import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const committedPath = join(repo, 'src/core/domain/checklists/regulations.generated.json');
// CLOSEOUT_REGULATIONS_DIR lets the missing-folder branch be exercised by hand.
const sharedDir = process.env.CLOSEOUT_REGULATIONS_DIR ?? resolve(repo, '../shared/regulations');
const script = join(repo, 'scripts/import-regulations.mjs');

interface Shape {
  meta: { generated: string; factCount: number; itemCount: number };
  facts: { id: string; source: { zh: string; en: string }; fact: { zh: string; en: string }; confidence: string }[];
  items: { id: string; phase: string; scenarios: string[]; facts: string[]; item: string; short: string }[];
}

describe('regulations.generated.json', () => {
  const committed = readFileSync(committedPath, 'utf8');

  it('has the shape the app reads: 58 items citing bundled facts, with a review date', () => {
    const data = JSON.parse(committed) as Shape;
    expect(data.meta.generated).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(data.items).toHaveLength(58);
    expect(data.meta.itemCount).toBe(data.items.length);
    expect(data.meta.factCount).toBe(data.facts.length);
    const ids = new Set(data.facts.map((f) => f.id));
    for (const item of data.items) {
      expect(item.facts.length, item.id).toBeGreaterThan(0);
      for (const f of item.facts) expect(ids.has(f), `${item.id} cites ${f}`).toBe(true);
    }
    for (const f of data.facts) {
      expect([f.source.zh, f.source.en, f.fact.zh, f.fact.en].every((t) => t.length > 0), f.id).toBe(true);
      expect(['verified-from-text', 'secondary-source', 'unverified']).toContain(f.confidence);
    }
  });

  // When the shared research notes are present (a developer checkout), the committed JSON must be
  // exactly what the import script makes of them; without them only the shape above is checked.
  it('matches a fresh import of ../shared/regulations when that folder exists', () => {
    if (!existsSync(join(sharedDir, 'facts.yaml')) || !existsSync(join(sharedDir, 'matrix.yaml'))) {
      expect(JSON.parse(committed)).toHaveProperty('items');
      return;
    }
    const fresh = execFileSync(process.execPath, [script, '--stdout', '--from', sharedDir], { encoding: 'utf8' });
    expect(fresh, 'regulations.generated.json is stale: run node scripts/import-regulations.mjs').toBe(committed);
  });
});
