// Shared Jest settings: SWC transpiles (type-checking is `npm run typecheck`), aliases follow tsconfig.base.json.
const path = require('node:path');
const { compilerOptions } = require('./tsconfig.base.json');

const root = __dirname;
const moduleNameMapper = Object.fromEntries(
  Object.entries(compilerOptions.paths).map(([alias, [target]]) => [
    `^${alias.replace('/', '\\/')}$`,
    path.join(root, target),
  ]),
);

const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2022',
      keepClassNames: true,
    },
    module: { type: 'commonjs' },
  },
];

/** The Jest configuration of one workspace project: unit (`*.spec.ts`) and integration (`*.int-spec.ts`) tests. */
function jestProject(projectDir, name) {
  return {
    rootDir: projectDir,
    displayName: name,
    testEnvironment: 'node',
    transform: { '^.+\\.ts$': swc },
    moduleNameMapper,
    moduleFileExtensions: ['ts', 'js', 'json'],
    testMatch: ['<rootDir>/**/*.spec.ts', '<rootDir>/**/*.int-spec.ts'],
    setupFilesAfterEnv: [path.join(root, 'jest.setup.js')],
  };
}

module.exports = { jestProject, moduleNameMapper, swc };
