// Benchmark for computeSlots: `pnpm --filter @frontdesk/scheduling bench` (or `pnpm bench`).
// Prints markdown tables of median wall time over repeated runs after a warm-up; results are
// recorded in docs/BENCHMARKS.md. Not a test: nothing here fails on a slow machine.
import { computeSlots, findFreeTimes, type SlotQuery } from "../src/index";

const FROM = "2026-03-02"; // a Monday; 31 days from here include Paris's spring-forward night
const DAY_MS = 86_400_000;
const BUSY_PER_DAY = 6;

function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** A realistic clinic: Mon-Fri 08:00-12:00 and 13:00-18:00, Saturday mornings, 6 appointments a day. */
function clinicQuery(practitionerCount: number, dayCount: number): SlotQuery {
  const weekdays = [1, 2, 3, 4, 5].flatMap((weekday) => [
    { weekday, start: "08:00", end: "12:00" },
    { weekday, start: "13:00", end: "18:00" },
  ]);
  const practitioners: SlotQuery["practitioners"] = [];
  for (let p = 0; p < practitionerCount; p++) {
    const busy: SlotQuery["practitioners"][number]["busy"] = [];
    for (let day = 0; day < dayCount; day++) {
      const date = addDays(FROM, day);
      for (let i = 0; i < BUSY_PER_DAY; i++) {
        // Spread through the working day (UTC 07:00-16:00 is 08:00-17:00 in Paris in winter),
        // shifted per practitioner so their calendars differ; 40 minutes including buffers.
        const minuteOfDay = 7 * 60 + i * 90 + ((p * 25) % 60);
        const start = Date.parse(`${date}T00:00:00Z`) + minuteOfDay * 60_000;
        busy.push({ start: new Date(start).toISOString(), end: new Date(start + 40 * 60_000).toISOString() });
      }
    }
    practitioners.push({
      id: `practitioner-${p}`,
      weeklyHours: [...weekdays, { weekday: 6, start: "09:00", end: "12:00" }],
      exceptions: [
        { kind: "unavailable", start: `${addDays(FROM, 3)}T12:00:00Z`, end: `${addDays(FROM, 4)}T23:00:00Z` },
        { kind: "available", start: `${addDays(FROM, 6)}T09:00:00Z`, end: `${addDays(FROM, 6)}T12:00:00Z` },
      ],
      busy,
    });
  }
  return {
    timezone: "Europe/Paris",
    from: FROM,
    to: addDays(FROM, dayCount - 1),
    now: "2026-03-01T10:00:00Z",
    service: { durationMinutes: 30, bufferBeforeMinutes: 5, bufferAfterMinutes: 5 },
    rules: { slotStepMinutes: 15, minNoticeMinutes: 120, horizonDays: 90 },
    practitioners,
  };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

/** Median milliseconds per call: warm up, then time at least 30 runs and at least ~1 s. */
function measure(query: SlotQuery, run: (query: SlotQuery) => number = (q) => computeSlots(q).reduce((sum, day) => sum + day.slots.length, 0)): { medianMs: number; runs: number; slots: number } {
  let slots = 0;
  const warmUpUntil = performance.now() + 300;
  for (let i = 0; i < 20 || performance.now() < warmUpUntil; i++) run(query);
  const samples: number[] = [];
  const measureUntil = performance.now() + 1000;
  while (samples.length < 30 || performance.now() < measureUntil) {
    const started = performance.now();
    slots = run(query);
    samples.push(performance.now() - started);
  }
  return { medianMs: median(samples), runs: samples.length, slots };
}

const format = (ms: number): string => (ms < 10 ? ms.toFixed(3) : ms.toFixed(1));

console.log(`computeSlots benchmark: node ${process.version}, ${process.platform}/${process.arch}\n`);

console.log("### Targets (31 days, 15-minute step, 30-minute service, 6 busy intervals a day)\n");
console.log("| Scenario | Median (ms) | Target (ms) | Met | Runs | Slots returned (distinct times) |");
console.log("|---|---:|---:|:---:|---:|---:|");
for (const [practitioners, targetMs] of [[1, 1], [20, 20]] as const) {
  const result = measure(clinicQuery(practitioners, 31));
  const met = result.medianMs <= targetMs ? "yes" : "**no**";
  console.log(`| ${practitioners} practitioner${practitioners > 1 ? "s" : ""}, 31 days | ${format(result.medianMs)} | ${targetMs} | ${met} | ${result.runs} | ${result.slots} |`);
}

console.log("\n### Scaling: median ms (µs per practitioner-day in brackets)\n");
const dayCounts = [7, 31, 62];
console.log(`| Practitioners | ${dayCounts.map((days) => `${days} days`).join(" | ")} |`);
console.log(`|---:|${dayCounts.map(() => "---:").join("|")}|`);
for (const practitioners of [1, 10, 50, 100]) {
  const cells = dayCounts.map((days) => {
    const { medianMs } = measure(clinicQuery(practitioners, days));
    return `${format(medianMs)} (${((medianMs * 1000) / (practitioners * days)).toFixed(1)})`;
  });
  console.log(`| ${practitioners} | ${cells.join(" | ")} |`);
}

// The staff finder (findFreeTimes): the next free time across 20 practitioners and 90 days.
// The floor is the engine's own cost for the same 90 days and practitioners: computeSlots in two
// calls (62 + 28 days, its longest query), each given the busy times of its own days, as
// availability.ts's query clips them. Worst case for the finder: a time-of-day window nothing
// matches, so all 90 days are computed.
console.log("\n### Next free time (findFreeTimes), 20 practitioners, 90 days\n");
const finderQuery = { ...clinicQuery(20, 90), rules: { slotStepMinutes: 15, minNoticeMinutes: 120, horizonDays: 120 } };
const clipTo = (query: SlotQuery, from: string, to: string): SlotQuery => ({
  ...query,
  from,
  to,
  practitioners: query.practitioners.map((p) => ({ ...p, busy: p.busy.filter((b) => b.end.slice(0, 10) >= addDays(from, -2) && b.start.slice(0, 10) <= addDays(to, 3)) })),
});
const halves = [clipTo(finderQuery, FROM, addDays(FROM, 61)), clipTo(finderQuery, addDays(FROM, 62), addDays(FROM, 89))];
const runs: Array<[string, () => number]> = [
  ["floor: computeSlots over the same 90 days (62 + 28)", () => halves.reduce((sum, half) => sum + computeSlots(half).length, 0)],
  ["first free time, no filter (found on day 1)", () => findFreeTimes({ ...finderQuery, limit: 1 }).length],
  ["10 times after 19:00 (none: all 90 days searched)", () => findFreeTimes({ ...finderQuery, limit: 10, startMinutes: { from: 19 * 60, to: 24 * 60 } }).length],
  // Inside the hours but too late for a 30-minute service to end by 18:00: the engine must run on every day.
  ["10 times 17:45-18:00 (none: all 90 days computed)", () => findFreeTimes({ ...finderQuery, limit: 10, startMinutes: { from: 17 * 60 + 45, to: 18 * 60 } }).length],
];
// Interleaved, one call of each per round: a busy machine slows all three alike, so the ratios hold.
for (let i = 0; i < 10; i++) for (const [, run] of runs) run();
const samples = runs.map((): number[] => []);
for (let round = 0; round < 40; round++) {
  runs.forEach(([, run], i) => {
    const started = performance.now();
    run();
    samples[i]!.push(performance.now() - started);
  });
}
const medians = samples.map(median);
const perPractitionerDay = (ms: number) => (ms * 1000) / (20 * 90);
console.log("| Search | Median (ms) | µs per practitioner-day | Ratio to the floor |");
console.log("|---|---:|---:|---:|");
runs.forEach(([name], i) => {
  const ms = medians[i]!;
  console.log(`| ${name} | ${format(ms)} | ${perPractitionerDay(ms).toFixed(2)} | ${(ms / medians[0]!).toFixed(2)} |`);
});
