import { z } from 'zod';

/**
 * The contacts file (`TONGHOP_CONTACTS_FILE`): who at each reporting unit receives its
 * data-quality alerts, and how. Grammar:
 *
 *   file     = { "version": 1, "defaults"?: options, "units": [ contact, … ] }
 *   contact  = { "unit": GSO code, "name"?: text, "email"?: [address, …], "webhook"?: webhook, …options }
 *   webhook  = { "url": https URL (http only to localhost/127.0.0.1), "secret": ≥ 16 characters }
 *            | { "url": …, "secretEnv": name of an environment variable holding the secret }
 *   options  = "digest"?: "immediate" | "daily", "notifyParent"?: boolean
 *
 * A contact needs an e-mail address or a webhook (or both); a unit appears once. `digest`
 * (default "immediate") batches the unit's alerts into one message a day; `notifyParent`
 * (default: the file's `defaults`, else TONGHOP_ALERT_NOTIFY_PARENT) also sends the unit's
 * alerts to the unit above it. Messages are Vietnamese first, then English, so a reader of
 * the error list sees both.
 */
const msg = (vi: string, en: string) => ({ error: `${vi} / ${en}` });

export const DigestMode = z.enum(['immediate', 'daily'], msg('phải là "immediate" hoặc "daily"', 'must be "immediate" or "daily"'));
export type DigestMode = z.infer<typeof DigestMode>;

/** A strict object whose unknown keys are reported in both languages (typos in a hand-written file). */
function strict<T extends z.ZodRawShape>(shape: T) {
  return z.strictObject(shape, {
    error: (iss) => (iss.code === 'unrecognized_keys' ? `khoá không được hỗ trợ / unknown key: ${iss.keys.join(', ')}` : undefined),
  });
}

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

const WebhookUrl = z.url(msg('không phải URL hợp lệ', 'not a valid URL')).refine((value) => {
  const url = new URL(value);
  return url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK.has(url.hostname));
}, msg('webhook phải dùng https (http chỉ cho localhost)', 'a webhook must use https (http only for localhost)'));

const Secret = z.string(msg('thiếu khoá bí mật', 'secret missing')).min(16, msg('khoá bí mật phải có ít nhất 16 ký tự', 'the secret must be at least 16 characters'));

export const WebhookContact = z.union([
  strict({ url: WebhookUrl, secret: Secret }),
  strict({ url: WebhookUrl, secretEnv: z.string().regex(/^[A-Z_][A-Z0-9_]*$/, msg('tên biến môi trường không hợp lệ', 'not a valid environment variable name')) }),
], msg('webhook cần "url" và "secret" (hoặc "secretEnv")', 'a webhook needs "url" and "secret" (or "secretEnv")'));
export type WebhookContact = z.infer<typeof WebhookContact>;

const ContactOptions = {
  digest: DigestMode.optional(),
  notifyParent: z.boolean(msg('phải là true hoặc false', 'must be true or false')).optional(),
};

export const UnitContactV1 = strict({
  unit: z.string(msg('thiếu mã đơn vị', 'unit code missing')).regex(/^\d{2,5}$/, msg('mã đơn vị phải là mã GSO 2–5 chữ số', 'the unit must be a GSO code of 2–5 digits')),
  name: z.string().min(1).optional(),
  email: z.array(z.email(msg('địa chỉ e-mail không hợp lệ', 'not a valid e-mail address'))).min(1, msg('danh sách e-mail rỗng', 'the e-mail list is empty')).optional(),
  webhook: WebhookContact.optional(),
  ...ContactOptions,
}).refine((c) => c.email !== undefined || c.webhook !== undefined, {
  ...msg('cần ít nhất một e-mail hoặc một webhook', 'needs at least one e-mail address or a webhook'),
  when: () => true, // also when the entry has other problems: one pass lists them all
});
export type UnitContact = z.infer<typeof UnitContactV1>;

export const UnitContactsFileV1 = strict({
  $schema: z.string().optional(),
  version: z.literal(1, msg('phiên bản tệp phải là 1', 'the file version must be 1')),
  defaults: strict(ContactOptions).optional(),
  units: z.array(UnitContactV1, msg('"units" phải là một danh sách', '"units" must be a list')),
}).check(z.superRefine((file, ctx) => {
  // Runs even when other entries are invalid (`when`), so one pass lists every problem.
  const seen = new Map<string, number>();
  (Array.isArray(file.units) ? file.units as unknown[] : []).forEach((c, i) => {
    const unit = typeof c === 'object' && c !== null ? (c as { unit?: unknown }).unit : undefined;
    if (typeof unit !== 'string') return;
    const first = seen.get(unit);
    if (first !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['units', i, 'unit'], message: `đơn vị ${unit} đã khai ở units[${first}] / unit ${unit} already listed at units[${first}]` });
    } else seen.set(unit, i);
  });
}, { when: () => true }));
export type UnitContactsFile = z.infer<typeof UnitContactsFileV1>;
