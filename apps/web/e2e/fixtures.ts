// Shared by the end-to-end tests: the stack's URL, and a checkpoint per step that runs axe-core
// (no serious or critical violations), saves a screenshot at desktop and phone width, and checks
// that nothing scrolls sideways on a 320 px phone.
/* eslint-disable no-restricted-properties -- test tooling: the URL comes from the global setup */
import { mkdir } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import AxeBuilder from "@axe-core/playwright";
import { test as base, expect, type Page, type TestInfo } from "@playwright/test";

export const ARTIFACTS = fileURLToPath(new URL("./artifacts", import.meta.url));
export const PHONE = { width: 375, height: 812 };
/** The narrowest phone we support: nothing may scroll sideways there. */
export const SMALLEST = { width: 320, height: 640 };

export const test = base.extend<{ checkpoint: (page: Page, step: string) => Promise<void> }>({
  baseURL: async ({}, use) => {
    const url = process.env.FRONTDESK_E2E_URL;
    if (!url) throw new Error("FRONTDESK_E2E_URL is not set: run through playwright.config.ts (global setup)");
    await use(url);
  },
  checkpoint: async ({}, use, testInfo) => {
    await use((page, step) => checkpoint(page, step, testInfo));
  },
});

export { expect };

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]).analyze();
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

async function checkpoint(page: Page, step: string, testInfo: TestInfo) {
  const folder = path.join(ARTIFACTS, testInfo.titlePath.slice(1).join(" - ").replace(/[^\w.-]+/g, "_").slice(0, 100));
  await mkdir(folder, { recursive: true });
  const desktop = page.viewportSize();
  // Let the focus move and any skeleton settle before judging the page.
  await page.waitForLoadState("networkidle");
  expect(await seriousViolations(page), `axe at desktop width, step "${step}"`).toEqual([]);
  await page.screenshot({ path: path.join(folder, `${step}-desktop.png`), fullPage: true });
  await page.setViewportSize(PHONE);
  expect(await seriousViolations(page), `axe at 375 px, step "${step}"`).toEqual([]);
  await page.screenshot({ path: path.join(folder, `${step}-phone.png`), fullPage: true });
  await page.setViewportSize(SMALLEST);
  expect(await page.evaluate(() => document.documentElement.scrollWidth), `page width at 320 px, step "${step}"`).toBeLessThanOrEqual(SMALLEST.width);
  if (desktop) await page.setViewportSize(desktop);
}
