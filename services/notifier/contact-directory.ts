import type { DigestMode, UnitContactsFile } from '../../schemas/records/unit-contact.ts';
import { tonghopError } from '../../infra/errors/error-catalog.ts';

/**
 * ContactDirectory: who at a unit receives its alerts and how (schemas/records/unit-contact.ts
 * has the file format). The pipelines build it from the contact store (TONGHOP_CONTACTS_FILE,
 * which admins also change through the API) and swap in a new one after every change
 * (`swappableDirectory`). No contacts means: alerts are logged and published as `dq.alert`,
 * nothing else.
 */
export interface ResolvedContact {
  unit: string;
  name?: string;
  email?: readonly string[];
  webhook?: { url: string; secret: string };
  digest: DigestMode;
  notifyParent: boolean;
}

export interface ContactDirectory {
  contactFor(unit: string): ResolvedContact | undefined;
  /** Whether a unit's alerts also go to its parent (the unit's own setting, else the defaults). */
  notifyParent(unit: string): boolean;
  /** Every contact, for start-up checks. */
  all(): readonly ResolvedContact[];
}

export function emptyContactDirectory(notifyParent = false): ContactDirectory {
  return { contactFor: () => undefined, notifyParent: () => notifyParent, all: () => [] };
}

/**
 * The notifier's view of a validated contacts file (infra/contacts parses and validates it):
 * defaults applied and `secretEnv` resolved from `env`. Throws TH_ERR_CONTACTS_INVALID listing
 * every secret it cannot resolve.
 */
export function contactDirectory(file: UnitContactsFile, source: string, opts: { env?: NodeJS.ProcessEnv; notifyParent?: boolean } = {}): ContactDirectory {
  const env = opts.env ?? process.env;
  const problems: string[] = [];
  const byUnit = new Map<string, ResolvedContact>();
  file.units.forEach((c, i) => {
    let webhook: ResolvedContact['webhook'];
    if (c.webhook && 'secret' in c.webhook) webhook = { url: c.webhook.url, secret: c.webhook.secret };
    else if (c.webhook) {
      const secret = env[c.webhook.secretEnv];
      if (!secret || secret.length < 16) {
        problems.push(`  units.${i}.webhook.secretEnv: biến ${c.webhook.secretEnv} chưa đặt hoặc ngắn hơn 16 ký tự / ${c.webhook.secretEnv} is unset or shorter than 16 characters`);
      } else webhook = { url: c.webhook.url, secret };
    }
    byUnit.set(c.unit, {
      unit: c.unit,
      ...(c.name ? { name: c.name.normalize('NFC') } : {}),
      ...(c.email ? { email: c.email } : {}),
      ...(webhook ? { webhook } : {}),
      digest: c.digest ?? file.defaults?.digest ?? 'immediate',
      notifyParent: c.notifyParent ?? file.defaults?.notifyParent ?? opts.notifyParent ?? false,
    });
  });
  if (problems.length > 0) throw tonghopError('TH_ERR_CONTACTS_INVALID', [source, problems.join('\n')]);
  const fallback = file.defaults?.notifyParent ?? opts.notifyParent ?? false;
  return {
    contactFor: (unit) => byUnit.get(unit),
    notifyParent: (unit) => byUnit.get(unit)?.notifyParent ?? fallback,
    all: () => [...byUnit.values()],
  };
}

/** A directory whose contents can be replaced while the notifier runs (contacts changed by an admin). */
export function swappableDirectory(initial: ContactDirectory): { directory: ContactDirectory; replace(next: ContactDirectory): void } {
  let current = initial;
  return {
    directory: {
      contactFor: (unit) => current.contactFor(unit),
      notifyParent: (unit) => current.notifyParent(unit),
      all: () => current.all(),
    },
    replace(next) { current = next; },
  };
}
