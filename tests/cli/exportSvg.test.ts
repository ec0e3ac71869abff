/** `export --format svg`: the pathway diagram with a route highlighted, only the roles asked for. */
import { XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { cli, workspace } from './helpers.js';

const { small } = workspace();
const run = (...args: string[]) => cli(['--data', small, ...args]);
const attr = (svg: string, name: string) =>
  [...svg.matchAll(new RegExp(`${name}="([^"]*)"`, 'g'))].map((m) => m[1]);

describe('export --format svg', () => {
  it('draws the route numbered and only the roles asked for (plus the route)', async () => {
    const r = await run(
      'export',
      '--format',
      'svg',
      '--highlight-route',
      'nqsw,manager',
      '--roles',
      'island',
      '--direction',
      'LR',
    );
    expect(r.code).toBe(0);
    expect(XMLValidator.validate(r.stdout)).toBe(true);
    expect(attr(r.stdout, 'data-role').sort()).toEqual([
      'island',
      'manager',
      'nqsw',
      'senior',
      'sw',
    ]);
    expect(r.stdout).toContain(
      '<title id="pathway-title">Route from Newly qualified social worker to Team manager</title>',
    );
    expect(r.stdout.match(/class="step-no"/g)).toHaveLength(3);
  });

  it('exits 1 when there is no route to highlight', async () => {
    const r = await run('export', '--format', 'svg', '--highlight-route', 'island,head');
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
  });

  it('exits 2 for --roles with a format that is not a diagram', async () => {
    const r = await run('export', '--format', 'graphml', '--roles', 'sw');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('apply to mermaid, dot and svg only');
  });
});
