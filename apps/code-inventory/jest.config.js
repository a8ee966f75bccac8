const { jestProject } = require('../../jest.preset');
// testTimeout matches the root config's, for runs of this project alone (`nx run code-inventory:test`).
module.exports = { ...jestProject(__dirname, 'code-inventory'), testTimeout: 60_000 };
