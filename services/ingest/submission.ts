import { z } from 'zod';
import { Period, UnitCode } from '../../schemas/identifiers.ts';

/** What a reporting unit hands in: the bytes, the name it gave them, and what it claims they are. */
export const SubmissionClaims = z.object({
  /** GSO code of the unit the report is for; `unknown` lets the parser find it in the text. */
  unit: UnitCode.default('unknown'),
  /** Reporting period (see schemas/identifiers.ts); `unknown` lets the parser find it. */
  period: Period.default('unknown'),
  /** Who submitted it (user, token or intake channel). */
  submittedBy: z.string().min(1).default('cli'),
});
export type SubmissionClaims = z.input<typeof SubmissionClaims>;

export interface Submission {
  bytes: Uint8Array;
  /** The client's file name: kept for people to read, never used in a storage key. */
  fileName: string;
  claims?: SubmissionClaims;
}

export type IngestResult =
  | { status: 'accepted'; reportId: string; objectKey: string; fileName: string; bytes: number }
  | { status: 'duplicate'; reportId: string; objectKey: string; fileName: string; bytes: number }
  | { status: 'rejected'; reportId: string; fileName: string; bytes: number; code: string; reason: { vi: string; en: string } };
