import { createHash, randomBytes } from 'node:crypto';

/**
 * Token secrets: `th_` and 32 random bytes in base64url (256 bits). Stored and compared only
 * as their sha256 (hex); the lookup is by hash, so no secret is ever compared character by
 * character.
 */
export function generateTokenSecret(): string {
  return `th_${randomBytes(32).toString('base64url')}`;
}

export function tokenSha256(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}
