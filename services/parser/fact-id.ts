import { createHash } from 'node:crypto';

/**
 * A fact's id: stable for the same report, place and meaning, so re-parsing a report
 * gives the same ids (the consolidator upserts by id). 24 hex digits of
 * sha256(reportId, page, start, end, kind, discriminator).
 */
export function factId(reportId: string, page: number, start: number, end: number, kind: string, discriminator = ''): string {
  return createHash('sha256').update(`${reportId}\u0000${page}\u0000${start}\u0000${end}\u0000${kind}\u0000${discriminator}`).digest('hex').slice(0, 24);
}
