// The staff screens' check (issue 21): no serious or critical axe finding on the page as it is, at
// the widths asked for, and a full-page screenshot at each, kept under test-results (gitignored).
import { mkdir } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Page } from "@playwright/test";
import { expect } from "./fixtures";
import { seriousFindings } from "./patient-checks";

/** A desktop and a tablet: the two widths the reception desk is judged at. */
export const DESKTOP = 1440;
export const TABLET = 1024;

const RESULTS = fileURLToPath(new URL("../test-results", import.meta.url));

/**
 * Judges the page at each width (restoring the width it had), saving `<folder>/<name>-<width>.png`.
 * `ready` runs after each resize, for screens whose layout changes with the width.
 */
export async function judge(page: Page, folder: string, name: string, widths: number[] = [DESKTOP, TABLET], ready?: () => Promise<void>) {
  const before = page.viewportSize();
  await mkdir(path.join(RESULTS, folder), { recursive: true });
  for (const width of widths) {
    await page.setViewportSize({ width, height: 900 });
    await ready?.();
    await page.waitForLoadState("networkidle");
    // axe injected once per page (patient-checks.ts), not once per run as AxeBuilder does.
    expect(await seriousFindings(page), `axe on ${name} at ${width} px`).toEqual([]);
    await page.screenshot({ path: path.join(RESULTS, folder, `${name}-${width}.png`), fullPage: true });
  }
  if (before) await page.setViewportSize(before);
}
