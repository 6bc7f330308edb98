/**
 * Lets the event loop run once (timers, signal handlers, I/O). A training loop whose awaits all resolve as
 * microtasks (the single-threaded wasm backend, the reference backend) never reaches the event loop on its
 * own, so Ctrl-C's handler would not run until the job ended; awaiting this once per step fixes that.
 * setImmediate in Node; a zero timeout in browsers, which have no setImmediate.
 */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => {
    if (typeof setImmediate === 'function') setImmediate(resolve);
    else setTimeout(resolve, 0);
  });
}
