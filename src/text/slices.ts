// Long synchronous work on a thread that answers (the bot's): cut into slices of a few milliseconds
// with a turn of the event loop between them, so that a timer, a Discord event or another question
// waits at most one slice (issue 15: no block over 200 ms, on a busy machine too).
import { performance } from 'node:perf_hooks';

/** How long a slice runs before the event loop gets a turn. */
export const SLICE_MS = 15;

/** Awaited between two steps of a long task: a turn of the event loop once the slice's time is spent, none otherwise. */
export type Pace = () => Promise<void>;

/** A pace for one task: its first slice starts now. `now` is the clock (a test's). */
export function slices(budgetMs = SLICE_MS, now: () => number = () => performance.now()): Pace {
  let since = now();
  return async () => {
    if (now() - since < budgetMs) return;
    await new Promise((resolve) => setImmediate(resolve));
    since = now();
  };
}
