import { describe, expect, it } from 'vitest';
import { assertValidKey, isPossibleKeyPrefix, isValidKey, reportObjectKey } from '../../../infra/store/object-key.ts';

/** The key grammar every adapter relies on to keep keys inside the store. */

describe('object keys', () => {
  it.each(['a', 'reports/79/2025-Q2/abc.pdf', '..a/.b/c_d-e.f', 'x'.repeat(1024)])('accepts %j', (key) => {
    expect(isValidKey(key)).toBe(true);
    expect(() => assertValidKey(key)).not.toThrow();
  });

  it.each(['', '/a', 'a/', 'a//b', '.', '..', 'a/./b', 'a/../b', '../a', 'a b', 'a\\b', 'ả.pdf', 'a\u0000b', 'x'.repeat(1025)])(
    'rejects %j with TH_ERR_INVALID_OBJECT_KEY',
    (key) => {
      expect(isValidKey(key)).toBe(false);
      expect(() => assertValidKey(key)).toThrow(expect.objectContaining({ code: 'TH_ERR_INVALID_OBJECT_KEY' }) as Error);
    },
  );

  it('report keys built from client text are always valid', () => {
    const key = reportObjectKey('UBND xã Tân Phú/../..', '2025 Q2', 'f'.repeat(64), 'pdf');
    expect(isValidKey(key)).toBe(true);
    expect(key.startsWith('reports/')).toBe(true);
  });

  it.each([
    ['', true],
    ['reports', true],
    ['reports/', true],
    ['reports/01', true],
    ['reports/..', true], // "reports/..a" is a valid key
    ['reports/.', true],
    ['../', false],
    ['..', true], // "..a" is a valid key
    ['/', false],
    ['/reports', false],
    ['reports//', false],
    ['reports/../', false],
    ['reports/a b', false],
    ['x'.repeat(1025), false],
  ])('isPossibleKeyPrefix(%j) is %s', (prefix, expected) => {
    expect(isPossibleKeyPrefix(prefix)).toBe(expected);
  });
});
