/** How often a process checks that its parent is still there. */
const PARENT_POLL_MS = 1000;

/**
 * Calls `onOrphan` once when this process's parent goes away (it is re-parented), e.g. an `npm start`
 * killed with SIGKILL, so no process of ours keeps running behind it. The check does not keep the
 * event loop alive. A process started by init (parent pid 1) is never called.
 */
export function watchParent(onOrphan: () => void, pollMs = PARENT_POLL_MS): () => void {
  const parent = process.ppid;
  if (parent <= 1) return () => undefined;
  const timer = setInterval(() => {
    if (process.ppid !== parent) {
      clearInterval(timer);
      onOrphan();
    }
  }, pollMs);
  timer.unref();
  return () => clearInterval(timer);
}
