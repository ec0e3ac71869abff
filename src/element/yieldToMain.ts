/**
 * Lets the browser run what is waiting (input, a frame) before the next piece of work, so a
 * long job becomes several short tasks. `scheduler.yield()` where the browser has it (Chromium
 * 129+: the continuation keeps its place ahead of other queued tasks), else a new task.
 */
export function yieldToMain(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}
