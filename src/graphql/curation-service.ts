// The curation service: for each mutation, reads what the write refers to (one getNodes call, then
// the relationships the rule needs), refuses unknown references naming the input field, builds the
// batch (domain/curation.ts) and writes it with ONE store write, all or nothing, carrying the rules
// the store checks inside the write's transaction. When what the batch was built on changed before
// the write ran (a concurrent write), it reads again and rebuilds, a bounded number of times.
import {
  citation,
  claimOmission,
  curationSourceKey,
  CurationError,
  movedError,
  type CurationWrite,
  recordBenchmarkResult,
  recordObservation,
  setReportInclusion,
  upsertModel,
  upsertOrganization,
  type Citation,
  type Related,
} from "../domain/curation.js";
import type { GraphBatch, NodeRecord, NodeRef, Properties } from "../domain/graph.js";
import { withoutNulls } from "../domain/graph.js";
import type { RelationName } from "../domain/relations.js";
import { PreconditionFailedError, type GraphStore } from "../store/port.js";
import { badUserInput, forbidden, serviceUnavailable } from "./errors.js";
import type { BenchmarkResultInput, ModelInput, ObservationInput, OmissionClaimInput, OrganizationInput, ReportInclusionInput } from "./types/curation-inputs.js";

/** Reads of one parent's relationships for a rule: wide enough for any real parent. */
const LOOKUP_WINDOW = { after: null, limit: 10_000 };

/**
 * How many times a mutation is built and written when concurrent writes keep changing what it was
 * built on: each retry follows a write that landed, so this many concurrent writers of one fact
 * all land.
 */
const MAX_ATTEMPTS = 16;

let lastWriteTime = 0;

/**
 * The time a write stamps on the values it supersedes, strictly increasing within the process, so
 * that a fact's history reads in the order its writes landed even when two land in one millisecond
 * (a write that lands read after every earlier write of the fact: the UNCHANGED rule).
 */
function writeTime(): string {
  lastWriteTime = Math.max(Date.now(), lastWriteTime + 1);
  return new Date(lastWriteTime).toISOString();
}

/** What it was built on changed before the write ran: read again and rebuild. */
class Stale extends Error {}

/** A node a write refers to, and the input field that names it. */
interface Reference {
  ref: NodeRef;
  field: string;
}

/** Properties after a merge, as both stores apply it: new values win, null removes. */
function merged(existing: Properties | null, props: Properties): Properties {
  return withoutNulls({ ...(existing ?? {}), ...props });
}

export class CurationService {
  constructor(
    private readonly store: GraphStore,
    private readonly curator: string,
  ) {}

  /** Upserts a model and its developer (and own country). Returns the model as stored. */
  async upsertModel(input: ModelInput): Promise<NodeRecord> {
    const country = input.countryCode?.toUpperCase() ?? null;
    await this.retrying(async () => {
      const [model, c] = await this.read(input.sourceSlug, [
        { ref: { kind: "Model", key: input.slug }, field: "" },
        { ref: { kind: "Organization", key: input.organizationSlug }, field: "input.organizationSlug" },
        ...(country ? [{ ref: { kind: "Country" as const, key: country }, field: "input.countryCode" }] : []),
      ]);
      const [developers, own] = model ? await Promise.all([this.related("model-developers", input.slug), this.related("model-own-country", input.slug)]) : [[], []];
      await this.write(() => upsertModel({ ...input, countryCode: country }, { model, developers, ownCountry: own[0] ?? null }, c));
    });
    return this.reread({ kind: "Model", key: input.slug });
  }

  /** Upserts an organization (and its headquarters country). Returns it as stored. */
  async upsertOrganization(input: OrganizationInput): Promise<NodeRecord> {
    const country = input.countryCode?.toUpperCase() ?? null;
    await this.retrying(async () => {
      const [organization, c] = await this.read(input.sourceSlug, [
        { ref: { kind: "Organization", key: input.slug }, field: "" },
        ...(country ? [{ ref: { kind: "Country" as const, key: country }, field: "input.countryCode" }] : []),
      ]);
      const [hq] = organization ? await this.related("organization-country", input.slug) : [];
      await this.write(() => upsertOrganization({ ...input, countryCode: country }, { organization, country: hq ?? null }, c));
    });
    return this.reread({ kind: "Organization", key: input.slug });
  }

  /** Records a model's score on a benchmark. Returns the relationship's properties as stored. */
  async recordBenchmarkResult(input: BenchmarkResultInput): Promise<Properties> {
    return this.retrying(async () => {
      const [, c] = await this.read(input.sourceSlug, [
        { ref: { kind: "Model", key: input.modelSlug }, field: "input.modelSlug" },
        { ref: { kind: "Benchmark", key: input.benchmarkSlug }, field: "input.benchmarkSlug" },
      ]);
      const existing = (await this.related("model-benchmark-results", input.modelSlug)).find((r) => r.key === input.benchmarkSlug)?.rel ?? null;
      const written = await this.write(() => recordBenchmarkResult(input, existing, c));
      return merged(existing, written.relationships[0].props);
    });
  }

  /** Records an indicator's value for a country or an organization in a year. */
  async recordObservation(input: ObservationInput): Promise<{ subject: NodeRef; props: Properties }> {
    const subject = this.subjectOf(input);
    return this.retrying(async () => {
      const [, c] = await this.read(input.sourceSlug, [
        { ref: { kind: "Indicator", key: input.indicatorSlug }, field: "input.indicatorSlug" },
        { ref: subject, field: subject.kind === "Country" ? "input.countryCode" : "input.organizationSlug" },
      ]);
      const sameYear = await this.related("indicator-observations", input.indicatorSlug, { year: input.year });
      const existing = sameYear.find((r) => r.kind === subject.kind && r.key === subject.key)?.rel ?? null;
      const written = await this.write(() => recordObservation({ ...input, subject }, existing, c));
      return { subject, props: merged(existing, written.relationships[0].props) };
    });
  }

  /** Records that a report includes a model. Returns the report as stored. */
  async setReportInclusion(input: ReportInclusionInput): Promise<NodeRecord> {
    await this.retrying(async () => {
      const [report, c] = await this.read(input.sourceSlug, [
        { ref: { kind: "Report", key: input.reportSlug }, field: "input.reportSlug" },
        { ref: { kind: "Model", key: input.modelSlug }, field: "input.modelSlug" },
      ]);
      const existing = (await this.related("model-included-in", input.modelSlug)).find((r) => r.key === input.reportSlug)?.rel ?? null;
      await this.write(() => setReportInclusion(input, report!, existing, c)); // report: checked by read()
    });
    return this.reread({ kind: "Report", key: input.reportSlug });
  }

  /** Records a source's claim that a report left a model out. Returns the claim's properties as stored. */
  async claimOmission(input: OmissionClaimInput): Promise<Properties> {
    const [, c] = await this.read(input.sourceSlug, [
      { ref: { kind: "Report", key: input.reportSlug }, field: "input.reportSlug" },
      { ref: { kind: "Model", key: input.modelSlug }, field: "input.modelSlug" },
    ]);
    const existing = (await this.related("model-omitted-from", input.modelSlug)).find((r) => r.key === input.reportSlug)?.rel ?? null;
    const written = await this.write(() => claimOmission(input, existing, c));
    return merged(existing, written.relationships[0].props);
  }

  private subjectOf(input: ObservationInput): NodeRef {
    const country = input.countryCode?.toUpperCase();
    if (country && input.organizationSlug) throw badUserInput("give either countryCode or organizationSlug, not both", "input.countryCode");
    if (country) return { kind: "Country", key: country };
    if (input.organizationSlug) return { kind: "Organization", key: input.organizationSlug };
    throw badUserInput("an observation needs a countryCode or an organizationSlug", "input.countryCode");
  }

  /**
   * Reads, in one store call, every node the input refers to (and the cited source), refusing
   * unknown ones; a reference without a field is the entity being upserted, which may be new.
   * Returns the first reference's node.
   */
  private async read(sourceSlug: string | null | undefined, references: Reference[]): Promise<[NodeRecord | null, Citation]> {
    const all = sourceSlug ? [...references, { ref: { kind: "Source" as const, key: sourceSlug }, field: "input.sourceSlug" }] : references;
    const found = await this.store.getNodes(all.map((r) => r.ref));
    all.forEach((r, i) => {
      if (r.field && !found[i]) throw badUserInput(`there is no ${r.ref.kind.toLowerCase()} '${r.ref.key}'`, r.field);
    });
    const source = sourceSlug ? found[all.length - 1] : null;
    if (source?.props.sourceKind === "CURATION" && source.key !== curationSourceKey(this.curator)) {
      // A curation source speaks for one curator; citing it would put words in their mouth.
      throw forbidden(`'${source.key}' is another curator's source; cite your own evidence, or none to cite '${curationSourceKey(this.curator)}'`);
    }
    return [found[0], citation(this.curator, sourceSlug, writeTime())];
  }

  private async related(relation: RelationName, key: string, filter: { year?: number } | null = null): Promise<Array<Related & { kind: string }>> {
    const [page] = await this.store.related(relation, [key], filter, LOOKUP_WINDOW);
    return page.items.map((item) => ({ kind: item.node.kind, key: item.node.key, rel: item.rel }));
  }

  /**
   * Builds the batch (refusing what the domain refuses, naming the field) and writes it once with
   * its rules. A rule the store found broken inside the transaction is refused as the domain
   * refuses it when it sees the same before writing; a changed read throws Stale.
   */
  private async write(build: () => GraphBatch | CurationWrite): Promise<GraphBatch> {
    try {
      const built = build();
      const { batch, preconditions } = "batch" in built ? built : { batch: built, preconditions: [] };
      await this.store.write(batch, { preconditions });
      return batch;
    } catch (caught) {
      let error = caught;
      if (error instanceof PreconditionFailedError) {
        const { precondition, held } = error.failure;
        if (precondition.kind !== "KEEPS_TARGET") throw new Stale();
        error = movedError(precondition.type, precondition.from, held!);
      }
      if (error instanceof CurationError) throw badUserInput(error.message, error.field);
      throw error;
    }
  }

  /** Runs read-build-write again while what it was built on changes under it. */
  private async retrying<T>(attempt: () => Promise<T>): Promise<T> {
    for (let i = 1; ; i++) {
      try {
        return await attempt();
      } catch (error) {
        if (!(error instanceof Stale)) throw error;
        if (i >= MAX_ATTEMPTS) throw serviceUnavailable(`the fact changed under ${MAX_ATTEMPTS} attempts to write it (other curators are writing it); try again`);
      }
    }
  }

  private async reread(ref: NodeRef): Promise<NodeRecord> {
    const [record] = await this.store.getNodes([ref]);
    if (!record) throw new Error(`${ref.kind} '${ref.key}' is missing right after it was written`);
    return record;
  }
}
