import { describe, expect, it } from "vitest";
import { measureRoute } from "./bundle-budget";

const chunk = (fileName: string, code: string, options: { imports?: string[]; isEntry?: boolean; facadeModuleId?: string | null; moduleIds?: string[] } = {}) => ({
  type: "chunk" as const,
  fileName,
  code,
  imports: options.imports ?? [],
  isEntry: options.isEntry ?? false,
  facadeModuleId: options.facadeModuleId ?? null,
  moduleIds: options.moduleIds ?? [],
});

const bundle = {
  "index.js": chunk("index.js", "entry();".repeat(50), { isEntry: true, imports: ["vendor.js"] }),
  "vendor.js": chunk("vendor.js", "react();".repeat(50)),
  "BookingPage.js": chunk("BookingPage.js", "booking();".repeat(50), { facadeModuleId: "/repo/apps/web/src/booking/BookingPage.tsx", imports: ["shared.js", "vendor.js"] }),
  "shared.js": chunk("shared.js", "shared();"),
  "StaffHome.js": chunk("StaffHome.js", "staff();".repeat(5000), { facadeModuleId: "/repo/apps/web/src/staff/StaffHome.tsx" }),
  "style.css": { type: "asset" as const, fileName: "style.css" },
};

describe("bundle budget", () => {
  it("counts the entry, the route's chunk and their static imports, and nothing another route loads", () => {
    const measure = measureRoute(bundle, { name: "booking", module: "src/booking/BookingPage.tsx", limitBytes: 150_000 });
    expect(measure.files).toEqual(["BookingPage.js", "index.js", "shared.js", "vendor.js"]);
    expect(measure.gzipBytes).toBeGreaterThan(0);
    expect(measure.gzipBytes).toBeLessThan(measure.rawBytes);
    expect(measure.brotliBytes).toBeGreaterThan(0);
    expect(measure.brotliBytes).toBeLessThan(measure.rawBytes);
  });

  it("finds the route in a group chunk that holds it with other modules (scripts/patient-chunks.ts)", () => {
    const grouped = {
      "index.js": chunk("index.js", "entry();", { isEntry: true }),
      "booking.js": chunk("booking.js", "booking();", { moduleIds: ["/repo/apps/web/src/booking/ChoiceSteps.tsx", "/repo/apps/web/src/booking/BookingPage.tsx"], imports: ["patient.js"] }),
      "patient.js": chunk("patient.js", "patient();"),
      "staff.js": chunk("staff.js", "staff();", { moduleIds: ["/repo/apps/web/src/staff/StaffHome.tsx"] }),
    };
    expect(measureRoute(grouped, { name: "booking", module: "src/booking/BookingPage.tsx", limitBytes: 1 }).files).toEqual(["booking.js", "index.js", "patient.js"]);
  });

  it("refuses to measure a route that is no longer a chunk of its own", () => {
    expect(() => measureRoute(bundle, { name: "gone", module: "src/gone/Gone.tsx", limitBytes: 1 })).toThrow(/no chunk for src\/gone\/Gone.tsx/);
  });
});
