import { contractOptionsFromEnv, runContract } from './contract-run';

// X2: the project's copy of the recorded one-day stream, replayed at full speed into the four
// services, two replicas of each (as ops run them, issue 18; REPLICAS=N changes it); every check of
// the contract report must hold, emails delivered twice and records lost included. STREAM_FILE & co.
// point it elsewhere.
describe('contract replay of a recorded storefront day', () => {
  it('gives exactly the outcomes the recording expects', async () => {
    const lines: string[] = [];
    const run = await runContract(contractOptionsFromEnv(process.env, [`--replicas=${process.env['REPLICAS'] ?? '2'}`], (line) => lines.push(line)));
    const failed = run.results.filter((r) => !r.ok);
    if (failed.length > 0) process.stderr.write(`${run.report}\n${lines.join('\n')}\n`);
    expect(failed).toEqual([]);
    expect(run.results.length).toBeGreaterThan(20);
  }, 900_000);
});
