// Sources say only what is known of them: every seed source's title is the document's own words,
// found in the seed texts (../shared/sources beside the clone), or one that only the page at its
// URL can show (accepted, and said so); a source with no title is described as such and, unless it
// is the maintainers' own curation, names the source it is known through.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const REPO = path.resolve(import.meta.dirname, "../..");
const TEXTS_DIR = path.resolve(REPO, "../shared/sources");

interface SeedSource {
  slug: string;
  kind: string;
  title?: string | null;
  description?: string | null;
  reportedIn?: string[];
  url?: string | null;
  publisher: string;
}

const sources = JSON.parse(readFileSync(path.join(REPO, "seed/sources.json"), "utf8")) as SeedSource[];
const texts = readdirSync(TEXTS_DIR)
  .filter((f) => f.endsWith(".txt"))
  .map((f) => ({ file: f, text: readFileSync(path.join(TEXTS_DIR, f), "utf8") }));

/** Whitespace differs between a title as typed and as a text wraps it. */
const squeezed = (s: string) => s.replace(/\s+/g, " ").trim();

describe("seed sources say only what is known of them", () => {
  it("has seed texts to check against", () => {
    expect(texts.map((t) => t.file)).toContain("kyunghyang-2024-04-17-ai-index.txt");
  });

  it.each(sources.map((s) => [s.slug, s] as const))("%s: a title from a text, or one only its URL can show, or none", (_slug, source) => {
    if (source.title == null) {
      expect(source.description, "a source without a title is described").toBeTruthy();
      return;
    }
    const found = texts.filter((t) => squeezed(t.text).includes(squeezed(source.title!)));
    if (found.length === 0) {
      // No seed text gives it: only the page at the URL could, so a title is accepted only with one.
      expect(source.url, `'${source.title}' is in no seed text and '${source.slug}' has no URL to show it`).toBeTruthy();
      console.info(`source ${source.slug}: title '${source.title}' is in no seed text; accepted on its URL ${source.url}, not checked`);
    }
  });

  it("the article's title is in the article", () => {
    const article = sources.find((s) => s.slug === "kyunghyang-2024-04-17-ai-index")!;
    const text = texts.find((t) => t.file === "kyunghyang-2024-04-17-ai-index.txt")!.text;
    expect(text.split("\n")[0].trim()).toBe(article.title);
  });

  it("the ministry's statement has no title, says it is known through the article, and the article reports it", () => {
    const statement = sources.find((s) => s.slug === "msit-2024-04-17")!;
    expect(statement.title ?? null).toBeNull();
    expect(statement.reportedIn).toEqual(["kyunghyang-2024-04-17-ai-index"]);
    const article = texts.find((t) => t.file === "kyunghyang-2024-04-17-ai-index.txt")!.text;
    // What the article says of it: the ministry (과학기술정보통신부) issued an explanatory statement (설명자료) on the 17th.
    expect(article).toMatch(/과학기술정보통신부는 17일 설명자료를 내고/);
  });

  it("every source known through another names one that exists, and one without a title is either that or the maintainers' curation", () => {
    const slugs = new Set(sources.map((s) => s.slug));
    for (const s of sources) {
      for (const via of s.reportedIn ?? []) expect(slugs.has(via), `${s.slug} reportedIn ${via}`).toBe(true);
      if (s.title == null && s.kind !== "CURATION") expect(s.reportedIn?.length, `${s.slug}: no title, and known through no source`).toBeGreaterThan(0);
    }
  });
});
