const { jestProject } = require('../../jest.preset');
// Contract replays: `*.e2e-spec.ts` beside the harness, plus the harness's own unit specs.
module.exports = { ...jestProject(__dirname, 'platform-e2e'), testMatch: ['<rootDir>/**/*.spec.ts', '<rootDir>/**/*.e2e-spec.ts'] };
