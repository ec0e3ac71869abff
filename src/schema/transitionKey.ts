/**
 * The one rule for naming a transition: its explicit `id`, else `from>to:kind`, with `#2`, `#3`…
 * for repeats of the same triple (in input order), skipping any key an explicit id has taken.
 * The lattice, extendDataset and the exports all name transitions by it.
 */

/** `from>to:kind` (repeat 1), `from>to:kind#2` … */
export function derivedKey(
  t: { readonly from: string; readonly to: string; readonly kind: string },
  repeat = 1,
): string {
  const base = `${t.from}>${t.to}:${t.kind}`;
  return repeat === 1 ? base : `${base}#${repeat}`;
}

/** Deterministic, unique keys: the explicit `id`, else `from>to:kind`, with `#n` for repeats. */
export function transitionKeys(
  transitions: readonly {
    readonly id?: string | undefined;
    readonly from: string;
    readonly to: string;
    readonly kind: string;
  }[],
): string[] {
  const used = new Set<string>();
  for (const t of transitions) if (t.id !== undefined) used.add(t.id);
  // The repeat each `from>to:kind` tries next: counting up from 1 for every repeat made the k-th
  // repeat try k keys, and 30,000 transitions between two roles took minutes.
  const nextRepeat = new Map<string, number>();
  return transitions.map((t) => {
    if (t.id !== undefined) return t.id;
    const base = derivedKey(t);
    let n = nextRepeat.get(base) ?? 1;
    let key = derivedKey(t, n);
    while (used.has(key)) key = derivedKey(t, ++n);
    nextRepeat.set(base, n + 1);
    used.add(key);
    return key;
  });
}
