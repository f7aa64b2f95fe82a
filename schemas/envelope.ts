import { z } from 'zod';

/**
 * CloudEvents-style envelope shared by every event:
 *   { specversion: "1.0", id, type, source, time, subject, dataVersion, data }
 * `subject` is the unit code (the Kafka message key), so one unit's events stay ordered.
 */
export const EnvelopeBase = z.object({
  specversion: z.literal('1.0'),
  id: z.string().min(1),
  type: z.string().min(1),
  source: z.string().min(1),
  time: z.iso.datetime(),
  subject: z.string().min(1),
  dataVersion: z.string().regex(/^v\d+$/),
  data: z.unknown(),
});
export type EnvelopeBase = z.infer<typeof EnvelopeBase>;

export function envelopeOf<T extends string, D extends z.ZodType>(type: T, data: D) {
  return EnvelopeBase.extend({ type: z.literal(type), dataVersion: z.literal('v1'), data });
}
