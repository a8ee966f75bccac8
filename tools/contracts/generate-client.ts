// Writes libs/client/src/generated/<service>.d.ts from the committed libs/contracts/openapi/<service>.openapi.json (#24):
//   npm run contracts:client   (after `npm run contracts:openapi` when a service's routes or DTOs changed)
// With --check it writes nothing, prints each committed file that differs and exits 1: the drift test
// (libs/client/src/generation/client-types.spec.ts) runs it so, since openapi-typescript's ESM dependencies do not load in Jest.
import { writeFileSync } from 'node:fs';
import { CLIENT_SERVICES, committedClientTypes, generateClientTypes, generatedTypesPath, REGENERATE_CLIENT_TYPES } from './client-types';

async function main(): Promise<number> {
  const isCheck = process.argv.includes('--check');
  let drifted = 0;
  for (const service of CLIENT_SERVICES) {
    const generated = await generateClientTypes(service);
    if (!isCheck) {
      writeFileSync(generatedTypesPath(service), generated);
      console.log(`wrote ${generatedTypesPath(service)}`);
    } else if (committedClientTypes(service) !== generated) {
      drifted += 1;
      console.log(`${generatedTypesPath(service)} differs from libs/contracts/openapi/${service}.openapi.json: run ${REGENERATE_CLIENT_TYPES} and commit the result`);
    }
  }
  return drifted === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
