// Generates the console's API types from the OpenAPI documents the services write at build time
// (quarkus.smallrye-openapi.store-schema-directory): the types are never written by hand.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';

const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, '../../../../..');
const out = resolve(here, '../src/api/generated');
mkdirSync(out, { recursive: true });

for (const service of ['journal', 'triage', 'catalog']) {
  const document = resolve(repo, `${service}-service/target/openapi/openapi.json`);
  if (!existsSync(document)) {
    console.error(`${document} is missing: build the ${service} service first (./mvnw -B package -pl ${service}-service -am)`);
    process.exit(1);
  }
  const ast = await openapiTS(JSON.parse(readFileSync(document, 'utf8')));
  writeFileSync(resolve(out, `${service}.ts`), `// Generated from ${service}-service's OpenAPI document. Do not edit.\n${astToString(ast)}`);
  console.log(`API types for ${service}-service generated`);
}
