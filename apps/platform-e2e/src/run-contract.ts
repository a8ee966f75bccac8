// `npm run test:contract [-- --chaos]`: replay a recorded stream into the four services and compare.
// STREAM_FILE, STREAM_EXPECTED, STREAM_CODES point at another recording; REPLAY_SPEED=N replays at ×N.
import 'reflect-metadata';
import { contractOptionsFromEnv, runContract } from './contract-run';

const log = (line: string) => process.stderr.write(`${line}\n`);

runContract(contractOptionsFromEnv(process.env, process.argv.slice(2), log)).then(
  (run) => {
    process.stdout.write(`${run.report}\n`);
    process.stdout.write(`BENCH name=replay.seconds value=${Math.round(run.replaySeconds * 100) / 100} unit=s\n`);
    process.stdout.write(`BENCH name=replay.events_per_s value=${Math.round(run.eventsPerSecond)} unit=events/s\n`);
    const failed = run.results.filter((r) => !r.ok).length;
    process.stdout.write(failed === 0 ? `contract: all ${run.results.length} checks passed\n` : `contract: ${failed} of ${run.results.length} checks FAILED\n`);
    process.exit(failed === 0 ? 0 : 1);
  },
  (error: unknown) => {
    log(`contract: the run could not complete: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exit(2);
  },
);
