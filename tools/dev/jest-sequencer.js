// The order `npm test` starts suites in. Jest's default puts suites with a recorded duration longest first, but a
// fresh clone (CI) has no record, and then it goes by file size: the end-to-end suites are small files that boot a
// whole cluster and run for minutes, so they started last and ran alone at the end while a worker sat idle.
// Here the suites that start clusters of service processes go first, longest first, then the integration suites,
// then the unit specs; within each group Jest's own order (recorded durations, else file size) is kept.
const Sequencer = require('@jest/test-sequencer').default;

/** The end-to-end suites, longest first (measured on the 2-core machine, beside the rest of `npm test`). */
const END_TO_END = [
  'apps/platform-e2e/src/storefront-day.e2e-spec.ts', // the day replay at two replicas, ~300 s
  'apps/platform-e2e/src/http-fuzz.e2e-spec.ts', // four services fuzzed, ~80 s
  'apps/console/e2e/console.e2e-spec.ts', // a browser over four services, ~80 s
  'apps/platform-e2e/src/graceful-shutdown.e2e-spec.ts',
  'apps/platform-e2e/src/records-lost.e2e-spec.ts',
];

function rankOf(testPath) {
  const relative = testPath.split('\\').join('/');
  const position = END_TO_END.findIndex((suffix) => relative.endsWith(suffix));
  if (position >= 0) return position;
  if (/\.e2e-spec\.tsx?$/.test(relative)) return END_TO_END.length;
  if (/\.int-spec\.tsx?$/.test(relative)) return END_TO_END.length + 1;
  return END_TO_END.length + 2;
}

class ClustersFirstSequencer extends Sequencer {
  sort(tests) {
    const byJest = super.sort(tests);
    const order = new Map(byJest.map((test, index) => [test, index]));
    return [...byJest].sort((a, b) => rankOf(a.path) - rankOf(b.path) || order.get(a) - order.get(b));
  }
}

module.exports = ClustersFirstSequencer;
