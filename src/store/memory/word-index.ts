// The embedded store's search index: which nodes have a word starting with a given prefix, without
// reading every node. Words are those domain/search.ts matches on (tokenize of every name); the
// store still scores each candidate with searchScore, so answers are exactly those of a full scan.
import { namesOf, tokenize } from "../../domain/search.js";
import type { NodeRecord } from "../../domain/graph.js";
import { compareText } from "../../domain/search.js";
import { lowerBound } from "./order.js";

export function wordsOf(node: NodeRecord): string[] {
  return [...new Set(namesOf(node).flatMap(tokenize))];
}

export class WordIndex {
  private readonly byWord = new Map<string, Set<string>>();
  private readonly words = new Map<string, string[]>();
  /** The distinct words in code-point order, rebuilt on the first search after a new word appeared. */
  private sorted: string[] | null = [];

  /** Makes `words` the words of `uid` (replacing what it had). */
  set(uid: string, words: string[]): void {
    this.delete(uid);
    this.words.set(uid, words);
    for (const word of words) {
      let uids = this.byWord.get(word);
      if (!uids) {
        uids = new Set();
        this.byWord.set(word, uids);
        this.sorted = null;
      }
      uids.add(uid);
    }
  }

  delete(uid: string): void {
    for (const word of this.words.get(uid) ?? []) {
      const uids = this.byWord.get(word);
      uids?.delete(uid);
      if (uids?.size === 0) {
        this.byWord.delete(word);
        this.sorted = null;
      }
    }
    this.words.delete(uid);
  }

  private sortedWords(): string[] {
    this.sorted ??= [...this.byWord.keys()].sort(compareText);
    return this.sorted;
  }

  /** Nodes with, for every prefix, a word that starts with it. */
  candidates(prefixes: readonly string[]): Set<string> {
    const sets = prefixes.map((prefix) => this.withPrefix(prefix)).sort((a, b) => a.size - b.size);
    if (sets.length === 0) return new Set();
    return new Set([...sets[0]].filter((uid) => sets.every((s) => s.has(uid))));
  }

  private withPrefix(prefix: string): Set<string> {
    const words = this.sortedWords();
    const lo = lowerBound(words.length, (i) => compareText(words[i], prefix) < 0);
    const found = new Set<string>();
    for (let i = lo; i < words.length && words[i].startsWith(prefix); i++) for (const uid of this.byWord.get(words[i])!) found.add(uid);
    return found;
  }
}
