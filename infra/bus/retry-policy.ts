/**
 * How a consumer retries a failing handler before dead-lettering the message.
 * Delay before attempt n+1 = min(maxDelayMs, initialDelayMs · factor^(n−1)), with
 * ±20 % jitter. Defaults: 5 attempts, 200 ms, ×2, capped at 5 s, so a message is
 * given up on after about 0.2+0.4+0.8+1.6 ≈ 3 s of waiting.
 */
export interface RetryPolicy {
  maxAttempts: number;
  initialDelayMs: number;
  factor: number;
  maxDelayMs: number;
}

export const DEFAULT_RETRY_POLICY: Readonly<RetryPolicy> = Object.freeze({
  maxAttempts: 5,
  initialDelayMs: 200,
  factor: 2,
  maxDelayMs: 5_000,
});

export function retryDelayMs(policy: RetryPolicy, attempt: number, random: () => number = Math.random): number {
  const base = Math.min(policy.maxDelayMs, policy.initialDelayMs * policy.factor ** (attempt - 1));
  return Math.round(base * (0.8 + 0.4 * random()));
}
