import fs from 'node:fs';
import path from 'node:path';
import { breakingChanges } from '../lib/openapi-compat';
import { formatDocument, OPENAPI_SNAPSHOT, servedOpenApiDocument } from './openapi-document';
import { runCli } from './run-cli';

/**
 * `openapi:dump [file] [--accept-breaking]`: writes the served OpenAPI document (default: the
 * committed copy in packages/client). Overwriting a copy refuses to drop a route or
 * field of /api/v1 (that would silence the breaking-change check) unless --accept-breaking says
 * the change goes out under the deprecation policy.
 */
runCli(async () => {
  const args = process.argv.slice(2);
  const acceptBreaking = args.includes('--accept-breaking');
  const named = args.find((a) => !a.startsWith('--'));
  const file = named ? path.resolve(named) : OPENAPI_SNAPSHOT;
  const served = await servedOpenApiDocument();
  if (fs.existsSync(file) && !acceptBreaking) {
    const problems = breakingChanges(JSON.parse(fs.readFileSync(file, 'utf8')), served);
    if (problems.length) {
      console.error(`OpenAPI: not refreshing ${file}: ${problems.length} breaking change(s) in /api/v1 (see the deprecation policy in the README):`);
      for (const p of problems) console.error(`  ${p}`);
      console.error('Keep the route or field, or pass --accept-breaking once it has been retired under the policy.');
      return 1;
    }
  }
  fs.writeFileSync(file, formatDocument(served));
  console.log(`wrote ${file}`);
  return 0;
});
