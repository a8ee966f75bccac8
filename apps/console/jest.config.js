const { jestProject } = require('../../jest.preset');
// Unit specs of the console's pure helpers and server, plus `*.e2e-spec.ts`: the console driven in Chromium (X7).
module.exports = {
  ...jestProject(__dirname, 'console'),
  testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/server/**/*.spec.ts', '<rootDir>/e2e/**/*.e2e-spec.ts'],
};
