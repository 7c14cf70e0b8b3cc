// `node dist/bench/cpu-profile.js <file.cpuprofile> [top]`: where a target's CPU time went, from a
// V8 profile written by `npm run bench -- --profile <dir>`: self time by function (with its file)
// and by package, as shares of the profile's busy (non-idle) time.
import { readFileSync } from "node:fs";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
  children?: number[];
}

const [file, topArg] = process.argv.slice(2);
if (!file) throw new Error("usage: node dist/bench/cpu-profile.js <file.cpuprofile> [top]");
const profile = JSON.parse(readFileSync(file, "utf8")) as { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] };
const top = Number(topArg ?? 25);

const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const self = new Map<number, number>();
profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));

const packageOf = (url: string) => {
  const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (m) return m[1];
  if (url.includes("/dist/src/")) return `api:${url.split("/dist/src/")[1].split("/")[0]}`;
  return url.startsWith("node:") ? "node" : url ? "other" : "(vm)";
};
const fn = new Map<string, number>();
const pkg = new Map<string, number>();
let busy = 0;
for (const [id, micros] of self) {
  const { functionName, url, lineNumber } = byId.get(id)!.callFrame;
  if (functionName === "(idle)" || functionName === "(program)") continue;
  busy += micros;
  const name = `${functionName || "(anonymous)"} ${url.replace(/^.*\/(node_modules|dist)\//, "$1/")}:${lineNumber + 1}`;
  fn.set(name, (fn.get(name) ?? 0) + micros);
  const p = functionName === "(garbage collector)" ? "(gc)" : packageOf(url);
  pkg.set(p, (pkg.get(p) ?? 0) + micros);
}
const rows = (m: Map<string, number>) =>
  [...m].sort((a, b) => b[1] - a[1]).slice(0, top).map(([k, v]) => `${((100 * v) / busy).toFixed(1).padStart(5)} %  ${k}`);
process.stdout.write(`busy ${(busy / 1e6).toFixed(1)} s\n\nby package:\n${rows(pkg).join("\n")}\n\nby function (self):\n${rows(fn).join("\n")}\n`);
