// A deterministic synthetic graph in the shape of the real one, for load tests and benchmarks:
// about 200 countries, N/10 organizations, N models with developers, dependencies and benchmark
// results, indicators observed over ten years, and reports that include a slice of the models of
// their scope and are said to omit some. Every fact cites a generated SYNTHETIC source, never a real
// one, so that nothing generated can pass for a fact (and `kg generate` can tell a store it wrote).
// The same options always give the same graph, batch for batch.
import type { GraphBatch, NodeRecord, NodeRef, Properties, RelationshipRecord } from "../domain/graph.js";
import type { NodeKind, RelationshipType } from "../domain/kinds.js";
import { slugify } from "../domain/slug.js";
import { COUNTRIES } from "./countries.js";
import { syllablesFor, wordOf } from "./names.js";
import { Rng } from "./prng.js";

export interface GenerateOptions {
  /** Number of models; organizations are a tenth of it. */
  models: number;
  seed?: number;
}

export const DEFAULT_SEED = 1;

/** How many nodes of each kind a graph of these options holds. */
export interface GeneratedCounts {
  Source: number;
  Country: number;
  Organization: number;
  Model: number;
  Benchmark: number;
  Indicator: number;
  Report: number;
}

export type GeneratedItem = { node: NodeRecord } | { rel: RelationshipRecord };

const DATASET_SOURCES = 10;
/** The generator's own source: its presence marks a store that `kg generate` wrote. */
export const GENERATOR_SOURCE = "synthetic-curation";
const CURATION_SOURCE = GENERATOR_SOURCE;
const FIRST_YEAR = 2015;
const YEARS = 10;
/** The release years of generated models (the benchmark asks for one of them at a time). */
export const MODEL_YEARS = [2014, 2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024];
const ORG_KINDS = ["COMPANY", "COMPANY", "COMPANY", "RESEARCH_LAB", "ACADEMIC", "GOVERNMENT", "NONPROFIT"] as const;
const ORG_SUFFIXES = ["AI", "Labs", "Research", "Systems", "Intelligence", "Technologies"];
const COUNTRY_INDICATORS = [
  ["ai-patents-per-100k", "AI patents per 100,000 inhabitants", "patents per 100,000 inhabitants"],
  ["ai-talent-concentration", "AI talent concentration", "% of LinkedIn members"],
  ["ai-talent-migration", "Net AI talent migration", "per 10,000 LinkedIn members"],
  ["ai-private-investment", "Private investment in AI", "USD"],
  ["ai-publications", "AI publications", "publications"],
  ["ai-compute-capacity", "AI compute capacity", "petaFLOPS"],
  ["ai-job-postings", "AI job postings", "% of job postings"],
] as const;
const ORGANIZATION_INDICATOR = ["ai-papers-published", "AI papers published", "papers"] as const;
/** Organizations observed by the organization indicator (the first ones, the biggest). */
const OBSERVED_ORGANIZATIONS = 100;

function pad(n: number, width: number): string {
  return String(n).padStart(width, "0");
}

function dateIn(rng: Rng, year: number): string {
  return `${year}-${pad(rng.int(1, 12), 2)}-${pad(rng.int(1, 28), 2)}`;
}

const ref = (kind: NodeKind, key: string): NodeRef => ({ kind, key });

export class SyntheticGraph {
  readonly seed: number;
  readonly counts: GeneratedCounts;
  private readonly orgSyllables: number;
  private readonly modelSyllables: number;

  constructor(options: GenerateOptions) {
    if (!Number.isInteger(options.models) || options.models < 1) throw new RangeError("models must be a positive integer");
    this.seed = options.seed ?? DEFAULT_SEED;
    const models = options.models;
    this.counts = {
      Source: DATASET_SOURCES + 1,
      Country: COUNTRIES.length,
      Organization: Math.max(1, Math.round(models / 10)),
      Model: models,
      Benchmark: Math.max(10, Math.round(Math.sqrt(models))),
      Indicator: COUNTRY_INDICATORS.length + 1,
      Report: Math.max(3, Math.round(models / 2000)),
    };
    this.orgSyllables = syllablesFor(this.counts.Organization, 2);
    this.modelSyllables = syllablesFor(models, 3);
  }

  get nodeCount(): number {
    return Object.values(this.counts).reduce((a, b) => a + b, 0);
  }

  // Keys by index: what a benchmark needs to vary its arguments over the generated graph.

  countryKey(i: number): string {
    return COUNTRIES[i][0];
  }
  organizationName(i: number): string {
    const word = wordOf(i, this.orgSyllables, this.seed, "organization").latin;
    return `${word} ${ORG_SUFFIXES[i % ORG_SUFFIXES.length]}`;
  }
  organizationKey(i: number): string {
    return slugify(this.organizationName(i));
  }
  modelWord(i: number): string {
    return wordOf(i, this.modelSyllables, this.seed, "model").latin;
  }
  modelName(i: number): string {
    return `${this.modelWord(i)} ${1 + (i % 4)}`;
  }
  modelKey(i: number): string {
    return slugify(this.modelName(i));
  }
  benchmarkKey(i: number): string {
    return `${slugify(wordOf(i, 2, this.seed, "benchmark").latin)}-bench`;
  }
  reportKey(i: number): string {
    return slugify(this.reportName(i));
  }
  private reportName(i: number): string {
    return `${wordOf(i, 2, this.seed, "report").latin} AI Index ${this.reportYear(i)}`;
  }
  /** The release year a report's scope covers. */
  reportYear(i: number): number {
    return MODEL_YEARS[1 + (i % (MODEL_YEARS.length - 1))];
  }
  /** Whether a report says its inclusions are complete (so that in-scope omissions are inferred). */
  reportComplete(i: number): boolean {
    return i % 2 === 0;
  }
  private datasetSource(i: number): string {
    return `synthetic-dataset-${pad(1 + (i % DATASET_SOURCES), 2)}`;
  }

  /** Nodes and relationships in an order where every relationship comes after both its ends. */
  *items(): Generator<GeneratedItem> {
    for (let i = 0; i < DATASET_SOURCES; i++) yield { node: this.datasetSourceNode(i) };
    yield { node: this.curationSourceNode() };
    for (let i = 0; i < this.counts.Country; i++) yield { node: this.countryNode(i) };
    for (let i = 0; i < this.counts.Organization; i++) yield* this.organization(i);
    for (let i = 0; i < this.counts.Benchmark; i++) yield { node: this.benchmarkNode(i) };
    /** Foundation models by release year: the reports' scopes. */
    const foundationByYear = new Map<number, number[]>();
    for (let i = 0; i < this.counts.Model; i++) {
      const { items, foundation, year } = this.model(i);
      yield* items;
      if (foundation) {
        const list = foundationByYear.get(year) ?? [];
        list.push(i);
        foundationByYear.set(year, list);
      }
    }
    yield* this.indicators();
    for (let i = 0; i < this.counts.Report; i++) yield* this.report(i, foundationByYear.get(this.reportYear(i)) ?? []);
  }

  /** The items in write batches of at most `nodesPerBatch` nodes and 5x as many relationships. */
  *batches(nodesPerBatch = 2000): Generator<GraphBatch> {
    let batch: GraphBatch = { nodes: [], relationships: [] };
    for (const item of this.items()) {
      if ("node" in item) batch.nodes.push(item.node);
      else batch.relationships.push(item.rel);
      if (batch.nodes.length >= nodesPerBatch || batch.relationships.length >= nodesPerBatch * 5) {
        yield batch;
        batch = { nodes: [], relationships: [] };
      }
    }
    if (batch.nodes.length > 0 || batch.relationships.length > 0) yield batch;
  }

  private rel(type: RelationshipType, from: NodeRef, to: NodeRef, props: Properties, key = ""): GeneratedItem {
    return { rel: { type, from, to, key, props } };
  }

  private datasetSourceNode(i: number): NodeRecord {
    return {
      kind: "Source",
      key: this.datasetSource(i),
      props: {
        name: `Synthetic AI actors dataset, part ${i + 1}`,
        aliases: [],
        sourceKind: "SYNTHETIC",
        publisher: "AI Actors Graph generator",
        date: `2024-${pad(1 + i, 2)}-01`,
        language: "en",
        sources: [],
      },
    };
  }

  private curationSourceNode(): NodeRecord {
    return {
      kind: "Source",
      key: CURATION_SOURCE,
      props: { name: "Synthetic curation", aliases: [], sourceKind: "SYNTHETIC", publisher: "AI Actors Graph generator", date: "2024-12-31", language: "en", sources: [] },
    };
  }

  private countryNode(i: number): NodeRecord {
    const [code, name, nameKo] = COUNTRIES[i];
    const props: Properties = { name, aliases: [], sources: [this.datasetSource(i), CURATION_SOURCE] };
    if (nameKo) props.nameKo = nameKo;
    return { kind: "Country", key: code, props };
  }

  /**
   * An organization's stream of draws, its headquarters country already drawn (the first draw), so
   * that a model can learn its developer's country without building the organization.
   */
  private organizationDraws(i: number): { rng: Rng; country: number } {
    const rng = Rng.of(this.seed, "organization", i);
    return { rng, country: rng.skewed(this.counts.Country, 3) };
  }

  private *organization(i: number): Generator<GeneratedItem> {
    const { rng, country } = this.organizationDraws(i);
    const key = this.organizationKey(i);
    const word = wordOf(i, this.orgSyllables, this.seed, "organization");
    const props: Properties = { name: this.organizationName(i), aliases: [word.latin], orgKind: rng.pick(ORG_KINDS), sources: [this.datasetSource(i)] };
    if (this.countryKey(country) === "KR" || rng.chance(0.05)) props.nameKo = word.hangul;
    yield { node: { kind: "Organization", key, props } };
    yield this.rel("HEADQUARTERED_IN", ref("Organization", key), ref("Country", this.countryKey(country)), { sources: [CURATION_SOURCE] });
  }

  private benchmarkNode(i: number): NodeRecord {
    const rng = Rng.of(this.seed, "benchmark", i);
    const word = wordOf(i, 2, this.seed, "benchmark").latin;
    const props: Properties = {
      name: `${word} Bench`,
      aliases: [word.toUpperCase()],
      description: `Synthetic benchmark ${i + 1}.`,
      unit: "%",
      sources: [this.datasetSource(i)],
    };
    if (rng.chance(0.6)) {
      props.humanBaseline = rng.int(600, 950) / 10;
      props.humanBaselineSources = [this.datasetSource(i)];
    }
    return { kind: "Benchmark", key: this.benchmarkKey(i), props };
  }

  /** A model with its developers, own country, dependencies (on earlier models) and results. */
  private model(i: number): { items: GeneratedItem[]; foundation: boolean; year: number } {
    const rng = Rng.of(this.seed, "model", i);
    const key = this.modelKey(i);
    const self = ref("Model", key);
    const year = MODEL_YEARS[rng.skewed(MODEL_YEARS.length, 0.6)];
    const foundation = rng.chance(0.4);
    const source = this.datasetSource(i);
    const props: Properties = {
      name: this.modelName(i),
      aliases: [`${this.modelWord(i)}-${1 + (i % 4)}`],
      modelKind: foundation ? "FOUNDATION" : "NOTABLE",
      releaseDate: dateIn(rng, year),
      releaseDateSources: [CURATION_SOURCE],
      sources: [source],
    };
    if (rng.chance(0.3)) {
      props.trainingCostUsd = Math.round(10 ** (4 + rng.next() * 4.5));
      props.trainingCostUsdSources = [source];
    }
    const developers = rng.distinct(this.counts.Organization, rng.chance(0.15) ? 2 : 1, () => rng.skewed(this.counts.Organization, 2));
    const firstCountry = this.organizationDraws(developers[0]).country;
    if (this.countryKey(firstCountry) === "KR" || rng.chance(0.03)) props.nameKo = `${wordOf(i, this.modelSyllables, this.seed, "model").hangul} ${1 + (i % 4)}`;

    const items: GeneratedItem[] = [{ node: { kind: "Model", key, props } }];
    developers.forEach((org, order) =>
      items.push(this.rel("DEVELOPED_BY", self, ref("Organization", this.organizationKey(org)), { order, sources: [source] })),
    );
    if (rng.chance(0.25)) {
      const own = rng.chance(0.8) ? firstCountry : rng.skewed(this.counts.Country, 3);
      items.push(this.rel("ORIGINATES_IN", self, ref("Country", this.countryKey(own)), { sources: [source] }));
    }
    if (i > 0) {
      // Dependencies on earlier models, mostly recent ones (fine-tunes, distillations, merges).
      const dependencies = rng.distinct(i, rng.int(0, 5), () => i - 1 - rng.skewed(i, 2));
      for (const d of dependencies) items.push(this.rel("DEPENDS_ON", self, ref("Model", this.modelKey(d)), { sources: [source] }));
    }
    const benchmarks = rng.distinct(this.counts.Benchmark, rng.int(0, 4), () => rng.skewed(this.counts.Benchmark, 1.5));
    for (const b of benchmarks) {
      const score = Math.round((20 + (year - 2014) * 5 + rng.next() * 30) * 10) / 10;
      items.push(this.rel("SCORED", self, ref("Benchmark", this.benchmarkKey(b)), { score, unit: "%", sources: [source] }));
    }
    return { items, foundation, year };
  }

  /** Indicators and their observations: every country each year, and the biggest organizations. */
  private *indicators(): Generator<GeneratedItem> {
    const countries = Array.from({ length: this.counts.Country }, (_, c) => ref("Country", this.countryKey(c)));
    for (const [n, [slug, name, unit]] of COUNTRY_INDICATORS.entries()) {
      yield* this.indicator(slug, name, unit, this.datasetSource(n), countries);
    }
    const organizations = Array.from({ length: Math.min(OBSERVED_ORGANIZATIONS, this.counts.Organization) }, (_, o) =>
      ref("Organization", this.organizationKey(o)),
    );
    const [slug, name, unit] = ORGANIZATION_INDICATOR;
    yield* this.indicator(slug, name, unit, this.datasetSource(COUNTRY_INDICATORS.length), organizations);
  }

  private *indicator(slug: string, name: string, unit: string, source: string, subjects: NodeRef[]): Generator<GeneratedItem> {
    const rng = Rng.of(this.seed, "indicator", slug);
    yield { node: { kind: "Indicator", key: slug, props: { name, aliases: [], unit, description: `${name} (synthetic).`, sources: [source] } } };
    const base = subjects.map((_, s) => 100 / (1 + s) ** 0.8 * (0.5 + rng.next()));
    for (let y = 0; y < YEARS; y++) {
      const year = FIRST_YEAR + y;
      const values = base.map((b) => Math.round(b * 1.15 ** y * (0.8 + rng.next() * 0.4) * 100) / 100);
      const order = values.map((v, s) => [v, s] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
      const rank = new Map(order.map(([, s], r) => [s, r + 1]));
      for (const [s, subject] of subjects.entries()) {
        yield this.rel("OBSERVED", ref("Indicator", slug), subject, { year, value: values[s], rank: rank.get(s)!, sources: [source] }, String(year));
      }
    }
  }

  /** A report on the foundation models of one year: it includes about 70 % of them and is said to omit some of the rest. */
  private *report(i: number, inScope: readonly number[]): Generator<GeneratedItem> {
    const rng = Rng.of(this.seed, "report", i);
    const key = this.reportKey(i);
    const year = this.reportYear(i);
    const source = this.datasetSource(i);
    const complete = this.reportComplete(i);
    yield {
      node: {
        kind: "Report",
        key,
        props: {
          name: this.reportName(i),
          aliases: [],
          date: `${year + 1}-04-15`,
          scopeModelKind: "FOUNDATION",
          scopeReleasedFrom: `${year}-01-01`,
          scopeReleasedTo: `${year}-12-31`,
          scopeInclusionsComplete: complete,
          scopeNote: `Foundation models released in ${year}${complete ? "; the report says its list is complete." : "."}`,
          scopeSources: [source],
          sources: [source],
        },
      },
    };
    const self = ref("Report", key);
    yield this.rel("PUBLISHED_BY", self, ref("Organization", this.organizationKey(rng.skewed(this.counts.Organization, 2))), { sources: [source] });
    let claimed = 0;
    for (const m of inScope) {
      const model = ref("Model", this.modelKey(m));
      if (rng.chance(0.7)) yield this.rel("INCLUDES", self, model, { sources: [source] });
      else if (rng.chance(0.15) || claimed === 0) {
        claimed++;
        yield this.rel("OMITS", self, model, { basis: "CLAIMED", note: "Said to be left out (synthetic).", sources: [CURATION_SOURCE] });
      }
    }
  }
}
