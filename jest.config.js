// Every project's Jest configuration, run in one Jest process by `npm test`.
const fs = require('node:fs');
const path = require('node:path');

const projects = ['apps', 'libs'].flatMap((dir) =>
  (fs.existsSync(path.join(__dirname, dir)) ? fs.readdirSync(path.join(__dirname, dir), { withFileTypes: true }) : [])
    .filter((entry) => entry.isDirectory() && fs.existsSync(path.join(__dirname, dir, entry.name, 'jest.config.js')))
    .map((entry) => `<rootDir>/${dir}/${entry.name}/jest.config.js`),
);

// Suites that boot clusters of services start first (see the file): on a fresh clone they otherwise ran last.
module.exports = { projects, testSequencer: '<rootDir>/tools/dev/jest-sequencer.js' };
