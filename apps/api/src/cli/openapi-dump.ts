import fs from 'node:fs';
import path from 'node:path';
import { formatDocument, OPENAPI_SNAPSHOT, servedOpenApiDocument } from './openapi-document';
import { runCli } from './run-cli';

/** `openapi:dump [file]`: writes the served OpenAPI document (default: the committed copy in packages/client). */
runCli(async () => {
  const file = process.argv[2] ? path.resolve(process.argv[2]) : OPENAPI_SNAPSHOT;
  fs.writeFileSync(file, formatDocument(await servedOpenApiDocument()));
  console.log(`wrote ${file}`);
});
