/**
 * Cycles and runaway nesting, found without recursion: run before any recursive parse or clone,
 * which such input would overflow.
 */
import type { Issue } from '../errors.js';
import { makeIssue } from './issues.js';

/** Deepest nesting a dataset needs is about 6; anything past this is not a dataset. */
export const MAX_DEPTH = 64;

/**
 * Walks the input without recursion, reporting cycles and nesting deeper than MAX_DEPTH: run it
 * before any recursive parse or clone, which such input would overflow. `skip`: arrays the fast
 * path has checked entry by entry (flat data: no cycle or depth to find there). Throws what a
 * hostile input's getters throw.
 */
export function structureIssues(input: unknown, skip?: ReadonlySet<unknown>): Issue[] {
  const issues: Issue[] = [];
  const onPath = new Set<object>();
  // A frame knows its key in its parent; paths are only spelled out for an issue (building
  // one per object cost more than the rest of validation on large datasets).
  type Frame = { value: object; keys: string[]; next: number; key: string | number };
  if (typeof input !== 'object' || input === null) return issues;
  const stack: Frame[] = [{ value: input, keys: Object.keys(input), next: 0, key: '' }];
  const pathTo = (key: string | number): (string | number)[] => {
    const path: (string | number)[] = [];
    for (let i = 1; i < stack.length; i++) path.push(stack[i]!.key);
    path.push(key);
    return path;
  };
  onPath.add(input);
  while (stack.length > 0) {
    const frame = stack[stack.length - 1]!;
    if (frame.next >= frame.keys.length) {
      onPath.delete(frame.value);
      stack.pop();
      continue;
    }
    const name = frame.keys[frame.next++]!;
    const child = (frame.value as Record<string, unknown>)[name];
    if (typeof child !== 'object' || child === null) continue;
    const key = Array.isArray(frame.value) ? Number(name) : name;
    // The child's path has one entry per frame below the root, plus its own key.
    const depth = stack.length;
    if (onPath.has(child)) {
      issues.push(
        makeIssue(
          'cycle',
          pathTo(key),
          undefined,
          'the value refers back to itself: a dataset must be plain JSON',
        ),
      );
    } else if (depth > MAX_DEPTH) {
      issues.push(
        makeIssue(
          'too_deep',
          pathTo(key).slice(0, MAX_DEPTH),
          undefined,
          `nested more than ${MAX_DEPTH} levels deep`,
        ),
      );
    } else if (skip === undefined || !skip.has(child)) {
      onPath.add(child);
      stack.push({ value: child, keys: Object.keys(child), next: 0, key });
    }
    if (issues.length >= 100) break;
  }
  return issues;
}
