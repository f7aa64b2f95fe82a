import { availableParallelism } from 'node:os';

/**
 * A bounded pool of OCR jobs: at most `size` run at once, the rest wait in arrival order.
 *
 * Tesseract is run single-threaded (`OMP_THREAD_LIMIT=1`), one process a core: measured
 * here, its own OpenMP threading is about 6 times slower on 2 cores than one thread, and
 * two single-threaded processes read two pages in the time of one. So the pool's default
 * size is the cores available, and never more (TONGHOP_OCR_WORKERS may lower it).
 *
 * One pool serves the whole process: the pages of a 60-page scan queue here beside the
 * pages of other reports, so a long scan delays the others by its share of the cores,
 * never by all of it, while the parser goes on reading born-digital reports in between.
 */
export class OcrPool {
  private running = 0;
  private readonly waiting: (() => void)[] = [];
  constructor(readonly size: number) {
    if (!Number.isInteger(size) || size < 1) throw new RangeError(`OCR pool size must be a positive integer, got ${size}`);
  }

  async run<T>(job: () => Promise<T>): Promise<T> {
    // A finished job hands its slot straight to the next waiter, so no newcomer slips in between.
    if (this.running < this.size) this.running += 1;
    else await new Promise<void>((resolve) => this.waiting.push(resolve));
    try {
      return await job();
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.running -= 1;
    }
  }

  /** Jobs running and waiting now. */
  get load(): { running: number; waiting: number } {
    return { running: this.running, waiting: this.waiting.length };
  }
}

let shared: OcrPool | undefined;

/** The process's pool: one worker a core (TONGHOP_OCR_WORKERS may set fewer). */
export function sharedOcrPool(env: NodeJS.ProcessEnv = process.env): OcrPool {
  if (!shared) {
    const cores = availableParallelism();
    const asked = Number(env['TONGHOP_OCR_WORKERS'] ?? cores);
    shared = new OcrPool(Math.max(1, Math.min(cores, Number.isInteger(asked) && asked > 0 ? asked : cores)));
  }
  return shared;
}
