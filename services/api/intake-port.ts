/**
 * What the API needs from intake: the ingest service's `submit` (services/ingest/), passed in
 * by pipelines/ — the API never imports another service. Structurally the same shapes as
 * services/ingest/submission.ts.
 */
export interface IntakeSubmission {
  bytes: Uint8Array;
  fileName: string;
  claims?: { unit?: string; period?: string; submittedBy?: string };
}

export type IntakeResult =
  | { status: 'accepted' | 'duplicate'; reportId: string; objectKey: string; fileName: string; bytes: number }
  | { status: 'rejected'; reportId: string; fileName: string; bytes: number; code: string; reason: { vi: string; en: string } };

export interface IntakePort {
  submit(submission: IntakeSubmission): Promise<IntakeResult>;
}
