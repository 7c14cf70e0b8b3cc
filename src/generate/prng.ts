// A small seeded PRNG, so that a generated graph depends on its seed and nothing else. Every entity
// draws from its own stream (seeded by seed, kind and index), so any entity can be generated alone,
// in any order, and still come out the same.

/** 32-bit FNV-1a of the parts, joined; the seed of an entity's stream. */
export function hashSeed(...parts: Array<string | number>): number {
  let h = 0x811c9dc5;
  const text = parts.join("\u0000");
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** mulberry32: fast, 32 bits of state, good enough for test data (not for cryptography). */
export class Rng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  static of(...parts: Array<string | number>): Rng {
    return new Rng(hashSeed(...parts));
  }

  /** A float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }

  /** An index in [0, n) skewed towards 0: P(index < k) = (k / n) ^ (1 / power). */
  skewed(n: number, power: number): number {
    return Math.min(n - 1, Math.floor(n * this.next() ** power));
  }

  /** `count` distinct integers of [0, n), in the order drawn (count is capped at n). */
  distinct(n: number, count: number, draw: () => number = () => this.int(0, n - 1)): number[] {
    const chosen = new Set<number>();
    const want = Math.min(count, n);
    for (let tries = 0; chosen.size < want && tries < want * 20; tries++) chosen.add(draw());
    return [...chosen];
  }
}
