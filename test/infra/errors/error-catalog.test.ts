import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ERROR_CODES, errorDefinition, tonghopError } from '../../../infra/errors/error-catalog.ts';
import { isRetriable, isTonghopError } from '../../../infra/errors/tonghop-error.ts';

describe('error catalogue', () => {
  it.each(ERROR_CODES)('%s has a Vietnamese and an English message with the same placeholders', (code) => {
    const def = errorDefinition(code);
    expect(code).toMatch(/^TH_ERR_[A-Z0-9_]+$/);
    expect(def.vi.length).toBeGreaterThan(5);
    expect(def.en.length).toBeGreaterThan(5);
    expect(def.vi).not.toBe(def.en);
    expect(def.vi.split('%s').length).toBe(def.en.split('%s').length);
  });

  it('is documented in the README, code for code', async () => {
    const readme = await readFile(join(import.meta.dirname, '../../../README.md'), 'utf8');
    const documented = new Set(readme.match(/TH_ERR_[A-Z0-9_]+/g) ?? []);
    expect(ERROR_CODES.filter((c) => !documented.has(c))).toEqual([]);
    expect([...documented].filter((c) => !(ERROR_CODES as string[]).includes(c))).toEqual([]);
  });

  it('fills templates and says whether a retry can help', () => {
    const err = tonghopError('TH_ERR_FILE_TOO_LARGE', ['a.pdf', 99, 10]);
    expect(err.reason).toEqual({ vi: 'Tệp a.pdf quá lớn: 99 byte, giới hạn 10 byte', en: 'File a.pdf is too large: 99 bytes, limit 10 bytes' });
    expect(err.message).toBe('TH_ERR_FILE_TOO_LARGE: File a.pdf is too large: 99 bytes, limit 10 bytes');
    expect(isRetriable(err)).toBe(false);
    expect(isRetriable(tonghopError('TH_ERR_STORE_UNAVAILABLE', ['x']))).toBe(true);
    expect(isRetriable(new Error('unknown'))).toBe(true);
  });

  it('recognises a TonghopError that crossed a boundary by name and code', () => {
    const foreign = Object.assign(new Error('x'), { name: 'TonghopError', code: 'TH_ERR_EMPTY_FILE' });
    expect(isTonghopError(foreign)).toBe(true);
    expect(isTonghopError(new Error('x'))).toBe(false);
  });
});
