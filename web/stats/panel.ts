// One chart's frame on the page: its drawing, its status line, the link to the operation that
// produced its data (in the playground) and the CSV of that data.
import { toCsv, type Column } from "./csv";
import { playgroundLink } from "./queries";

export class ChartPanel {
  private readonly plot: HTMLElement;
  private readonly status: HTMLElement;
  private readonly queryLink: HTMLAnchorElement;
  private readonly csvLink: HTMLAnchorElement;
  private csvUrl: string | null = null;
  /** Draws the chart at a width; kept to redraw when the page is resized. */
  private draw: ((width: number) => Element) | null = null;

  constructor(readonly section: HTMLElement) {
    this.plot = section.querySelector<HTMLElement>(".plot")!;
    this.status = section.querySelector<HTMLElement>(".status")!;
    this.queryLink = section.querySelector<HTMLAnchorElement>("a.query-link")!;
    this.csvLink = section.querySelector<HTMLAnchorElement>("a.csv-link")!;
    let last = 0;
    new ResizeObserver(() => {
      const width = this.width();
      if (this.draw && Math.abs(width - last) > 24) {
        last = width;
        this.render();
      }
    }).observe(this.plot);
  }

  width(): number {
    return Math.max(320, Math.floor(this.plot.clientWidth));
  }

  loading(text = "Loading…"): void {
    this.section.dataset.state = "loading";
    this.say(text);
  }

  failed(error: unknown): void {
    this.section.dataset.state = "error";
    this.draw = null;
    this.plot.replaceChildren();
    this.say(`Could not load the data: ${error instanceof Error ? error.message : String(error)}`, true);
  }

  say(text: string, isError = false): void {
    this.status.textContent = text;
    this.status.classList.toggle("error", isError);
  }

  /** The operation that fetched the data, opened in the playground with the variables sent. */
  linkQuery(query: string, variables: Record<string, unknown>): void {
    this.queryLink.href = playgroundLink(query, variables);
    this.queryLink.removeAttribute("aria-disabled");
  }

  /** The drawn rows as a CSV file, downloaded by the panel's link. */
  offerCsv<Row>(filename: string, columns: Array<Column<Row>>, rows: readonly Row[]): void {
    if (this.csvUrl) URL.revokeObjectURL(this.csvUrl);
    this.csvUrl = URL.createObjectURL(new Blob([toCsv(columns, rows)], { type: "text/csv;charset=utf-8" }));
    this.csvLink.href = this.csvUrl;
    this.csvLink.download = filename;
    this.csvLink.removeAttribute("aria-disabled");
    this.csvLink.dataset.rows = String(rows.length);
  }

  show(draw: (width: number) => Element, status: string): void {
    this.draw = draw;
    this.render();
    this.say(status);
    this.section.dataset.state = "ready";
  }

  private render(): void {
    if (this.draw) this.plot.replaceChildren(this.draw(this.width()));
  }
}

export interface SourceRef {
  slug: string;
  title: string | null;
  publisher?: string | null;
  url?: string | null;
}

/** "Sources: A (publisher); B", each linked where it has an address. */
export function showSources(element: HTMLElement, sources: readonly SourceRef[]): void {
  element.replaceChildren();
  if (!sources.length) return;
  element.append("Sources: ");
  sources.forEach((s, i) => {
    if (i > 0) element.append("; ");
    const name = s.title ?? s.slug;
    if (s.url) {
      const a = document.createElement("a");
      a.href = s.url;
      a.textContent = name;
      a.rel = "noopener";
      element.append(a);
    } else element.append(name);
    if (s.publisher) element.append(` (${s.publisher})`);
  });
}

/** What a chart shows when it has nothing to draw. */
export function empty(text: string): Element {
  const p = document.createElement("p");
  p.className = "note";
  p.textContent = text;
  return p;
}
