import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { jsonSchemaCatalog, serializeSchema } from '../../schemas/json-schema-catalog.ts';

const dir = join(import.meta.dirname, '../../schemas/json');

describe('generated JSON Schema', () => {
  it('is committed exactly as the zod schemas generate it (run `npm run schemas:generate` after changing a schema)', async () => {
    const catalog = jsonSchemaCatalog();
    expect((await readdir(dir)).sort()).toEqual(Object.keys(catalog).sort());
    for (const [file, schema] of Object.entries(catalog)) {
      expect(await readFile(join(dir, file), 'utf8'), file).toBe(serializeSchema(schema));
    }
  });

  it('describes the envelope of every event with its type fixed', () => {
    const schema = jsonSchemaCatalog()['event.report.submitted.v1.schema.json'] as { properties: Record<string, { const?: string }>; required: string[] };
    expect(schema.properties.type?.const).toBe('report.submitted');
    expect(schema.required).toEqual(expect.arrayContaining(['specversion', 'id', 'type', 'source', 'time', 'subject', 'dataVersion', 'data']));
  });
});
