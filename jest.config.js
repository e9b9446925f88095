/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.[tj]s$': '<rootDir>/test/support/esbuild-jest.js' },
  // These dependencies ship ESM only.
  transformIgnorePatterns: ['/node_modules/(?!(flesch-kincaid|syllable)/)'],
  // Every test file: capture what is logged and fail the file if it leaks ids or symptom words.
  setupFilesAfterEnv: ['<rootDir>/test/support/logCapture.ts'],
  // Each test's latest result, for the review pack's hazard log (npm run review).
  reporters: ['default', '<rootDir>/test/support/resultsReporter.js'],
};
