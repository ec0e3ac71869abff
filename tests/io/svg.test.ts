/**
 * toSvg: the SVG parsed back with fast-xml-parser — well-formed for hostile ids and titles (which
 * come back as text, never markup), accessible (role, title, desc), one node per drawn role and
 * one edge per joined pair, highlight classes on exactly the route's roles and moves, numbered
 * steps in order, and clear errors for bad options.
 */
import { fc, test as propTest } from '@fast-check/vitest';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import {
  createLattice,
  QueryOptionsError,
  toSvg,
  UnknownRoleError,
  ukSocialWork,
} from '../../src/index.js';
import { small } from '../fixtures/small.js';
import { nasty } from './fixtures.js';

const lattice = createLattice(small);

type El = Record<string, unknown>;
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  preserveOrder: false,
  htmlEntities: true,
  isArray: (name) => ['g', 'path', 'tspan', 'text'].includes(name),
  trimValues: false,
});

function parse(text: string): El {
  const valid = XMLValidator.validate(text);
  if (valid !== true) throw new Error(`invalid XML: ${JSON.stringify(valid)}`);
  return (parser.parse(text) as { svg: El }).svg;
}

/** Every element of a given name anywhere under `el`. */
function all(el: unknown, name: string, out: El[] = []): El[] {
  if (Array.isArray(el)) for (const x of el) all(x, name, out);
  else if (el && typeof el === 'object') {
    for (const [k, v] of Object.entries(el)) {
      if (k === name)
        for (const x of Array.isArray(v) ? v : [v])
          if (x && typeof x === 'object') out.push(x as El);
      if (!k.startsWith('@')) all(v, name, out);
    }
  }
  return out;
}

const classes = (el: El) => String(el['@class'] ?? '').split(' ');
const nodes = (svg: El) => all(svg, 'g').filter((g) => classes(g).includes('node'));
const edges = (svg: El) => all(svg, 'path').filter((p) => classes(p).includes('edge'));
const text = (v: unknown): string =>
  typeof v === 'object' && v !== null ? String((v as El)['#text'] ?? '') : String(v ?? '');

describe('toSvg', () => {
  it('is an accessible SVG: role img, labelled by its title and description', () => {
    const route = lattice.fastestRoute('nqsw', 'manager')!;
    const svg = parse(toSvg(lattice, { highlight: { route } }));
    expect(svg['@role']).toBe('img');
    expect(svg['@xmlns']).toBe('http://www.w3.org/2000/svg');
    const [titleId, descId] = String(svg['@aria-labelledby']).split(' ');
    expect(text(svg.title)).toBe('Route from Newly qualified social worker to Team manager');
    expect((svg.title as El)['@id']).toBe(titleId);
    expect((svg.desc as El)['@id']).toBe(descId);
    const desc = text(svg.desc);
    for (const id of route.roles) expect(desc).toContain(lattice.role(id).title);
    expect(desc).toContain(`Route of ${route.steps} steps`);
  });

  it('draws every role once and one edge per ordered pair of roles joined by a transition', () => {
    const svg = parse(toSvg(lattice));
    expect(
      nodes(svg)
        .map((g) => g['@data-role'])
        .sort(),
    ).toEqual(small.roles.map((r) => r.id).sort());
    const pairs = new Set(small.transitions.map((t) => `${t.from}>${t.to}`));
    expect(
      edges(svg)
        .map((p) => `${p['@data-from']}>${p['@data-to']}`)
        .sort(),
    ).toEqual([...pairs].sort());
    // No route: nothing highlighted, no step numbers.
    expect(all(svg, 'g').filter((g) => classes(g).includes('highlight'))).toEqual([]);
    expect(all(svg, 'g').filter((g) => classes(g).includes('step-no'))).toEqual([]);
  });

  it('highlights exactly the route: its roles, its moves numbered in order, start and goal marked', () => {
    const route = lattice.fastestRoute('student', 'head')!;
    const svg = parse(toSvg(lattice, { highlight: { route } }));
    const highlighted = nodes(svg).filter((g) => classes(g).includes('highlight'));
    expect(highlighted.map((g) => g['@data-role']).sort()).toEqual([...route.roles].sort());
    expect(highlighted.every((g) => classes(g).includes('on-route'))).toBe(true);
    expect(nodes(svg).find((g) => classes(g).includes('start'))?.['@data-role']).toBe('student');
    expect(nodes(svg).find((g) => classes(g).includes('goal'))?.['@data-role']).toBe('head');
    const onRoute = edges(svg).filter((p) => classes(p).includes('highlight'));
    expect(onRoute.map((p) => `${p['@data-from']}>${p['@data-to']}`).sort()).toEqual(
      route.transitions.map((t) => `${t.from}>${t.to}`).sort(),
    );
    const steps = all(svg, 'g')
      .filter((g) => classes(g).includes('step-no'))
      .map((g) => Number(text((g.text as unknown[])[0])));
    expect(steps.sort((a, b) => a - b)).toEqual(route.transitions.map((_, i) => i + 1));
  });

  it('highlights roles without a route: highlight class, no on-route moves', () => {
    const svg = parse(toSvg(lattice, { highlight: { roles: ['amhp', 'head'] } }));
    expect(
      nodes(svg)
        .filter((g) => classes(g).includes('highlight'))
        .map((g) => g['@data-role'])
        .sort(),
    ).toEqual(['amhp', 'head']);
    expect(edges(svg).filter((p) => classes(p).includes('on-route'))).toEqual([]);
    expect(text(svg.desc)).toContain(
      'Highlighted: Approved mental health professional, Head of service.',
    );
  });

  it('draws only the roles asked for, plus the highlighted route', () => {
    const route = lattice.fastestRoute('sw', 'manager')!;
    const svg = parse(toSvg(lattice, { roles: ['island'], highlight: { route } }));
    expect(
      nodes(svg)
        .map((g) => g['@data-role'])
        .sort(),
    ).toEqual(['island', ...route.roles].sort());
    for (const p of edges(svg)) {
      expect(route.roles).toContain(p['@data-from']);
      expect(route.roles).toContain(p['@data-to']);
    }
  });

  it('marks moves whose months are all estimates as estimated', () => {
    const svg = parse(toSvg(lattice));
    const estimated = edges(svg).filter((p) => classes(p).includes('estimated'));
    expect(estimated.map((p) => `${p['@data-from']}>${p['@data-to']}`)).toEqual([
      'senior>advanced',
    ]);
  });

  it('lays out left to right: lower levels further left', () => {
    const route = lattice.fastestRoute('student', 'head')!;
    const svg = parse(toSvg(lattice, { direction: 'LR', highlight: { route } }));
    const x = (id: string) =>
      Number((nodes(svg).find((g) => g['@data-role'] === id)!.rect as El)['@x']);
    for (let i = 1; i < route.roles.length; i++) {
      const [a, b] = [lattice.role(route.roles[i - 1]!), lattice.role(route.roles[i]!)];
      if (b.level > a.level) expect(x(b.id)).toBeGreaterThan(x(a.id));
    }
    // Top to bottom: higher levels nearer the top.
    const tb = parse(toSvg(lattice));
    const y = (id: string) =>
      Number((nodes(tb).find((g) => g['@data-role'] === id)!.rect as El)['@y']);
    expect(y('head')).toBeLessThan(y('student'));
  });

  it('keeps hostile ids and titles as text: well-formed XML, values round-trip', () => {
    const hostile = createLattice(nasty);
    const route = hostile.fastestRoute('__proto__', 'toString', {
      directions: ['up', 'across', 'down'],
    })!;
    const out = toSvg(hostile, { highlight: { route }, title: 'A <b>"title"</b> & more' });
    expect(out).not.toContain('<b>');
    const svg = parse(out);
    expect(text(svg.title)).toBe('A <b>"title"</b> & more');
    const titles = nodes(svg).map((g) => text(g.title));
    for (const r of nasty.roles)
      expect(titles.some((t) => t.startsWith(`${r.title} — level`))).toBe(true);
    const raw = { svg };
    expect(
      all(raw.svg, 'g')
        .filter((g) => classes(g).includes('node'))
        .map((g) => g['@data-role'])
        .sort(),
    ).toEqual(nasty.roles.map((r) => r.id).sort());
    // No element other than the SVG's own: titles never became tags.
    const tags = new Set<string>();
    const walk = (el: unknown) => {
      if (Array.isArray(el)) el.forEach(walk);
      else if (el && typeof el === 'object')
        for (const [k, v] of Object.entries(el))
          if (!k.startsWith('@') && k !== '#text') tags.add(k), walk(v);
    };
    walk(raw.svg);
    expect([...tags].sort()).toEqual(
      [
        'circle',
        'defs',
        'desc',
        'g',
        'marker',
        'path',
        'rect',
        'style',
        'text',
        'title',
        'tspan',
      ].sort(),
    );
  });

  it('replaces characters XML cannot carry', () => {
    // Datasets may no longer hold control characters; a caller's title still can.
    const out = toSvg(lattice, { title: 'Social\u0001worker\uFFFF' });
    expect(XMLValidator.validate(out)).toBe(true);
    expect(text(parse(out).title)).toBe('Social\uFFFDworker\uFFFD');
  });

  it('never meets characters XML cannot carry: validation refuses them at their path', () => {
    for (const title of ['Social\u0001worker', 'Social worker\uFFFF']) {
      const input = {
        ...small,
        roles: small.roles.map((r) => (r.id === 'sw' ? { ...r, title } : r)),
      };
      expect(() => createLattice(input)).toThrow(/roles\[\d+\]\.title/);
    }
  });

  it('draws the bundled data and its fastest routes', () => {
    const uk = createLattice(ukSocialWork);
    const svg = parse(toSvg(uk));
    expect(nodes(svg)).toHaveLength(ukSocialWork.roles.length);
  });

  it('prefixes its ids, so two diagrams can share a page', () => {
    const out = toSvg(lattice, { idPrefix: 'second' });
    expect(out).toContain('aria-labelledby="second-title second-desc"');
    expect(out).toContain('url(#second-arrow)');
    expect(out).not.toContain('pathway-');
  });

  it('leaves the look to the page with style: false', () => {
    expect(toSvg(lattice)).toContain('<style>');
    expect(toSvg(lattice, { style: false })).not.toContain('<style>');
  });

  it('rejects bad options by name', () => {
    expect(() => toSvg(lattice, { roles: ['nope'] })).toThrow(UnknownRoleError);
    expect(() => toSvg(lattice, { from: 'nope' })).toThrow(UnknownRoleError);
    expect(() => toSvg(lattice, { idPrefix: '1 x"' })).toThrow(/idPrefix/);
    expect(() => toSvg(lattice, { direction: 'UP' as 'TB' })).toThrow(QueryOptionsError);
    expect(() => toSvg(lattice, { colour: 'red' } as never)).toThrow(/unknown option "colour"/);
    expect(() => toSvg(small as never)).toThrow(/looks like a dataset/);
  });

  propTest.prop([
    fc.subarray(
      small.roles.map((r) => r.id),
      { minLength: 1 },
    ),
    fc.constantFrom<'TB' | 'LR'>('TB', 'LR'),
  ])(
    'any subset of roles: well-formed, each drawn once, every edge between drawn roles, boxes never overlap',
    (roles, direction) => {
      const svg = parse(toSvg(lattice, { roles, direction }));
      const drawn = nodes(svg);
      expect(drawn.map((g) => g['@data-role']).sort()).toEqual([...roles].sort());
      const expected = new Set(
        small.transitions
          .filter((t) => roles.includes(t.from) && roles.includes(t.to))
          .map((t) => `${t.from}>${t.to}`),
      );
      expect(new Set(edges(svg).map((p) => `${p['@data-from']}>${p['@data-to']}`))).toEqual(
        expected,
      );
      const rects = drawn
        .map((g) => g.rect as El)
        .map((r) => ({
          x: Number(r['@x']),
          y: Number(r['@y']),
          w: Number(r['@width']),
          h: Number(r['@height']),
        }));
      for (let i = 0; i < rects.length; i++) {
        for (let j = i + 1; j < rects.length; j++) {
          const [a, b] = [rects[i]!, rects[j]!];
          expect(a.x + a.w <= b.x || b.x + b.w <= a.x || a.y + a.h <= b.y || b.y + b.h <= a.y).toBe(
            true,
          );
        }
      }
      const [w, h] = [Number(svg['@width']), Number(svg['@height'])];
      for (const r of rects)
        expect(r.x >= 0 && r.y >= 0 && r.x + r.w <= w && r.y + r.h <= h).toBe(true);
    },
  );
});
