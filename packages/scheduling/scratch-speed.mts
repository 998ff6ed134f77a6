import { Temporal } from "temporal-polyfill";
function t(label: string, n: number, f: () => unknown) { const s = performance.now(); for (let i=0;i<n;i++) f(); console.log(label, ((performance.now()-s)/n*1000).toFixed(2), "µs"); }
for (const z of ["Europe/Paris","Asia/Kolkata","Pacific/Chatham"]) {
  const d = Temporal.PlainDate.from("2026-03-01");
  t(z+" startOfDay", 2000, () => d.toZonedDateTime({timeZone: z}));
  const zdt = d.toZonedDateTime({timeZone: z});
  t(z+" nextTransition", 200, () => zdt.getTimeZoneTransition("next"));
  console.log(String(zdt.getTimeZoneTransition("next")));
}
t("Instant.from", 5000, () => Temporal.Instant.from("2026-03-01T10:00:00Z"));
t("Date toISOString", 50000, () => new Date(1772359200000).toISOString());
console.log(String(Temporal.PlainDate.from("2026-02-30").toString()));
