// Prints "N passed, N failed" over Vitest JSON reports. A test file that failed to load counts
// as one failure; a missing report counts as nothing run.
import fs from 'node:fs';

let passed = 0;
let failed = 0;
for (const f of process.argv.slice(2)) {
  if (!fs.existsSync(f)) continue;
  const r = JSON.parse(fs.readFileSync(f, 'utf8'));
  passed += r.numPassedTests ?? 0;
  failed += r.numFailedTests ?? 0;
  for (const file of r.testResults ?? []) {
    const anyFailed = (file.assertionResults ?? []).some((a) => a.status === 'failed');
    if (file.status === 'failed' && !anyFailed) failed += 1;
  }
}
process.stdout.write(`${passed} passed, ${failed} failed\n`);
