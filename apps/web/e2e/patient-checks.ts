// What the patient pages' browser tests check on a page (issue 20, ADR 0059): that it has settled,
// what axe finds serious on it, and which English catalogue sentences are left on it.
import { readFileSync } from "node:fs";
import axe from "axe-core";
import type { Page } from "@playwright/test";
import { expect } from "./fixtures";

export type Catalogue = Record<string, string>;
export const catalogue = (language: string): Catalogue => JSON.parse(readFileSync(new URL(`../src/i18n/locales/${language}.json`, import.meta.url), "utf8")) as Catalogue;

/** The same tags as every other axe check of the suite (fixtures.ts, judge.ts): WCAG 2.2 AA. */
const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

/**
 * The page has finished arriving: no part of it is loading (each loading state carries
 * aria-busy), its fonts are in and its images decoded. Precise where `networkidle` waits
 * half a second after the last request of any kind.
 */
export async function settled(page: Page) {
  await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
  await page.evaluate(async () => {
    await document.fonts.ready;
    await Promise.all([...document.images].map((image) => image.decode().catch(() => undefined)));
  });
}

/**
 * axe's serious and critical findings on the page as it is now, each named with its elements.
 * axe-core runs inside the page, injected once per document: @axe-core/playwright's builder
 * injects it again on every call, and opens and closes a blank page to merge each run's results
 * (about 1.3 s a run here, against 0.2 s). Only violations are worked out in full (resultTypes):
 * every rule of the tags still runs. The builder would also enter frames; no patient page has
 * one, and a page that gets one fails here rather than being judged without it.
 */
export async function seriousFindings(page: Page): Promise<string[]> {
  expect(page.frames(), `a frame on ${page.url()}: judge it with AxeBuilder, which enters frames`).toHaveLength(1);
  if (!(await page.evaluate(() => "axe" in window))) await page.evaluate(axe.source);
  const violations = await page.evaluate(
    async (tags) => (await (window as unknown as { axe: typeof axe }).axe.run(document, { runOnly: { type: "tag", values: tags }, resultTypes: ["violations"] })).violations,
    TAGS,
  );
  return violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

const en = catalogue("en");

/**
 * The English catalogue's words that must not appear in `target`'s language: each text's fixed
 * parts (between the placeholders), long enough to be a sentence rather than a word two
 * languages share.
 */
export function englishFragments(target: Catalogue): string[] {
  const fragments = new Set<string>();
  for (const [key, text] of Object.entries(en)) {
    if (target[key] === text) continue;
    for (const part of text.split(/\{\{\w+\}\}/)) {
      const fragment = part.trim().replace(/^[,.:;()·\s]+|[,.:;()·\s]+$/g, "");
      // Names shared by every language ("Frontdesk") are not English.
      if (fragment.length >= 8 && !(target[key] ?? "").includes(fragment)) fragments.add(fragment);
    }
  }
  return [...fragments];
}

/** The English sentences left on the page, on screen or in what a screen reader hears (labels, names, title). */
export async function englishLeft(page: Page, target: Catalogue): Promise<string[]> {
  const heard = await page.evaluate(() => {
    const labels = [...document.querySelectorAll("[aria-label], [title], [alt], [placeholder]")].map((el) =>
      ["aria-label", "title", "alt", "placeholder"].map((name) => el.getAttribute(name) ?? "").join(" "),
    );
    return `${document.title}\n${document.body.innerText}\n${labels.join("\n")}`;
  });
  return englishFragments(target).filter((fragment) => heard.includes(fragment));
}
