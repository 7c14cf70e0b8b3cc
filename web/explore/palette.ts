// Node colours by type (Okabe–Ito, readable by colour-blind viewers) and their legend names.
import type { NodeType } from "./queries";

export const TYPE_STYLE: Record<NodeType, { color: string; name: string }> = {
  COUNTRY: { color: "#E69F00", name: "Country" },
  ORGANIZATION: { color: "#56B4E9", name: "Organization" },
  MODEL: { color: "#009E73", name: "Model" },
  BENCHMARK: { color: "#CC79A7", name: "Benchmark" },
  INDICATOR: { color: "#D55E00", name: "Indicator" },
  REPORT: { color: "#0072B2", name: "Report" },
  SOURCE: { color: "#999999", name: "Source" },
};

export const EDGE_COLOR = "#b8bcc6";
export const DIMMED = "#e6e8ec";
