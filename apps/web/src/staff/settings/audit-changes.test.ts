import { describe, expect, it } from "vitest";
import { describeChanges } from "./audit-changes";

describe("audit changes", () => {
  it("names fields as people do and shows money and times in the clinic's formats", () => {
    const formats = {
      money: (cents: number) => new Intl.NumberFormat("fr-FR", { style: "currency", currency: "EUR" }).format(cents / 100),
      dateTime: (iso: string) => new Intl.DateTimeFormat("fr-FR", { timeZone: "Europe/Paris", dateStyle: "short", timeStyle: "short" }).format(new Date(iso)),
    };
    const lines = describeChanges({ priceCents: [3000, 3500], startsAt: ["2026-12-07T08:00:00.000Z", "2026-12-07T09:00:00.000Z"], durationMinutes: [30, 45], serviceNote: [null, "x"] }, formats);
    expect(lines[0]!.replace(/\s/g, " ")).toBe("Price: 30,00 € → 35,00 €");
    expect(lines[1]).toBe("Start: 07/12/2026 09:00 → 07/12/2026 10:00");
    expect(lines[2]).toBe("Duration: 30 min → 45 min");
    expect(lines[3]).toBe("serviceNote: — → x");
  });
});
