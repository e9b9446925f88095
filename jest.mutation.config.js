// The fast tests that exercise the flow and the speech timing model, for mutation testing (stryker.config.mjs),
// with the flow atlas (one turn from every kind of state, compared with test/golden/atlas/).
// Left out: the slow proofs (exhaustive handler walk, fuzz), the review pack and golden transcripts, and
// tests of other layers (the built bundle, the database, the store listing, the simulator's command line).
const base = require('./jest.config.js');

/** @type {import('jest').Config} */
module.exports = {
  ...base,
  // The sources are a root too, so that Jest can find the tests related to a mutated file.
  roots: ['<rootDir>/test', '<rootDir>/lambda/src'],
  testMatch: ['<rootDir>/test/{unit,dialog,proof}/**/*.test.ts', '<rootDir>/test/golden/atlas.test.ts'],
  testPathIgnorePatterns: [
    '/node_modules/',
    '/test/proof/exhaustive\\.test\\.ts$',
    '/test/proof/fuzz\\.test\\.ts$',
    '/test/unit/artifact\\.test\\.ts$',
    '/test/proof/skillId\\.test\\.ts$',
  ],
  // Not the results reporter: a mutant's failing tests are not the project's latest results.
  reporters: ['default'],
};
