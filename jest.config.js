/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  // Both cores: the proofs are split into files that run side by side (Jest's default leaves one core idle).
  maxWorkers: 2,
  testSequencer: '<rootDir>/test/support/sequencer.js',
  transform: { '^.+\\.[tj]s$': '<rootDir>/test/support/esbuild-jest.js' },
  // These dependencies ship ESM only.
  transformIgnorePatterns: ['/node_modules/(?!(flesch-kincaid|syllable)/)'],
  // Every test file: capture what is logged and fail the file if it leaks ids or symptom words.
  setupFilesAfterEnv: ['<rootDir>/test/support/logCapture.ts'],
  // Each test's latest result, for the review pack's hazard log (npm run review).
  reporters: ['default', '<rootDir>/test/support/resultsReporter.js'],
};
