import { describe, expect, it } from 'vitest';
import { Latest } from '../../src/element/latest.js';

const later = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A render in steps as the planner does one: a step, then a check of its ticket before each write. */
function renderer() {
  const renders = new Latest();
  const shown: string[] = [];
  const render = async (value: string, stepMs: number, steps: number) => {
    const ticket = renders.begin();
    for (let i = 0; i < steps; i++) {
      await later(stepMs);
      if (!ticket.isCurrent()) return false;
      shown[i] = value;
    }
    return true;
  };
  return { renders, shown, render };
}

describe('Latest (newest render wins)', () => {
  it('an older render that finishes later never overwrites a newer one', async () => {
    const { shown, render } = renderer();
    const older = render('old', 30, 4); // slow
    const newer = render('new', 1, 2); // quick, fewer steps
    await expect(Promise.all([older, newer])).resolves.toEqual([false, true]);
    expect(shown).toEqual(['new', 'new']);
  });

  it('a render alone completes; a cancelled one stops before its next write', async () => {
    const { renders, shown, render } = renderer();
    await expect(render('only', 1, 3)).resolves.toBe(true);
    expect(shown).toEqual(['only', 'only', 'only']);
    const pending = render('late', 5, 3);
    renders.cancel();
    await expect(pending).resolves.toBe(false);
    expect(shown).toEqual(['only', 'only', 'only']);
  });

  it('a ticket is current until the next begins', () => {
    const renders = new Latest();
    const a = renders.begin();
    expect(a.isCurrent()).toBe(true);
    const b = renders.begin();
    expect([a.isCurrent(), b.isCurrent()]).toEqual([false, true]);
  });
});
