// Transpile-only (swc): type errors are caught by the separate `tsc --noEmit` step.
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test', '<rootDir>/compliance-tests'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.ts$': ['@swc/jest'] },
  // The public construct paths the example shop imports, served from source in tests.
  moduleNameMapper: { '^leakguard/constructs/(.*)$': '<rootDir>/stacks/constructs/$1' },
  testTimeout: 120000,
};
