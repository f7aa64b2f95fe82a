import { describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { contactDirectory } from '../../../services/notifier/contact-directory.ts';
import { parseContacts } from '../../../infra/contacts/contact-store.ts';
import { isTonghopError } from '../../../infra/errors/tonghop-error.ts';

/** A contacts file's text as the notifier ends up with it: validated (infra/contacts), then resolved. */
const parseContactsFile = (text: string, source: string, opts: { env?: NodeJS.ProcessEnv } = {}) =>
  contactDirectory(parseContacts(text, source), source, opts);

function problems(text: string, env: NodeJS.ProcessEnv = {}): string {
  try {
    parseContactsFile(text, 'contacts.json', { env });
  } catch (err) {
    if (!isTonghopError(err)) throw err;
    expect(err.code).toBe('TH_ERR_CONTACTS_INVALID');
    return `${err.reason.vi}\n---\n${err.reason.en}`;
  }
  throw new Error('expected the file to be refused');
}

describe('contacts file', () => {
  it('resolves defaults, per-unit options and secrets from the environment', () => {
    const dir = parseContactsFile(JSON.stringify({
      version: 1, defaults: { digest: 'daily' },
      units: [
        { unit: '90001', name: 'UBND xã Một 1', email: ['a@x.vn'], notifyParent: true },
        { unit: '901', webhook: { url: 'https://huyen.example.vn/h', secretEnv: 'HOOK_SECRET_901' }, digest: 'immediate' },
      ],
    }), 'contacts.json', { env: { HOOK_SECRET_901: 'sixteen-chars-or-more' } });
    expect(dir.contactFor('90001')).toEqual({ unit: '90001', name: 'UBND xã Một 1', email: ['a@x.vn'], digest: 'daily', notifyParent: true });
    expect(dir.contactFor('901')).toEqual({ unit: '901', webhook: { url: 'https://huyen.example.vn/h', secret: 'sixteen-chars-or-more' }, digest: 'immediate', notifyParent: false });
    expect(dir.notifyParent('90002')).toBe(false);
    expect(dir.contactFor('90002')).toBeUndefined();
  });

  it('lists every problem at once, in Vietnamese and English', () => {
    const text = problems(JSON.stringify({
      version: 1,
      units: [
        { unit: '90001', email: ['not-an-address'], webhook: { url: 'http://example.vn/h', secret: 'short' } },
        { unit: '90001', email: ['b@x.vn'] },
        { unit: 'Xã Một', digest: 'weekly' },
        { unit: '902', email: ['c@x.vn'], emial: ['typo@x.vn'] },
      ],
    }));
    expect(text).toContain('Tệp danh bạ đơn vị contacts.json không hợp lệ');
    expect(text).toContain('The contacts file contacts.json is invalid');
    for (const expected of [
      'units.0.email.0: địa chỉ e-mail không hợp lệ / not a valid e-mail address',
      'units.0.webhook.url: webhook phải dùng https (http chỉ cho localhost)',
      'units.0.webhook.secret: khoá bí mật phải có ít nhất 16 ký tự',
      'units.1.unit: đơn vị 90001 đã khai ở units[0] / unit 90001 already listed at units[0]',
      'units.2.unit: mã đơn vị phải là mã GSO 2–5 chữ số',
      'units.2.digest: phải là "immediate" hoặc "daily"',
      'units.2: cần ít nhất một e-mail hoặc một webhook',
      'units.3: khoá không được hỗ trợ / unknown key: emial',
    ]) expect(text).toContain(expected);
  });

  it('refuses broken JSON and a secretEnv that is not set', () => {
    expect(problems('{ "version": 1, ')).toMatch(/JSON/);
    expect(problems(JSON.stringify({ version: 1, units: [{ unit: '90', webhook: { url: 'https://t.vn/h', secretEnv: 'MISSING_SECRET' } }] })))
      .toContain('units.0.webhook.secretEnv: biến MISSING_SECRET chưa đặt');
  });

  it('accepts the example file shipped in samples/', async () => {
    const example = await readFile(join(import.meta.dirname, '../../../samples/contacts.example.json'), 'utf8');
    const dir = parseContactsFile(example, 'samples/contacts.example.json', { env: { TONGHOP_WEBHOOK_SECRET_19789: 'x'.repeat(32) } });
    expect(dir.all().length).toBeGreaterThanOrEqual(2);
  });
});
