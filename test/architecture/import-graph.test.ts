import { readdir, readFile } from 'node:fs/promises';
import { join, relative, resolve, dirname, sep } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The rules of the house, checked on every import of every source file:
 *  - a service never imports another service (they talk through events); it may import a
 *    library under services/ (LIBRARIES: domain code with no events and no state of its
 *    own), and a library imports no service, only other libraries;
 *  - a service never imports an adapter or a client library (only ports; pipelines/ wires);
 *  - schemas/ depends on nothing of ours but schemas/;
 *  - infra/ never imports services/ or pipelines/.
 */
const root = resolve(import.meta.dirname, '../..');
const ADAPTER = /\.(kafka|s3|local|memory|duckdb|smtp|webhook)\.ts$/;
const CLIENTS = /^(kafkajs|@aws-sdk\/|@duckdb\/|nodemailer)/;
/** Vietnamese text rules, and the versioned register of administrative units. */
const LIBRARIES = [join('services', 'text'), join('services', 'registry')];
const isLibrary = (path: string): boolean => LIBRARIES.some((lib) => path === lib || path.startsWith(`${lib}${sep}`));

async function sources(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(join(root, dir), { withFileTypes: true })) {
    const rel = join(dir, e.name);
    if (e.isDirectory()) out.push(...await sources(rel));
    else if (e.name.endsWith('.ts')) out.push(rel);
  }
  return out;
}

async function importsOf(file: string): Promise<string[]> {
  const text = await readFile(join(root, file), 'utf8');
  return [...text.matchAll(/^\s*(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|^\s*import\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/gm)]
    .map((m) => m[1] ?? m[2] ?? m[3]!)
    .map((spec) => (spec.startsWith('.') ? relative(root, resolve(dirname(join(root, file)), spec)) : spec));
}

describe('import graph', () => {
  it('keeps services apart from each other and from adapters', async () => {
    const violations: string[] = [];
    for (const file of await sources('services')) {
      const own = file.split(sep).slice(0, 2).join(sep);
      for (const target of await importsOf(file)) {
        if (target.startsWith(`services${sep}`) && !target.startsWith(`${own}${sep}`) && !isLibrary(target)) violations.push(`${file} → ${target} (sibling service)`);
        if (ADAPTER.test(target) || CLIENTS.test(target)) violations.push(`${file} → ${target} (adapter or client)`);
        if (target.startsWith(`pipelines${sep}`)) violations.push(`${file} → ${target} (wiring)`);
      }
    }
    expect(violations).toEqual([]);
  });

  it('keeps schemas self-contained and infra free of services and wiring', async () => {
    const violations: string[] = [];
    for (const file of await sources('schemas')) {
      for (const target of await importsOf(file)) {
        if (/^(services|infra|pipelines)\//.test(target)) violations.push(`${file} → ${target}`);
      }
    }
    for (const file of await sources('infra')) {
      for (const target of await importsOf(file)) {
        if (/^(services|pipelines)\//.test(target)) violations.push(`${file} → ${target}`);
      }
    }
    expect(violations).toEqual([]);
  });

  it('keeps libraries free of services', async () => {
    const violations: string[] = [];
    for (const lib of LIBRARIES) {
      for (const file of await sources(lib)) {
        for (const target of await importsOf(file)) {
          if (target.startsWith(`services${sep}`) && !isLibrary(target)) violations.push(`${file} → ${target}`);
        }
      }
    }
    expect(violations).toEqual([]);
  });

  it('finds the imports it checks (the scanner itself works)', async () => {
    expect(await importsOf('pipelines/adapters.ts')).toEqual(expect.arrayContaining(['infra/bus/event-bus.kafka.ts', 'infra/store/object-store.s3.ts']));
    expect(await importsOf('pipelines/notifier-wiring.ts')).toEqual(expect.arrayContaining(['infra/alert/alert-channel.smtp.ts', 'infra/alert/alert-channel.webhook.ts']));
    expect(ADAPTER.test('infra/alert/alert-channel.smtp.ts') && ADAPTER.test('infra/alert/alert-delivery-log.duckdb.ts')).toBe(true);
    expect(CLIENTS.test('nodemailer')).toBe(true);
  });
});
