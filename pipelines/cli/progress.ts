import { SingleBar, Presets } from 'cli-progress';

/**
 * Progress over a known number of steps, on stderr: a bar on a terminal, one plain
 * line per step otherwise (CI logs, pipes), so stdout stays free for results.
 */
export interface Progress {
  step(label: string): void;
  /** Says how a long step is going (`OCR 3/17 trang`) without counting a step. */
  note(label: string): void;
  stop(): void;
}

export function createProgress(total: number, title: string, stream: NodeJS.WriteStream = process.stderr): Progress {
  if (stream.isTTY) {
    const bar = new SingleBar({
      format: `${title} [{bar}] {value}/{total} {label}`, stream, hideCursor: true, clearOnComplete: false,
    }, Presets.shades_classic);
    bar.start(total, 0, { label: '' });
    return { step: (label) => bar.increment(1, { label }), note: (label) => bar.update({ label }), stop: () => bar.stop() };
  }
  let done = 0;
  return {
    step: (label) => { done++; stream.write(`${title} ${done}/${total} ${label}\n`); },
    note: (label) => { stream.write(`${title} ${done}/${total} … ${label}\n`); },
    stop: () => undefined,
  };
}
