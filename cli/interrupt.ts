// Ctrl-C: the first SIGINT stops the run gracefully (reports are still written). npm and npx forward the
// terminal's SIGINT to the suite, which then gets it twice at once: a second signal within a second is the
// same Ctrl-C. A later one exits at once with 130.
const SAME_CTRL_C_MS = 1000;

export function onInterrupt(stop: () => void, now: () => number = Date.now): () => void {
  let first: number | undefined;
  const handler = () => {
    if (first === undefined) {
      first = now();
      stop();
    } else if (now() - first > SAME_CTRL_C_MS) {
      process.exit(130);
    }
  };
  process.on('SIGINT', handler);
  process.on('SIGTERM', handler);
  return () => {
    process.off('SIGINT', handler);
    process.off('SIGTERM', handler);
  };
}
