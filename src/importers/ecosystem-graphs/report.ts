// The Ecosystem Graphs import reports in the pipeline's one format (pipeline/report.ts).
export type { ImportReport, ImportWarning } from "../pipeline/report.js";
