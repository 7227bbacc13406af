// Purging in slices: each slice runs at most `sliceMs` (checked every 256 entries), then yields to the event
// loop, so purging a million expired tokens never holds up requests for more than about one slice.
import { setImmediate as nextTurn } from 'node:timers/promises';

const CHECK_EVERY = 256;

export async function purgeInSlices<T>(
  entries: Iterator<T>,
  expired: (entry: T) => boolean,
  drop: (entry: T) => void,
  sliceMs: number,
): Promise<number> {
  let purged = 0;
  for (;;) {
    const slice = purgeSlice(entries, expired, drop, performance.now() + sliceMs);
    purged += slice.purged;
    if (slice.done) return purged;
    await nextTurn();
  }
}

function purgeSlice<T>(
  entries: Iterator<T>,
  expired: (entry: T) => boolean,
  drop: (entry: T) => void,
  deadline: number,
): { purged: number; done: boolean } {
  let purged = 0;
  for (let seen = 1; ; seen += 1) {
    const next = entries.next();
    if (next.done) return { purged, done: true };
    if (expired(next.value)) {
      drop(next.value);
      purged += 1;
    }
    if (seen % CHECK_EVERY === 0 && performance.now() >= deadline) return { purged, done: false };
  }
}
