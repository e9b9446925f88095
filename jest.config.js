/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.[tj]s$': '<rootDir>/test/support/esbuild-jest.js' },
  // These dependencies ship ESM only.
  transformIgnorePatterns: ['/node_modules/(?!(flesch-kincaid|syllable)/)'],
};
