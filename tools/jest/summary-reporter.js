// Prints the plain closing line CI reads ("N passed, N failed[, N skipped]") and keeps it in
// tmp/test-summary.txt so .ci/run can repeat it as its very last line. Lists skipped tests by name.
const { mkdirSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');

class SummaryReporter {
  constructor(globalConfig) {
    this.rootDir = globalConfig.rootDir;
  }

  onRunComplete(_contexts, results) {
    // A suite that fails to load has no test results: count it as one failure so it cannot hide.
    const brokenSuites = results.testResults.filter((s) => s.testExecError && s.numFailingTests === 0).length;
    const failed = results.numFailedTests + brokenSuites;
    const skipped = results.numPendingTests + results.numTodoTests;
    let line = `${results.numPassedTests} passed, ${failed} failed`;
    if (skipped > 0) line += `, ${skipped} skipped`;
    // Every skipped test says why in its title; show them, so no skip passes silently.
    for (const suite of results.testResults) {
      for (const test of suite.testResults.filter((t) => t.status === 'pending' || t.status === 'todo')) {
        process.stdout.write(`skipped: ${test.fullName}\n`);
      }
    }
    // The suites that took longest: where CI's time goes (it must stay well under 30 minutes on two cores).
    const slowest = results.testResults
      .map((suite) => ({
        path: suite.testFilePath.slice(this.rootDir.length + 1),
        seconds: (suite.perfStats.end - suite.perfStats.start) / 1000,
      }))
      .sort((a, b) => b.seconds - a.seconds)
      .slice(0, 10);
    const wall = (Date.now() - results.startTime) / 1000;
    process.stdout.write(`\nslowest suites (of ${Math.round(wall)} s of wall time):\n`);
    for (const { path, seconds } of slowest) process.stdout.write(`${seconds.toFixed(1).padStart(7)} s  ${path}\n`);
    const dir = join(this.rootDir, 'tmp');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'test-summary.txt'), `${line}\n`);
    process.stdout.write(`\n${line}\n`);
  }
}

module.exports = SummaryReporter;
