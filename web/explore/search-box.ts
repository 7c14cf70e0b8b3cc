// Search as you type: the API's `search`, 200 ms after the last keystroke (an older request still
// on its way is aborted), hits in a listbox that the arrow keys walk and Enter picks.
import * as api from "./api";
import { TYPE_STYLE } from "./palette";
import type { NodeType } from "./queries";

const DEBOUNCE_MS = 200;

export function wireSearch(input: HTMLInputElement, results: HTMLUListElement, pick: (hit: api.SearchHit) => void, onError: (message: string) => void): void {
  let hits: api.SearchHit[] = [];
  let active = -1;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let inFlight: AbortController | null = null;

  const close = () => {
    hits = [];
    active = -1;
    results.replaceChildren();
    input.setAttribute("aria-expanded", "false");
    input.removeAttribute("aria-activedescendant");
  };

  const highlight = (index: number) => {
    active = hits.length ? (index + hits.length) % hits.length : -1;
    results.querySelectorAll("[role=option]").forEach((option, i) => option.setAttribute("aria-selected", String(i === active)));
    if (active >= 0) input.setAttribute("aria-activedescendant", `hit-${active}`);
  };

  const choose = (index: number) => {
    const hit = hits[index];
    if (!hit) return;
    close();
    input.blur();
    pick(hit);
  };

  const render = (text: string) => {
    if (hits.length === 0) {
      results.replaceChildren(Object.assign(document.createElement("li"), { className: "none", textContent: `Nothing matches “${text}”.` }));
      input.setAttribute("aria-expanded", "true");
      return;
    }
    results.replaceChildren(
      ...hits.map((hit, i) => {
        const option = document.createElement("li");
        option.id = `hit-${i}`;
        option.setAttribute("role", "option");
        option.setAttribute("aria-selected", "false");
        const type = hit.__typename.toUpperCase() as NodeType;
        const swatch = Object.assign(document.createElement("span"), { className: "swatch" });
        swatch.style.background = TYPE_STYLE[type]?.color ?? "#444";
        option.append(swatch, hit.name, Object.assign(document.createElement("small"), { textContent: [hit.nameKo, TYPE_STYLE[type]?.name ?? hit.__typename].filter(Boolean).join(" · ") }));
        // mousedown, not click: the input's blur would close the list before a click lands.
        option.addEventListener("mousedown", (event) => {
          event.preventDefault();
          choose(i);
        });
        return option;
      }),
    );
    input.setAttribute("aria-expanded", "true");
    highlight(0);
  };

  const run = async (text: string) => {
    inFlight?.abort();
    const controller = new AbortController();
    inFlight = controller;
    try {
      const found = await api.search(text, controller.signal);
      if (controller.signal.aborted || input.value.trim() !== text) return;
      hits = found;
      render(text);
    } catch (error) {
      if (!controller.signal.aborted) onError((error as Error).message);
    }
  };

  input.addEventListener("input", () => {
    clearTimeout(timer);
    const text = input.value.trim();
    if (!text) {
      inFlight?.abort();
      return close();
    }
    timer = setTimeout(() => void run(text), DEBOUNCE_MS);
  });
  input.addEventListener("keydown", (event) => {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      highlight(active + (event.key === "ArrowDown" ? 1 : -1));
    } else if (event.key === "Enter") {
      event.preventDefault();
      if (active >= 0) choose(active);
      else if (input.value.trim()) {
        clearTimeout(timer);
        void run(input.value.trim());
      }
    } else if (event.key === "Escape") {
      close();
    }
  });
  input.addEventListener("blur", () => setTimeout(close, 150));
}
