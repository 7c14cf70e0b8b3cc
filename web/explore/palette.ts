// Node colours by type and their legend names: Okabe–Ito (readable by colour-blind viewers) for the
// seed's kinds, three of Paul Tol's for the imported datasets, applications and hardware, greys for the rest.
import type { NodeType } from "./queries";

export const TYPE_STYLE: Record<NodeType, { color: string; name: string }> = {
  COUNTRY: { color: "#E69F00", name: "Country" },
  ORGANIZATION: { color: "#56B4E9", name: "Organization" },
  MODEL: { color: "#009E73", name: "Model" },
  DATASET: { color: "#882255", name: "Dataset" },
  APPLICATION: { color: "#DDCC77", name: "Application" },
  UNRESOLVED_ASSET: { color: "#C8CCD2", name: "Unresolved asset" },
  BENCHMARK: { color: "#CC79A7", name: "Benchmark" },
  INDICATOR: { color: "#D55E00", name: "Indicator" },
  REPORT: { color: "#0072B2", name: "Report" },
  SOURCE: { color: "#777777", name: "Source" },
  HARDWARE: { color: "#44AA99", name: "Hardware" },
};

export const EDGE_COLOR = "#b8bcc6";
/** A hovered edge, or one of the selection's. */
export const EDGE_HIGHLIGHT = "#5b6275";
export const DIMMED = "#e6e8ec";
