// A small checked reader over parsed JSON: each accessor names the exact path of a bad value.

export class SeedError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid seed data:\n  ${problems.join("\n  ")}`);
    this.name = "SeedError";
  }
}

type Json = unknown;

export class Reader {
  constructor(
    private readonly value: Json,
    readonly path: string,
    private readonly problems: string[],
  ) {}

  private field(name: string): Json {
    if (typeof this.value !== "object" || this.value === null || Array.isArray(this.value)) return undefined;
    return (this.value as Record<string, Json>)[name];
  }

  private fail(name: string, expected: string): void {
    this.problems.push(`${this.path}.${name}: expected ${expected}`);
  }

  has(name: string): boolean {
    return this.field(name) !== undefined && this.field(name) !== null;
  }

  str(name: string, pattern?: RegExp): string {
    const v = this.field(name);
    if (typeof v !== "string" || v.trim() === "" || (pattern && !pattern.test(v))) {
      this.fail(name, pattern ? `a string matching ${pattern}` : "a non-empty string");
      return "";
    }
    return v;
  }

  optStr(name: string, pattern?: RegExp): string | null {
    return this.has(name) ? this.str(name, pattern) : null;
  }

  num(name: string, integer = false): number {
    const v = this.field(name);
    if (typeof v !== "number" || !Number.isFinite(v) || (integer && !Number.isInteger(v))) {
      this.fail(name, integer ? "an integer" : "a finite number");
      return 0;
    }
    return v;
  }

  optNum(name: string, integer = false): number | null {
    return this.has(name) ? this.num(name, integer) : null;
  }

  bool(name: string): boolean {
    const v = this.field(name);
    if (typeof v !== "boolean") this.fail(name, "true or false");
    return v === true;
  }

  oneOf<T extends string>(name: string, allowed: readonly T[]): T {
    const v = this.field(name);
    if (typeof v !== "string" || !allowed.includes(v as T)) {
      this.fail(name, `one of ${allowed.join(", ")}`);
      return allowed[0];
    }
    return v as T;
  }

  strings(name: string): string[] {
    const v = this.field(name);
    if (v === undefined) return [];
    if (!Array.isArray(v) || v.some((s) => typeof s !== "string" || s === "")) {
      this.fail(name, "a list of non-empty strings");
      return [];
    }
    return v as string[];
  }

  object(name: string): Reader {
    const v = this.field(name);
    if (typeof v !== "object" || v === null || Array.isArray(v)) this.fail(name, "an object");
    return new Reader(v, `${this.path}.${name}`, this.problems);
  }

  optObject(name: string): Reader | null {
    return this.has(name) ? this.object(name) : null;
  }

  list(name: string): Reader[] {
    const v = this.field(name);
    if (v === undefined) return [];
    if (!Array.isArray(v)) {
      this.fail(name, "a list");
      return [];
    }
    return v.map((item, i) => new Reader(item, `${this.path}.${name}[${i}]`, this.problems));
  }

  /** Reports a problem found by a check outside the reader (an unknown reference). */
  problem(message: string): void {
    this.problems.push(`${this.path}: ${message}`);
  }

  static root(value: Json, path: string, problems: string[]): Reader[] {
    if (!Array.isArray(value)) {
      problems.push(`${path}: expected a list of records`);
      return [];
    }
    return value.map((item, i) => new Reader(item, `${path}[${i}]`, problems));
  }
}
