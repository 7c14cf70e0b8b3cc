// (c) A report's figures beside the figures recomputed from the data it rests on.
import type { ChartPanel } from "./panel";

export async function coverageChart(panel: ChartPanel, _params: URLSearchParams): Promise<void> {
  panel.say("Waiting for the API's recomputed figures.");
}
