// How the charts name things: English with the Korean name beside it where the graph has one, so
// that a Korean reader finds 한국 and an English reader South Korea.

export interface Named {
  name: string;
  nameKo?: string | null;
}

export function bilingual(thing: Named): string {
  return thing.nameKo && thing.nameKo !== thing.name ? `${thing.name} · ${thing.nameKo}` : thing.name;
}

/** The font stack of the page, given to Plot (which otherwise sets its own on the SVG). */
export const FONT = `system-ui, -apple-system, "Segoe UI", "Noto Sans KR", "Noto Sans CJK KR", sans-serif`;

/** Categorical colours (Okabe–Ito, readable by colour-blind viewers), then a grey for the rest. */
export const CATEGORY_COLORS = ["#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442", "#000000"];
export const OTHER_COLOR = "#C8CCD2";
