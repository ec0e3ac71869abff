import { keepShape } from '../util/keepShape.js';

/**
 * A binary min-heap of (node, distance, steps) entries in growable typed arrays, ordered by
 * distance then steps. Used with lazy deletion: stale entries are skipped by the caller.
 */
export class DistanceHeap {
  private node: Int32Array;
  private dist: Float64Array;
  private steps: Int32Array;
  size = 0;

  constructor(capacity = 64) {
    this.node = new Int32Array(capacity);
    this.dist = new Float64Array(capacity);
    this.steps = new Int32Array(capacity);
  }

  clear(): void {
    this.size = 0;
  }

  private grow(): void {
    const cap = this.node.length * 2;
    const node = new Int32Array(cap);
    const dist = new Float64Array(cap);
    const steps = new Int32Array(cap);
    node.set(this.node);
    dist.set(this.dist);
    steps.set(this.steps);
    this.node = node;
    this.dist = dist;
    this.steps = steps;
  }

  push(node: number, dist: number, steps: number): void {
    if (this.size === this.node.length) this.grow();
    const N = this.node;
    const D = this.dist;
    const S = this.steps;
    // Sift up with a hole: move parents down until the new entry fits.
    let i = this.size++;
    while (i > 0) {
      const p = (i - 1) >> 1;
      const pd = D[p]!;
      if (pd < dist || (pd === dist && S[p]! <= steps)) break;
      N[i] = N[p]!;
      D[i] = pd;
      S[i] = S[p]!;
      i = p;
    }
    N[i] = node;
    D[i] = dist;
    S[i] = steps;
  }

  /** Removes the top entry; read it first with topNode/topDist/topSteps. */
  pop(): void {
    const last = --this.size;
    if (last <= 0) return;
    const N = this.node;
    const D = this.dist;
    const S = this.steps;
    const node = N[last]!;
    const dist = D[last]!;
    const steps = S[last]!;
    // Sift the last entry down from the root, with a hole.
    let i = 0;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= last) break;
      const r = c + 1;
      if (r < last) {
        const dc = D[c]!;
        const dr = D[r]!;
        if (dr < dc || (dr === dc && S[r]! < S[c]!)) c = r;
      }
      const dc = D[c]!;
      if (dist < dc || (dist === dc && steps <= S[c]!)) break;
      N[i] = N[c]!;
      D[i] = dc;
      S[i] = S[c]!;
      i = c;
    }
    N[i] = node;
    D[i] = dist;
    S[i] = steps;
  }

  get topNode(): number {
    return this.node[0]!;
  }
  get topDist(): number {
    return this.dist[0]!;
  }
  get topSteps(): number {
    return this.steps[0]!;
  }
}

/** A binary heap of objects under a caller's strict-weak `less`. */
export class ObjectHeap<T> {
  private items: T[] = [];

  constructor(private readonly less: (a: T, b: T) => boolean) {}

  get size(): number {
    return this.items.length;
  }

  peek(): T | undefined {
    return this.items[0];
  }

  push(item: T): void {
    const a = this.items;
    a.push(item);
    let i = a.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!this.less(a[i]!, a[p]!)) break;
      [a[i], a[p]] = [a[p]!, a[i]!];
      i = p;
    }
  }

  pop(): T | undefined {
    const a = this.items;
    const top = a[0];
    const last = a.pop();
    if (a.length > 0 && last !== undefined) {
      a[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < a.length && this.less(a[l]!, a[m]!)) m = l;
        if (r < a.length && this.less(a[r]!, a[m]!)) m = r;
        if (m === i) break;
        [a[i], a[m]] = [a[m]!, a[i]!];
        i = m;
      }
    }
    return top;
  }

  toArray(): T[] {
    return [...this.items];
  }
}

keepShape(new ObjectHeap<unknown>(() => false));
