/* eslint-disable no-restricted-properties -- bench tooling: BENCH_RUNS, BENCH_DEBUG, BENCH_STEPS and BENCH_TRACE are the bench's own knobs */
// The booking page on a slow phone: 150 ms latency, 1.6 Mbps down, 750 kbps up, CPU 4x slower
// (Chromium's DevTools protocol). Each run is a first visit (new browser context, empty cache).
// Measures, from the start of navigation: the services visible (the server's first screen, ADR
// 0052, or the app's); the app running (the services are its buttons); and, the patient choosing
// the first service and "first available" at once, the month's days with free times visible. Also
// the JavaScript bytes on the wire (compressed, headers included) until the app runs, and how far
// the page moved meanwhile (cumulative layout shift: the app's screen must land on the server's).
import { readFileSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import type { Page } from "@playwright/test";
import { expect, test } from "../e2e/fixtures";

/** The demo clinic is French, and so is its page until the patient picks another language. */
const french = JSON.parse(readFileSync(new URL("../src/i18n/locales/fr.json", import.meta.url), "utf8")) as Record<string, string>;
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const BUDGET = { servicesMs: 2000, freeTimesMs: 2800, javascriptBytes: 150_000 };
/** A service, as the server's link or the app's button. */
const SERVICE = "#main ul > li > :is(a[href], button[aria-pressed])";
/** A service as the app's button: the app is running. */
const SERVICE_BUTTON = "#main ul > li > button[aria-pressed]";
const PROFILE = { latency: 150, downloadThroughput: 1_600_000 / 8, uploadThroughput: 750_000 / 8, cpuSlowdown: 4 };

/** performance.now() (ms since navigation began) at the first animation frame where `selector` matches something visible. */
async function timeUntilVisible(page: Page, selector: string): Promise<number> {
  const handle = await page.waitForFunction(
    (sel) => {
      const found = document.querySelector<HTMLElement>(sel);
      return found && found.offsetParent !== null ? performance.now() : 0;
    },
    selector,
    { polling: "raf", timeout: 60_000 },
  );
  return handle.jsonValue();
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

test("the booking page on a throttled phone profile", async ({ browser, baseURL }) => {
  const runs: Array<{ servicesMs: number; appMs: number; freeTimesMs: number; javascriptBytes: number; javascriptFiles: number; layoutShift: number }> = [];
  for (let run = 0; run < RUNS; run++) {
    const context = await browser.newContext({ baseURL, viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    await page.addInitScript(() => {
      const w = window as unknown as { layoutShift: number };
      w.layoutShift = 0;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries() as Array<PerformanceEntry & { value: number; hadRecentInput: boolean }>) if (!entry.hadRecentInput) w.layoutShift += entry.value;
      }).observe({ type: "layout-shift", buffered: true });
    });
    const cdp = await context.newCDPSession(page);
    await cdp.send("Network.enable");
    await cdp.send("Network.emulateNetworkConditions", { offline: false, latency: PROFILE.latency, downloadThroughput: PROFILE.downloadThroughput, uploadThroughput: PROFILE.uploadThroughput });
    await cdp.send("Emulation.setCPUThrottlingRate", { rate: PROFILE.cpuSlowdown });
    const scripts = new Set<string>();
    const bytes = new Map<string, number>();
    const urls = new Map<string, string>();
    cdp.on("Network.responseReceived", (event) => {
      urls.set(event.requestId, `${event.response.url} ${event.response.headers["content-encoding"] ?? "-"} ${event.type} ${Math.round(event.response.timing?.requestTime ?? 0)}`);
      if (event.type === "Script") scripts.add(event.requestId);
    });
    cdp.on("Network.loadingFinished", (event) => bytes.set(event.requestId, event.encodedDataLength));

    // BENCH_TRACE=1: a Chromium performance trace of the first run (scripts, layout, network), for the DevTools' Performance panel.
    const tracing = process.env.BENCH_TRACE !== undefined && run === 0;
    if (tracing) {
      await browser.startTracing(page, {
        path: fileURLToPath(new URL("../test-results/booking-speed-trace.json", import.meta.url)),
        categories: ["devtools.timeline", "disabled-by-default-devtools.timeline", "v8.execute", "blink.user_timing", "loading", "toplevel", "disabled-by-default-v8.cpu_profiler"],
      });
    }
    await page.goto("/book/demo-paris", { waitUntil: "commit" });
    const servicesMs = await timeUntilVisible(page, SERVICE);
    const appMs = await timeUntilVisible(page, SERVICE_BUTTON);
    const layoutShift = await page.evaluate(() => (window as unknown as { layoutShift: number }).layoutShift);
    const javascriptBytes = [...scripts].reduce((sum, id) => sum + (bytes.get(id) ?? 0), 0);
    const javascriptFiles = scripts.size;
    if (process.env.BENCH_DEBUG) {
      const timeline = await page.evaluate(() => [...performance.getEntriesByType("navigation"), ...performance.getEntriesByType("resource"), ...performance.getEntriesByType("paint")].map((e) => `${e.name.replace(location.origin, "")} ${Math.round(e.startTime)}-${Math.round((e as PerformanceResourceTiming).responseEnd ?? 0)} ${Math.round((e as PerformanceNavigationTiming).domInteractive ?? 0)}`));
      process.stdout.write(`${timeline.join("\n")}\nservices ${servicesMs} app ${appMs}\n`);
    }
    // Each tap's time, with BENCH_STEPS=1 only: each asks the page, which adds to the free times' figure.
    const steps = process.env.BENCH_STEPS !== undefined;
    const now = async () => (steps ? page.evaluate(() => performance.now()) : 0);
    await page.locator(SERVICE_BUTTON).first().click();
    const serviceClickedMs = await now();
    const firstAvailable = page.getByRole("button", { name: new RegExp(`^${french["common.firstAvailable"]}`) });
    if (steps) await firstAvailable.waitFor();
    const practitionersMs = await now();
    await firstAvailable.click();
    const practitionerClickedMs = await now();
    const freeTimesMs = await timeUntilVisible(page, '[role="grid"] button[aria-disabled="false"]');
    if (steps) process.stdout.write(`service clicked ${serviceClickedMs} practitioners ${practitionersMs} first available clicked ${practitionerClickedMs} free ${freeTimesMs}\n`);
    if (tracing) await browser.stopTracing();
    runs.push({ servicesMs, appMs, freeTimesMs, javascriptBytes, javascriptFiles, layoutShift });
    await context.close();
  }

  const result = {
    profile: PROFILE,
    runs,
    median: {
      servicesMs: median(runs.map((r) => r.servicesMs)),
      appMs: median(runs.map((r) => r.appMs)),
      freeTimesMs: median(runs.map((r) => r.freeTimesMs)),
      javascriptBytes: median(runs.map((r) => r.javascriptBytes)),
      layoutShift: Math.max(...runs.map((r) => r.layoutShift)),
    },
    budget: BUDGET,
  };
  const met = (value: number, budget: number) => (value <= budget ? "met" : "NOT met");
  process.stdout.write(
    [
      `booking page, throttled (${PROFILE.latency} ms, 1.6 Mbps, CPU x${PROFILE.cpuSlowdown}), ${RUNS} first visits:`,
      `  services visible:   median ${result.median.servicesMs.toFixed(0)} ms (runs ${runs.map((r) => r.servicesMs.toFixed(0)).join(", ")}); budget ${BUDGET.servicesMs} ms ${met(result.median.servicesMs, BUDGET.servicesMs)}`,
      `  app running:        median ${result.median.appMs.toFixed(0)} ms (runs ${runs.map((r) => r.appMs.toFixed(0)).join(", ")})`,
      `  free times visible: median ${result.median.freeTimesMs.toFixed(0)} ms (runs ${runs.map((r) => r.freeTimesMs.toFixed(0)).join(", ")}); budget ${BUDGET.freeTimesMs} ms ${met(result.median.freeTimesMs, BUDGET.freeTimesMs)}`,
      `  JavaScript on the wire: ${(result.median.javascriptBytes / 1000).toFixed(1)} kB in ${runs[0]!.javascriptFiles} files; budget ${BUDGET.javascriptBytes / 1000} kB ${met(result.median.javascriptBytes, BUDGET.javascriptBytes)}`,
      `  layout shift until the app runs: at most ${result.median.layoutShift.toFixed(3)}`,
      "",
    ].join("\n"),
  );
  await writeFile(fileURLToPath(new URL("../test-results/booking-speed.json", import.meta.url)), `${JSON.stringify(result, null, 2)}\n`);
  // Bytes do not depend on the machine's load: they are a hard limit even here.
  expect(result.median.javascriptBytes).toBeLessThanOrEqual(BUDGET.javascriptBytes);
});
