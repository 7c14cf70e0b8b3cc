// The Ecosystem Graphs import reports in the pipeline's one format (pipeline/report.ts).
export { summaryLine, type ImportReport, type ImportSummary, type ImportWarning } from "../pipeline/report.js";
