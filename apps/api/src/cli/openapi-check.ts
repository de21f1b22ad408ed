import fs from 'node:fs';
import { breakingChanges } from '../lib/openapi-compat';
import { OPENAPI_SNAPSHOT, servedOpenApiDocument } from './openapi-document';
import { runCli } from './run-cli';

/**
 * `openapi:check`: fails when a route or an answer field of /api/v1 in the committed document
 * (packages/client/openapi.json) is gone from the document the API serves now. Additions pass;
 * after adding, refresh the copy with `pnpm --filter @pishop/client generate`.
 */
runCli(async () => {
  const snapshot = JSON.parse(fs.readFileSync(process.argv[2] ?? OPENAPI_SNAPSHOT, 'utf8'));
  const problems = breakingChanges(snapshot, await servedOpenApiDocument());
  if (problems.length === 0) {
    console.log('OpenAPI: no route or field of /api/v1 was removed.');
    return 0;
  }
  console.error(`OpenAPI: ${problems.length} breaking change(s) in /api/v1 (see the deprecation policy in the README):`);
  for (const p of problems) console.error(`  ${p}`);
  return 1;
});
