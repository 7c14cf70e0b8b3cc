// The benchmark's outputs: docs/benchmarks.json (every scale's last run, merged), the generated part
// of docs/benchmarks.md (between the results markers; the prose around it is written by hand) and
// docs/benchmarks.svg, a bar chart drawn here as SVG text.
import { readFileSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { PROJECT_ROOT } from "../src/config.js";
import type { LookupComparison } from "./memory-lookup.js";
import { QUERIES, type QueryId } from "./queries.js";
import { TARGETS, type TargetId } from "./targets.js";

export interface LoadInfo {
  nodes: number;
  relationships: number;
  seconds: number;
  rate: number;
}

export interface Cell {
  target: TargetId;
  query: QueryId;
  requestsPerSecond?: number;
  p50?: number;
  p99?: number;
  requests?: number;
  failures?: number;
  storeCalls?: { min: number; max: number; mean: number } | null;
  /** req/s of every round, by round (null: not measured); the cell shows the median and the spread. */
  rounds?: Array<number | null>;
  error?: string;
}

export interface ScaleResult {
  scale: string;
  models: number;
  at: string;
  duration: number;
  rounds?: number;
  connections: number;
  load: { neo4j?: LoadInfo; memory?: LoadInfo };
  /** 1-minute load average of the machine before and after the scale's run. */
  loadAverage: number[];
  cells: Cell[];
}

export interface Machine {
  cpus: number;
  cpuModel: string;
  memoryGiB: number;
  os: string;
}

export interface Results {
  machine: Machine | null;
  versions: Record<string, string>;
  scales: Record<string, ScaleResult>;
  lookup?: LookupComparison & { at: string };
}

/** Where the report goes: docs/ unless `npm run bench -- --out <dir>` names another (a trial run). */
export const DOCS = path.join(PROJECT_ROOT, "docs");
const files = (dir: string) => ({ JSON_FILE: path.join(dir, "benchmarks.json"), MD_FILE: path.join(dir, "benchmarks.md"), SVG_FILE: path.join(dir, "benchmarks.svg") });
const START = "<!-- bench:results:start (written by npm run bench; edit outside these markers) -->";
const END = "<!-- bench:results:end -->";
const SCALE_ORDER = ["S", "M", "L"];

export function machineInfo(): Machine {
  return {
    cpus: os.availableParallelism(),
    cpuModel: os.cpus()[0]?.model ?? "unknown",
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    os: `${os.type()} ${os.release()}`,
  };
}

function packageVersion(name: string): string {
  try {
    return (JSON.parse(readFileSync(path.join(PROJECT_ROOT, "node_modules", name, "package.json"), "utf8")) as { version: string }).version;
  } catch {
    return "?";
  }
}

function versions(): Record<string, string> {
  const names = ["@apollo/server", "type-graphql", "graphql", "dataloader", "neo4j-driver", "@neo4j/graphql", "graphology", "autocannon"];
  return { node: process.version, ...Object.fromEntries(names.map((n) => [n, packageVersion(n)])) };
}

export async function readResults(dir = DOCS): Promise<Results> {
  const { JSON_FILE } = files(dir);
  try {
    return JSON.parse(await readFile(JSON_FILE, "utf8")) as Results;
  } catch {
    return { machine: null, versions: {}, scales: {} };
  }
}

const fmt = (n: number, digits = 0) => n.toLocaleString("en-US", { maximumFractionDigits: digits, minimumFractionDigits: digits });

function cellOf(result: ScaleResult, target: TargetId, query: QueryId): Cell | undefined {
  return result.cells.find((c) => c.target === target && c.query === query);
}

function rps(cell: Cell | undefined): number | null {
  return cell?.requestsPerSecond !== undefined && !cell.error ? cell.requestsPerSecond : null;
}

function median(values: number[]): number {
  const sorted = [...values].sort((x, y) => x - y);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/**
 * A cell's ratio over another's: the median of the per-round ratios, each from the two cells' runs of
 * the same round (measured minutes apart, in the rotating order), with their spread; from the
 * cells' medians where rounds were not kept (older results).
 */
function roundRatio(x: Cell | undefined, y: Cell | undefined): { median: number; min: number; max: number } | null {
  if (rps(x ?? undefined) === null || rps(y ?? undefined) === null) return null;
  const per = (x!.rounds ?? []).flatMap((v, r) => {
    const w = y!.rounds?.[r];
    return v !== null && v !== undefined && w ? [v / w] : [];
  });
  if (!per.length || !y!.rounds) return { median: rps(x!)! / rps(y!)!, min: rps(x!)! / rps(y!)!, max: rps(x!)! / rps(y!)! };
  return { median: median(per), min: Math.min(...per), max: Math.max(...per) };
}

/** A ratio as text; over a target that finished no request in its cells, "∞" with why (not "Infinity"). */
function ratioNumber(x: number): string {
  return Number.isFinite(x) ? x.toFixed(2) : "∞ (the other target finished no request in its cells)";
}

function ratioText(x: Cell | undefined, y: Cell | undefined, spread = true): string {
  const r = roundRatio(x, y);
  if (!r) return "–";
  if (!Number.isFinite(r.median)) return "∞";
  return spread && r.min !== r.max ? `${r.median.toFixed(2)}<br>${ratioNumber(r.min)}–${ratioNumber(r.max)}` : r.median.toFixed(2);
}

function describeCell(cell: Cell | undefined): string {
  if (!cell) return "–";
  if (cell.error) return `failed: ${cell.error.replaceAll("|", "/").slice(0, 80)}`;
  const calls = cell.storeCalls ? `<br>${cell.storeCalls.min === cell.storeCalls.max ? fmt(cell.storeCalls.min) : `${fmt(cell.storeCalls.min)}–${fmt(cell.storeCalls.max)}`} calls` : "";
  const failed = cell.failures ? `<br>**${cell.failures} failed**` : "";
  const measured = (cell.rounds ?? []).filter((r): r is number => r !== null && r !== undefined);
  const spread = measured.length > 1 ? ` (${fmt(Math.min(...measured))}–${fmt(Math.max(...measured))})` : "";
  // A cell in which no request finished has no latency to show (autocannon reports 0).
  const latency = cell.requestsPerSecond! > 0 ? `${fmt(cell.p50!)} / ${fmt(cell.p99!)} ms` : "no request finished within the cell";
  return `**${fmt(cell.requestsPerSecond!)}**/s${spread}<br>${latency}${calls}${failed}`;
}

function scaleTable(result: ScaleResult): string {
  const targets = TARGETS.filter((t) => result.cells.some((c) => c.target === t.id));
  const head = `| query | ${targets.map((t) => `(${t.id}) ${t.label}`).join(" | ")} | a/c | a/d |`;
  const rule = `|---|${targets.map(() => "---:").join("|")}|---:|---:|`;
  const rows = QUERIES.filter((q) => result.cells.some((c) => c.query === q.id)).map((q) => {
    const a = cellOf(result, "a", q.id);
    return `| ${q.id} ${q.title} | ${targets.map((t) => describeCell(cellOf(result, t.id, q.id))).join(" | ")} | ${ratioText(a, cellOf(result, "c", q.id))} | ${ratioText(a, cellOf(result, "d", q.id))} |`;
  });
  const load = [
    result.load.neo4j ? `Neo4j ${fmt(result.load.neo4j.nodes)} nodes + ${fmt(result.load.neo4j.relationships)} relationships in ${fmt(result.load.neo4j.seconds, 1)} s (${fmt(result.load.neo4j.rate)} nodes+rels/s)` : null,
    result.load.memory ? `embedded store in ${fmt(result.load.memory.seconds, 1)} s (${fmt(result.load.memory.rate)} nodes+rels/s)` : null,
  ].filter(Boolean);
  return [
    `### ${result.scale}: ${fmt(result.models)} models`,
    "",
    `Run ${result.at.slice(0, 16).replace("T", " ")} UTC, ${result.duration} s per cell and round at ${result.connections} connections, ${result.rounds ?? 1} rounds in a rotating target order; load average ${result.loadAverage.map((l) => l.toFixed(1)).join(" -> ")}. Loaded: ${load.join("; ")}.`,
    "",
    "Each cell: requests per second of the median round (the slowest–fastest round), its p50 / p99 latency, store calls per request (this API). a/c and a/d: req/s of (a) over (c) and over (d), the median of the per-round ratios (each from one round's pair), with their spread.",
    "",
    head,
    rule,
    ...rows,
    "",
  ].join("\n");
}

/** The targets of the issue, stated as met or not, from the numbers. */
function verdicts(results: Results): string {
  const scales = SCALE_ORDER.filter((s) => results.scales[s]);
  const lines: string[] = [];
  const check = (ok: boolean) => (ok ? "met" : "**not met**");
  for (const s of scales) {
    const r = results.scales[s];
    const measured = QUERIES.filter((q) => r.cells.some((c) => c.query === q.id));
    const pairs = (y: TargetId) => measured.map((q) => [q.id, roundRatio(cellOf(r, "a", q.id), cellOf(r, y, q.id))?.median ?? null] as const);
    const list = (xs: ReadonlyArray<readonly [string, number | null]>) => xs.map(([q, x]) => `${q} ${x === null ? "–" : Number.isFinite(x) ? `${x.toFixed(2)}x` : ratioNumber(x)}`).join(", ");
    const ac = pairs("c");
    const ad = pairs("d");
    const ma = measured.map((q) => [q.id, roundRatio(cellOf(r, "m", q.id), cellOf(r, "a", q.id))?.median ?? null] as const);
    lines.push(`- ${s}: a/c >= 1.0 on every query: ${check(ac.every(([, x]) => x !== null && x >= 1))} (${list(ac)}); ` +
      `a/d >= 0.5: ${check(ad.every(([, x]) => x === null || x >= 0.5))} (${list(ad)})` +
      (ma.some(([, x]) => x !== null) ? `; (m) at least as fast as (a): ${check(ma.every(([, x]) => x === null || x >= 1))} (m/a ${list(ma)}).` : "."));
  }
  const callsByQuery = QUERIES.map((q) => {
    const per = scales.map((s) => cellOf(results.scales[s], "a", q.id)?.storeCalls).filter((c): c is NonNullable<Cell["storeCalls"]> => !!c);
    const same = per.length > 1 && per.every((c) => c.min === per[0].min && c.max === per[0].max);
    return { q: q.id, same, text: per.map((c) => (c.min === c.max ? `${c.min}` : `${c.min}–${c.max}`)).join(" / ") };
  });
  if (scales.length > 1) {
    lines.push(`- Store calls per request of (a), the same at every scale (${scales.join(" / ")}): ${check(callsByQuery.every((c) => c.same))} (${callsByQuery.map((c) => `${c.q} ${c.text}`).join("; ")}).`);
  }
  if (results.lookup) {
    const l = results.lookup;
    lines.push(
      `- Embedded store, model lookup at 100k models no more than 1.5x slower than at 1k: ${check(l.lookupP50Ratio <= 1.5)} ` +
        `(model(slug) in-process p50 ${fmt(l.small.lookupP50Micros)} -> ${fmt(l.large.lookupP50Micros)} µs, ${l.lookupP50Ratio.toFixed(2)}x; ` +
        `Q1 p50 ${fmt(l.small.q1P50Micros)} -> ${fmt(l.large.q1P50Micros)} µs, ${l.q1P50Ratio.toFixed(2)}x; ` +
        `the bare store call getNodes ${l.small.getNodesMicros.toFixed(2)} -> ${l.large.getNodesMicros.toFixed(2)} µs, ${l.getNodesRatio.toFixed(2)}x).`,
    );
    const mS = results.scales.S ? cellOf(results.scales.S, "m", "Q1") : undefined;
    const mL = results.scales.L ? cellOf(results.scales.L, "m", "Q1") : undefined;
    if (mS?.p50 !== undefined && mL?.p50 !== undefined) {
      lines.push(`  Over HTTP at ${results.scales.L.connections} connections, Q1 on the embedded store: ${fmt(rps(mS) ?? 0)} req/s at S, ${fmt(rps(mL) ?? 0)} req/s at L (p50 ${mS.p50} -> ${mL.p50} ms).`);
    }
  }
  return lines.join("\n");
}

function markdown(results: Results): string {
  const m = results.machine;
  const v = results.versions;
  const scales = SCALE_ORDER.filter((s) => results.scales[s]);
  return [
    START,
    "",
    "## Results",
    "",
    m ? `Machine: ${m.cpus} CPUs (${m.cpuModel}), ${m.memoryGiB} GiB, ${m.os}; Neo4j, the target and autocannon share its cores, and other work on the machine adds noise (the load average is given per scale).` : "",
    `Versions: ${Object.entries(v).map(([k, x]) => `${k} ${x}`).join(", ")}.`,
    "",
    "![requests per second by query, target and scale](benchmarks.svg)",
    "",
    "### Targets",
    "",
    verdicts(results),
    "",
    ...scales.map((s) => scaleTable(results.scales[s])),
    END,
  ].join("\n");
}

const COLORS: Record<TargetId, string> = { a: "#1f77b4", b: "#aec7e8", c: "#ff7f0e", d: "#2ca02c", m: "#9467bd" };

/** Grouped bars of req/s (log scale), one panel per scale. */
function svgChart(results: Results): string {
  const scales = SCALE_ORDER.filter((s) => results.scales[s]);
  const targets = TARGETS.filter((t) => scales.some((s) => results.scales[s].cells.some((c) => c.target === t.id)));
  const panelW = 360;
  const panelH = 260;
  const left = 60;
  const top = 40;
  const width = left + scales.length * (panelW + 20) + 10;
  const height = top + panelH + 90;
  const values = scales.flatMap((s) => results.scales[s].cells.map((c) => rps(c) ?? 0)).filter((x) => x > 0);
  const maxExp = Math.ceil(Math.log10(Math.max(10, ...values)));
  const minExp = Math.max(0, Math.floor(Math.log10(Math.max(1, Math.min(...values, 10)))));
  const y = (v: number) => top + panelH - ((Math.log10(Math.max(v, 10 ** minExp)) - minExp) / (maxExp - minExp)) * panelH;
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="11">`,
    `<rect width="100%" height="100%" fill="white"/>`,
    `<text x="${left}" y="18" font-size="14" font-weight="bold">Requests per second (log scale), ${results.scales[scales[0]]?.connections ?? 16} connections</text>`,
  ];
  for (let e = minExp; e <= maxExp; e++) {
    out.push(`<line x1="${left}" x2="${width - 10}" y1="${y(10 ** e)}" y2="${y(10 ** e)}" stroke="#ddd"/>`);
    out.push(`<text x="${left - 6}" y="${y(10 ** e) + 4}" text-anchor="end">${fmt(10 ** e)}</text>`);
  }
  scales.forEach((s, p) => {
    const r = results.scales[s];
    const x0 = left + p * (panelW + 20);
    const queries = QUERIES.filter((q) => r.cells.some((c) => c.query === q.id));
    const groupW = panelW / queries.length;
    const barW = (groupW - 10) / targets.length;
    out.push(`<text x="${x0 + panelW / 2}" y="${top - 8}" text-anchor="middle" font-weight="bold">${s}: ${fmt(r.models)} models</text>`);
    queries.forEach((q, g) => {
      const gx = x0 + g * groupW + 5;
      targets.forEach((t, i) => {
        const v = rps(cellOf(r, t.id, q.id));
        if (v === null || v <= 0) return;
        out.push(`<rect x="${(gx + i * barW).toFixed(1)}" y="${y(v).toFixed(1)}" width="${(barW - 1).toFixed(1)}" height="${(top + panelH - y(v)).toFixed(1)}" fill="${COLORS[t.id]}"><title>${s} ${q.id} (${t.id}) ${t.label}: ${fmt(v)} req/s</title></rect>`);
      });
      out.push(`<text x="${gx + (groupW - 10) / 2}" y="${top + panelH + 14}" text-anchor="middle">${q.id}</text>`);
    });
    out.push(`<line x1="${x0}" x2="${x0 + panelW}" y1="${top + panelH}" y2="${top + panelH}" stroke="#333"/>`);
  });
  targets.forEach((t, i) => {
    const lx = left + (i % 3) * 260;
    const ly = top + panelH + 36 + Math.floor(i / 3) * 18;
    out.push(`<rect x="${lx}" y="${ly - 10}" width="12" height="12" fill="${COLORS[t.id]}"/><text x="${lx + 18}" y="${ly}">(${t.id}) ${t.label}</text>`);
  });
  out.push("</svg>");
  return `${out.join("\n")}\n`;
}

const SKELETON = `# Benchmarks

${START}
${END}
`;

export async function writeReport(results: Results, dir = DOCS): Promise<void> {
  const { JSON_FILE, MD_FILE, SVG_FILE } = files(dir);
  await mkdir(dir, { recursive: true });
  results.versions = { ...versions(), ...(results.versions.neo4j ? { neo4j: results.versions.neo4j } : {}) };
  await writeFile(JSON_FILE, `${JSON.stringify(results, null, 2)}\n`);
  let doc: string;
  try {
    doc = await readFile(MD_FILE, "utf8");
  } catch {
    doc = SKELETON;
  }
  const start = doc.indexOf(START);
  const end = doc.indexOf(END);
  if (start < 0 || end < 0) throw new Error(`${MD_FILE} lacks the results markers; put ${START} and ${END} where the results go`);
  await writeFile(MD_FILE, `${doc.slice(0, start)}${markdown(results)}${doc.slice(end + END.length)}`);
  await writeFile(SVG_FILE, svgChart(results));
}
