import { Temporal } from "temporal-polyfill";
const zones = ["Europe/Paris","America/New_York","America/Santiago","Australia/Lord_Howe","Asia/Kolkata","America/St_Johns","Pacific/Chatham"];
for (const z of zones) {
  let t = Temporal.Instant.from("2026-01-01T00:00:00Z").toZonedDateTimeISO(z);
  const end = Temporal.Instant.from("2027-01-01T00:00:00Z");
  const out = [];
  for (;;) {
    const n = t.getTimeZoneTransition("next");
    if (!n || Temporal.Instant.compare(n.toInstant(), end) >= 0) break;
    const before = n.subtract({nanoseconds:1});
    out.push(`${n.toInstant()} local-after=${n.toPlainDateTime()} offset ${before.offset} -> ${n.offset}`);
    t = n;
  }
  console.log(z, out.length ? out : "no transitions");
}
