// Reads the seed data files (seed/*.json) into one GraphBatch, checking every record and reference.
import { readFile } from "node:fs/promises";
import path from "node:path";
import type { GraphBatch, NodeRecord, NodeRef, Properties, RelationshipRecord } from "../domain/graph.js";
import { uidOf } from "../domain/graph.js";
import { MODEL_KINDS, ORGANIZATION_KINDS, SOURCE_KINDS, type NodeKind, type RelationshipType } from "../domain/kinds.js";
import { MODEL_DIMENSIONS } from "../domain/model-stats.js";
import { SLUG_PATTERN as SLUG } from "../domain/slug.js";
import { Reader, SeedError } from "./reader.js";

export const SEED_FILES = ["sources", "countries", "organizations", "models", "benchmarks", "indicators", "reports"] as const;

const COUNTRY_CODE = /^[A-Z]{2}$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Collects nodes and relationships while it reads, and checks references once everything is read. */
class BatchBuilder {
  readonly nodes = new Map<string, NodeRecord>();
  readonly relationships: RelationshipRecord[] = [];
  private readonly references: Array<{ reader: Reader; ref: NodeRef }> = [];

  node(reader: Reader, kind: NodeKind, key: string, props: Properties): NodeRef {
    const ref = { kind, key };
    if (this.nodes.has(uidOf(ref))) reader.problem(`duplicate ${kind} '${key}'`);
    this.nodes.set(uidOf(ref), { kind, key, props });
    for (const slug of props.sources as string[]) this.expect(reader, { kind: "Source", key: slug });
    return ref;
  }

  rel(reader: Reader, type: RelationshipType, from: NodeRef, to: NodeRef, props: Properties, key = ""): void {
    this.expect(reader, to);
    for (const slug of props.sources as string[]) this.expect(reader, { kind: "Source", key: slug });
    this.relationships.push({ type, from, to, key, props });
  }

  expect(reader: Reader, ref: NodeRef): void {
    this.references.push({ reader, ref });
  }

  checkReferences(): void {
    for (const { reader, ref } of this.references) {
      if (!this.nodes.has(uidOf(ref))) reader.problem(`unknown ${ref.kind} '${ref.key}'`);
    }
  }
}

/** Sources of a record: required and non-empty. */
function sourcesOf(r: Reader): string[] {
  const sources = r.strings("sources");
  if (sources.length === 0) r.problem("a record needs at least one source in `sources`");
  return sources;
}

/** Sources of a relationship entry, or of its record when the entry names none. */
function relSources(entry: Reader, record: string[], field = "sources"): string[] {
  const own = entry.strings(field);
  return own.length > 0 ? own : record;
}

function names(r: Reader, nameField = "name"): Properties {
  return { name: r.str(nameField), nameKo: r.optStr("nameKo") ?? r.optStr("titleKo"), aliases: r.strings("aliases") };
}

/**
 * A `{ value, sources }` fact: the value, and `<field>Sources` for its own provenance. An absent fact
 * writes nothing, so seeding never erases what another source (an import) knows.
 */
function fact(r: Reader, field: string, read: (f: Reader) => string | number | null): Properties {
  const f = r.optObject(field);
  if (!f) return {};
  return { [field]: read(f), [`${field}Sources`]: sourcesOf(f) };
}

const readers: Record<(typeof SEED_FILES)[number], (r: Reader, b: BatchBuilder) => void> = {
  // A source carries the title a document gives itself, or else a description that says what it
  // is (never a title made up for it); one known only through another names it in `reportedIn`,
  // which is also where what the graph knows of it comes from (its `sources`).
  sources(r, b) {
    const title = r.optStr("title");
    const description = r.optStr("description");
    if (title === null && description === null) r.problem("a source needs its own `title` or, when no source gives one, a `description`");
    const reportedIn = r.strings("reportedIn");
    b.node(r, "Source", r.str("slug", SLUG), {
        name: title ?? description ?? "",
        title,
        description,
        nameKo: null,
        aliases: [],
        sourceKind: r.oneOf("kind", SOURCE_KINDS),
        publisher: r.str("publisher"),
        url: r.optStr("url"),
        date: r.optStr("date", ISO_DATE),
        language: r.str("language"),
        reportedIn,
        sources: reportedIn,
    });
  },
  countries(r, b) {
    b.node(r, "Country", r.str("code", COUNTRY_CODE), { ...names(r), sources: sourcesOf(r) });
  },
  organizations(r, b) {
    const sources = sourcesOf(r);
    const org = b.node(r, "Organization", r.str("slug", SLUG), { ...names(r), orgKind: r.oneOf("kind", ORGANIZATION_KINDS), sources });
    const country = r.optObject("country");
    if (country) b.rel(country, "HEADQUARTERED_IN", org, { kind: "Country", key: country.str("code", COUNTRY_CODE) }, { sources: relSources(country, sources) });
  },
  models(r, b) {
    const sources = sourcesOf(r);
    const model = b.node(r, "Model", r.str("slug", SLUG), {
      ...names(r),
      modelKind: r.oneOf("modelKind", MODEL_KINDS),
      ...fact(r, "releaseDate", (f) => f.str("value", ISO_DATE)),
      ...fact(r, "trainingCostUsd", (f) => f.num("value")),
      sources,
    });
    r.list("developers").forEach((d, order) =>
      b.rel(d, "DEVELOPED_BY", model, { kind: "Organization", key: d.str("slug", SLUG) }, { order, sources: relSources(d, sources) }),
    );
    const country = r.optObject("country");
    if (country) b.rel(country, "ORIGINATES_IN", model, { kind: "Country", key: country.str("code", COUNTRY_CODE) }, { sources: relSources(country, sources) });
  },
  benchmarks(r, b) {
    const sources = sourcesOf(r);
    const benchmark = b.node(r, "Benchmark", r.str("slug", SLUG), {
      ...names(r),
      description: r.optStr("description"),
      unit: r.optStr("unit"),
      ...fact(r, "humanBaseline", (f) => f.num("value")),
      sources,
    });
    for (const res of r.list("results")) {
      const model = { kind: "Model" as const, key: res.str("model", SLUG) };
      b.expect(res, model);
      b.rel(res, "SCORED", model, benchmark, { score: res.num("score"), unit: res.optStr("unit"), sources: relSources(res, sources) });
    }
  },
  indicators(r, b) {
    const sources = sourcesOf(r);
    const indicator = b.node(r, "Indicator", r.str("slug", SLUG), {
      ...names(r),
      unit: r.str("unit"),
      description: r.optStr("description"),
      ...definitionOf(r.optObject("definition"), b),
      sources,
    });
    for (const o of r.list("observations")) {
      const subject: NodeRef | null = o.has("country")
        ? { kind: "Country", key: o.str("country", COUNTRY_CODE) }
        : o.has("organization")
          ? { kind: "Organization", key: o.str("organization", SLUG) }
          : null;
      if (!subject) {
        o.problem("an observation needs a `country` or an `organization`");
        continue;
      }
      const year = o.num("year", true);
      const props = { year, value: o.num("value"), rank: o.optNum("rank", true), sources: relSources(o, sources) };
      b.rel(o, "OBSERVED", indicator, subject, props, String(year));
    }
  },
  reports(r, b) {
    const sources = sourcesOf(r);
    const scope = r.optObject("scope");
    const report = b.node(r, "Report", r.str("slug", SLUG), {
      ...names(r, "title"),
      date: r.optStr("date", ISO_DATE),
      url: r.optStr("url"),
      scopeModelKind: scope ? scope.oneOf("modelKind", MODEL_KINDS) : null,
      scopeReleasedFrom: scope?.optStr("releasedFrom", ISO_DATE) ?? null,
      scopeReleasedTo: scope?.optStr("releasedTo", ISO_DATE) ?? null,
      scopeInclusionsComplete: scope ? scope.bool("inclusionsComplete") : false,
      scopeCountedBy: scope?.optStr("countedBy", SLUG) ?? null,
      scopeNote: scope?.optStr("note") ?? null,
      scopeSources: scope ? sourcesOf(scope) : [],
      sources,
    });
    if (scope?.has("countedBy")) b.expect(scope, { kind: "Indicator", key: scope.str("countedBy", SLUG) });
    const publisher = r.optObject("publisher");
    if (publisher) b.rel(publisher, "PUBLISHED_BY", report, { kind: "Organization", key: publisher.str("slug", SLUG) }, { sources: relSources(publisher, sources) });
    for (const inc of r.list("includes")) {
      b.rel(inc, "INCLUDES", report, { kind: "Model", key: inc.str("model", SLUG) }, { sources: relSources(inc, sources) });
    }
    for (const om of r.list("omissions")) {
      const claimedBy = om.strings("claimedBy");
      if (claimedBy.length === 0) om.problem("an omission needs the sources that claim it in `claimedBy`");
      b.rel(om, "OMITS", report, { kind: "Model", key: om.str("model", SLUG) }, { basis: "CLAIMED", note: om.optStr("note"), sources: claimedBy });
    }
  },
};

/**
 * An indicator's definition (domain/indicator-definition.ts): which source's models it counts, with
 * which filter, by which dimension per kind of subject. Its `listedBy` names a dataset source that
 * an import writes, so it is not checked against the seed's sources; its own `sources` are.
 */
function definitionOf(d: Reader | null, b: BatchBuilder): Properties {
  if (!d) return {};
  const sources = sourcesOf(d);
  for (const slug of sources) b.expect(d, { kind: "Source", key: slug });
  const notable = d.has("notable") ? d.bool("notable") : null;
  return {
    definitionCounts: d.str("counts"),
    definitionListedBy: d.str("listedBy", SLUG),
    definitionNotable: notable,
    definitionByCountry: d.has("byCountry") ? d.oneOf("byCountry", MODEL_DIMENSIONS) : null,
    definitionByOrganization: d.has("byOrganization") ? d.oneOf("byOrganization", MODEL_DIMENSIONS) : null,
    definitionNote: d.optStr("note"),
    definitionSources: sources,
  };
}

/** Reads and checks every seed file of `dir`; throws a SeedError listing every problem found. */
export async function loadSeed(dir: string): Promise<GraphBatch> {
  const problems: string[] = [];
  const builder = new BatchBuilder();
  for (const file of SEED_FILES) {
    const where = path.join(path.basename(dir), `${file}.json`);
    let parsed: unknown;
    try {
      parsed = JSON.parse(await readFile(path.join(dir, `${file}.json`), "utf8"));
    } catch (error) {
      problems.push(`${where}: ${(error as Error).message}`);
      continue;
    }
    for (const record of Reader.root(parsed, where, problems)) readers[file](record, builder);
  }
  builder.checkReferences();
  if (problems.length > 0) throw new SeedError(problems);
  return { nodes: [...builder.nodes.values()], relationships: builder.relationships };
}
