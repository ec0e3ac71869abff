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

  private less(i: number, j: number): boolean {
    const a = this.dist[i]!;
    const b = this.dist[j]!;
    return a < b || (a === b && this.steps[i]! < this.steps[j]!);
  }

  private swap(i: number, j: number): void {
    const n = this.node[i]!, d = this.dist[i]!, s = this.steps[i]!;
    this.node[i] = this.node[j]!; this.dist[i] = this.dist[j]!; this.steps[i] = this.steps[j]!;
    this.node[j] = n; this.dist[j] = d; this.steps[j] = s;
  }

  push(node: number, dist: number, steps: number): void {
    if (this.size === this.node.length) {
      const cap = this.size * 2;
      const grow = <T extends Int32Array | Float64Array>(a: T, make: (n: number) => T): T => {
        const b = make(cap);
        b.set(a);
        return b;
      };
      this.node = grow(this.node, (c) => new Int32Array(c));
      this.dist = grow(this.dist, (c) => new Float64Array(c));
      this.steps = grow(this.steps, (c) => new Int32Array(c));
    }
    let i = this.size++;
    this.node[i] = node; this.dist[i] = dist; this.steps[i] = steps;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!this.less(i, p)) break;
      this.swap(i, p);
      i = p;
    }
  }

  /** Removes the top entry; read it first with topNode/topDist/topSteps. */
  pop(): void {
    const last = --this.size;
    if (last > 0) {
      this.node[0] = this.node[last]!; this.dist[0] = this.dist[last]!; this.steps[0] = this.steps[last]!;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < last && this.less(l, m)) m = l;
        if (r < last && this.less(r, m)) m = r;
        if (m === i) break;
        this.swap(i, m);
        i = m;
      }
    }
  }

  get topNode(): number { return this.node[0]!; }
  get topDist(): number { return this.dist[0]!; }
  get topSteps(): number { return this.steps[0]!; }
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
