import { z } from 'zod';

/**
 * `bus.dead-letter`: a message a consumer group could not handle. `payload` is the
 * original message as text, because a poison message may not be a valid event at all.
 */
export const BusDeadLetterV1 = z.object({
  topic: z.string(),
  group: z.string(),
  key: z.string().nullable(),
  originalType: z.string().nullable(),
  payload: z.string(),
  attempts: z.number().int().min(1),
  error: z.object({ code: z.string(), message: z.string() }),
  failedAt: z.iso.datetime(),
});
export type BusDeadLetter = z.infer<typeof BusDeadLetterV1>;
