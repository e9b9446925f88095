// Mutation testing of the flow and the speech timing model: `npm run test:mutation`.
// Reports go to reports/mutation/ (not in git). Incremental: a rerun only re-tests mutants whose code or
// covering tests changed since the last run; `npm run test:mutation -- --force` tests everything again.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'jest',
  jest: { configFile: 'jest.mutation.config.js', enableFindRelatedTests: true },
  coverageAnalysis: 'perTest',
  mutate: ['lambda/src/flow/**/*.ts', 'lambda/src/speech/pacing.ts'],
  ignorePatterns: ['lambda/dist', 'reports', '.sim', '.local-data', '.review', 'coverage', 'assets', 'docs'],
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  incremental: true,
  incrementalFile: 'reports/mutation/stryker-incremental.json',
  tempDirName: 'stryker-tmp',
  concurrency: 2,
  timeoutMS: 5000,
  thresholds: { high: 90, low: 70, break: null },
};
