// Prints the suite's closing line ("tests: N passed, N failed, N skipped") from Vitest's
// JSON report, so CI logs state plainly how many tests ran.
import { readFileSync } from 'node:fs';

const file = process.argv[2] ?? 'test-results/vitest.json';
const report = JSON.parse(readFileSync(file, 'utf8'));
const skipped = (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
console.log(
  `suites: ${report.numPassedTestSuites} passed, ${report.numFailedTestSuites} failed; ` +
    `tests: ${report.numPassedTests} passed, ${report.numFailedTests} failed, ${skipped} skipped`,
);
if (report.numFailedTestSuites > 0 || report.numFailedTests > 0) process.exit(1);
if (report.numTotalTests === 0) {
  console.error('no tests ran');
  process.exit(1);
}
