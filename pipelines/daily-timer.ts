/**
 * Calls `fire` every day at HH:MM Vietnam time (UTC+7; Vietnam has no daylight saving).
 * The timer is unref'd, so it never keeps a process alive on its own. A run that throws is
 * reported to `onError` and the next day's run is still scheduled.
 */
const VIETNAM_OFFSET_MS = 7 * 3_600_000;

export interface DailyTimer {
  /** When the next run is due. */
  readonly next: Date;
  stop(): void;
}

/** The first HH:MM (UTC+7) strictly after `now`. */
export function nextDailyRun(hhmm: string, now: Date): Date {
  const [h, m] = hhmm.split(':').map(Number) as [number, number];
  const local = new Date(now.getTime() + VIETNAM_OFFSET_MS);
  let run = Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate(), h, m) - VIETNAM_OFFSET_MS;
  if (run <= now.getTime()) run += 86_400_000;
  return new Date(run);
}

export function startDailyTimer(hhmm: string, fire: (at: Date) => Promise<unknown>, onError: (err: unknown) => void, now: () => Date = () => new Date()): DailyTimer {
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  const state = { next: nextDailyRun(hhmm, now()) };
  const arm = () => {
    if (stopped) return;
    state.next = nextDailyRun(hhmm, now());
    timer = setTimeout(() => {
      fire(new Date()).catch(onError).finally(arm);
    }, Math.max(0, state.next.getTime() - now().getTime()));
    timer.unref();
  };
  arm();
  return {
    get next() { return state.next; },
    stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
    },
  };
}
