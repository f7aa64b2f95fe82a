import { z } from 'zod';

/** User-facing text: Vietnamese first, English second. Both are required. */
export const LocalizedText = z.object({
  vi: z.string().min(1),
  en: z.string().min(1),
});
export type LocalizedText = z.infer<typeof LocalizedText>;
