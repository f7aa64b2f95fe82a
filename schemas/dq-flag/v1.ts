import { z } from 'zod';
import { FlagV1 } from '../flag/v1.ts';

/** `dq.flag`: a flag was raised, or a previously raised flag resolved. */
export const DqFlagV1 = z.object({
  status: z.enum(['raised', 'resolved']),
  flag: FlagV1,
});
export type DqFlag = z.infer<typeof DqFlagV1>;
