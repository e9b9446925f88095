// Jest reporter: keeps the latest result of every test in .review/test-results.json (git-ignored), so the
// review pack can show each hazard control's test status. A partial run updates only the files it ran.
const { existsSync, mkdirSync, readFileSync, writeFileSync } = require('node:fs');
const { join, relative } = require('node:path');

class ResultsReporter {
  constructor(globalConfig) {
    this.root = globalConfig.rootDir;
    this.file = join(this.root, '.review', 'test-results.json');
  }

  onRunComplete(_contexts, results) {
    let saved = { files: {} };
    try {
      if (existsSync(this.file)) saved = JSON.parse(readFileSync(this.file, 'utf8'));
    } catch {
      saved = { files: {} }; // a broken file is rebuilt from this run
    }
    for (const suite of results.testResults) {
      const tests = {};
      for (const t of suite.testResults) tests[[...t.ancestorTitles, t.title].join(' > ')] = t.status;
      // A file that failed to run at all has no test results: record that, so no status reads as passed.
      saved.files[relative(this.root, suite.testFilePath)] = {
        at: new Date(suite.perfStats.end || Date.now()).toISOString(),
        failedToRun: Boolean(suite.testExecError),
        tests,
      };
    }
    saved.updated = new Date().toISOString();
    mkdirSync(join(this.root, '.review'), { recursive: true });
    writeFileSync(this.file, `${JSON.stringify(saved, null, 1)}\n`);
  }
}

module.exports = ResultsReporter;
