// The runner's side of the archive bench (bench/archive.ts): while the worker exports, samples the
// bench worker's JS heap over the DevTools protocol; afterwards times the `age` command encrypting
// as many bytes as the bundle's payload.age, for comparison.
import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { workerHeap } from './worker-heap.mjs';

const MB = 1024 * 1024;
const round = (n) => Math.round(n * 10) / 10;

/** Call before page.goto. */
export async function archiveProbe(page) {
  const heap = await workerHeap(page);

  let start = null;
  let end = null;
  let before = 0;
  let peak = 0;
  let samples = 0;
  let payload = null;
  const sample = async () => {
    const used = await heap.usedSize();
    if (used === null) return 0;
    peak = Math.max(peak, used);
    samples++;
    return used;
  };
  return {
    get running() {
      return start !== null && end === null;
    },
    sample,
    /** Takes the worker's quiet lines (the payload size). */
    observe(l) {
      if (l.archivePayload) payload = l.archivePayload;
    },
    /** Takes archive-start / archive-end; returns the heap figures at the end. */
    async mark(l) {
      if (l.mark === 'archive-start') {
        start = l.at;
        before = await sample();
        return [];
      }
      end = l.at;
      await sample();
      return [
        [`archive: peak JS heap of the engine worker while exporting (DevTools Runtime.getHeapUsage every 100 ms, ${samples} samples)`, samples ? round(peak / MB) : 'n/a', 'MB'],
        ['archive: of which above the heap before the first export (100,000 decrypted records already held)', samples ? round((peak - before) / MB) : 'n/a', 'MB'],
      ];
    },
    /** `age -r` encrypting as many random bytes as payload.age holds (median of 3), and the ratio to the export. */
    ageComparison() {
      if (!payload) return [];
      let recipient;
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'closeout-bench-age-'));
      try {
        const key = path.join(dir, 'key.txt');
        execFileSync('age-keygen', ['-o', key], { stdio: 'ignore' });
        recipient = execFileSync('age-keygen', ['-y', key], { encoding: 'utf8' }).trim();
        const file = path.join(dir, 'payload.bin');
        const fd = fs.openSync(file, 'w');
        for (let left = payload.bytes; left > 0; left -= MB) fs.writeSync(fd, crypto.randomBytes(Math.min(MB, left)));
        fs.closeSync(fd);
        const runs = [];
        for (let i = 0; i < 3; i++) {
          const t0 = performance.now();
          execFileSync('age', ['-r', recipient, '-o', path.join(dir, 'out.age'), file]);
          runs.push(performance.now() - t0);
        }
        const ms = runs.sort((a, b) => a - b)[1];
        return [
          [`age command: encrypt ${round(payload.bytes / 1e6)} MB, as many bytes as payload.age (age -r, median of 3)`, Math.round(ms), 'ms'],
          ['ratio: app export (everything) / age encrypting the payload alone', Math.round((100 * payload.exportMs) / ms) / 100, '×'],
        ];
      } catch (e) {
        return [[`age command: not run (${e.code ?? e.message})`, 'n/a', '']];
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
