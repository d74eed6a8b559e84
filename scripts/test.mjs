// `npm test`: type check, lint, unit and conformance tests, then Playwright in real Chromium.
// Ends with one plain line `N passed, M failed` counting unit and end-to-end tests.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

mkdirSync('test-results', { recursive: true });
let passed = 0;
let failed = 0;
let skipped = 0;
const problems = [];

function run(label, cmd, args, env = {}) {
  console.log(`\n== ${label}: ${[cmd, ...args].join(' ')}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  if (r.status !== 0) problems.push(label);
  return r.status === 0;
}

// Static checks count as one test each, so a type or lint error shows in the final line.
for (const [label, cmd, args] of [
  ['typecheck', 'npx', ['tsc', '-p', 'tsconfig.core.json', '--noEmit']],
  ['typecheck (app)', 'npx', ['tsc', '-p', 'tsconfig.json', '--noEmit']],
  ['lint', 'npx', ['eslint', '.', '--max-warnings', '0']],
]) {
  if (run(label, cmd, args)) passed++;
  else failed++;
}

const unitJson = 'test-results/unit.json';
rmSync(unitJson, { force: true });
run('unit and conformance tests', 'npx', [
  'vitest',
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile=${unitJson}`,
]);
if (existsSync(unitJson)) {
  const r = JSON.parse(readFileSync(unitJson, 'utf8'));
  passed += r.numPassedTests;
  failed += r.numFailedTests;
  skipped += r.numPendingTests + (r.numTodoTests ?? 0);
} else {
  failed++;
}

if (process.env.ESX_SKIP_E2E) {
  console.log('\n== end-to-end tests skipped (ESX_SKIP_E2E is set)');
} else {
  const e2eJson = 'test-results/e2e.json';
  rmSync(e2eJson, { force: true });
  run('end-to-end tests', 'node', ['scripts/e2e.mjs']);
  if (existsSync(e2eJson)) {
    const r = JSON.parse(readFileSync(e2eJson, 'utf8'));
    passed += r.stats.expected;
    failed += r.stats.unexpected + r.stats.flaky;
    skipped += r.stats.skipped;
  } else {
    failed++;
  }
}

if (problems.length) console.log(`\nfailed steps: ${problems.join(', ')}`);
console.log(`\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 || problems.length > 0 ? 1 : 0);
