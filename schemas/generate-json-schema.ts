import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { jsonSchemaCatalog, serializeSchema } from './json-schema-catalog.ts';

/** `npm run schemas:generate`: rewrites schemas/json/ from the zod schemas. */
const outDir = join(dirname(fileURLToPath(import.meta.url)), 'json');
await mkdir(outDir, { recursive: true });
const catalog = jsonSchemaCatalog();
for (const stale of (await readdir(outDir)).filter((f) => !(f in catalog))) await rm(join(outDir, stale));
for (const [file, schema] of Object.entries(catalog)) await writeFile(join(outDir, file), serializeSchema(schema));
process.stdout.write(`wrote ${Object.keys(catalog).length} JSON Schema files to ${outDir}\n`);
