// Pronounceable names for generated entities, in Latin letters and in Hangul: the n-th name of a
// given length is a bijection of n (scrambled by the seed), so names never collide and every
// entity's key follows from its index alone.
import { hashSeed } from "./prng.js";

const SYLLABLES = [
  ["ka", "카"], ["ri", "리"], ["no", "노"], ["ta", "타"], ["mi", "미"], ["ve", "베"], ["lo", "로"], ["sa", "사"], ["ne", "네"], ["ru", "루"],
  ["ko", "코"], ["zi", "지"], ["pa", "파"], ["le", "레"], ["mo", "모"], ["xa", "자"], ["ti", "티"], ["do", "도"], ["hu", "후"], ["na", "나"],
  ["shi", "시"], ["ga", "가"], ["bo", "보"], ["yu", "유"], ["fe", "페"], ["la", "라"], ["chi", "치"], ["ma", "마"], ["jo", "조"], ["se", "세"],
] as const;
const BASE = SYLLABLES.length;

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}

export interface Word {
  latin: string;
  hangul: string;
}

/**
 * The `n`-th word of `length` syllables (n < 30^length, length <= 5) for this seed and namespace:
 * n -> (a*n + b) mod 30^length with `a` coprime to 30 is a bijection, so distinct n give distinct words.
 */
export function wordOf(n: number, length: number, seed: number, namespace: string): Word {
  const space = BASE ** length;
  if (n < 0 || n >= space || length > 5) throw new RangeError(`no ${length}-syllable word number ${n}`);
  let a = (hashSeed(seed, namespace, "a") % space) | 1;
  while (gcd(a, BASE) !== 1) a += 2;
  const b = hashSeed(seed, namespace, "b") % space;
  let x = (a * n + b) % space;
  let latin = "";
  let hangul = "";
  for (let i = 0; i < length; i++) {
    const [l, h] = SYLLABLES[x % BASE];
    latin += l;
    hangul += h;
    x = Math.floor(x / BASE);
  }
  return { latin: latin[0].toUpperCase() + latin.slice(1), hangul };
}

/** The fewest syllables (at least `min`) that give `count` distinct words. */
export function syllablesFor(count: number, min: number): number {
  let length = min;
  while (BASE ** length < count) length++;
  return length;
}
