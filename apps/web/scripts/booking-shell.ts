// Writes dist/booking-shell.json: what the server needs to write the booking page's first screen
// into index.html (apps/server/src/booking-shell.ts, ADR 0052): each language's catalogue chunk
// (to preload it), the catalogue entries the screen shows, and the CSS modules' hashed class names.
// The build fails when a catalogue lacks an entry or a style sheet a class, so the server never
// writes a screen that the app's own would not match.
import { readFileSync } from "node:fs";
import path from "node:path";
// By path, not by package name: the build configuration loads TypeScript sources it bundles itself.
import { PATIENT_LANGUAGES, type PatientLanguage } from "../../../packages/domain/src/patient-pages.ts";
import type { Plugin } from "vite";
import { SHELL_CLASSES, SHELL_PLURAL_KEYS, SHELL_TEXT_KEYS, type BookingShellManifest } from "../../server/src/booking-shell-manifest.ts";

/** The style sheets the screen's classes come from, by the prefix SHELL_CLASSES uses. */
const STYLE_SHEETS: Record<string, string> = {
  shell: "src/shell/shell.module.css",
  booking: "src/booking/booking.module.css",
  ui: "src/ui/ui.module.css",
  brand: "src/booking/brand.module.css",
  slots: "src/booking/slots.module.css",
};

/** i18next's plural suffixes: the categories `Intl.PluralRules` gives. */
const PLURAL_CATEGORIES: Intl.LDMLPluralRule[] = ["zero", "one", "two", "few", "many", "other"];

export function bookingShell(projectRoot: string) {
  const classesBySheet = new Map<string, Record<string, string>>();
  /** For vite's `css.modules.getJSON`: every CSS module's class names, as the build hashed them. */
  const collectClasses = (cssFileName: string, json: Record<string, string>) => {
    classesBySheet.set(path.relative(projectRoot, cssFileName).split(path.sep).join("/"), json);
  };
  const plugin: Plugin = {
    name: "frontdesk-booking-shell",
    apply: "build",
    generateBundle(_options, bundle) {
      const problems: string[] = [];
      const catalogues = {} as BookingShellManifest["catalogues"];
      const text = {} as BookingShellManifest["text"];
      const plurals = {} as BookingShellManifest["plurals"];
      for (const language of PATIENT_LANGUAGES) {
        const module = `src/i18n/locales/${language}.json`;
        const chunk = Object.values(bundle).find((item) => item.type === "chunk" && item.facadeModuleId?.split(path.sep).join("/").endsWith(module));
        if (chunk) catalogues[language] = `/${chunk.fileName}`;
        else problems.push(`no chunk for ${module}`);
        const catalogue = JSON.parse(readFileSync(path.join(projectRoot, module), "utf8")) as Record<string, string>;
        text[language] = {} as BookingShellManifest["text"][PatientLanguage];
        for (const key of SHELL_TEXT_KEYS) {
          if (typeof catalogue[key] === "string") text[language][key] = catalogue[key];
          else problems.push(`${module} lacks ${key}`);
        }
        plurals[language] = {} as BookingShellManifest["plurals"][PatientLanguage];
        for (const key of SHELL_PLURAL_KEYS) {
          const forms = Object.fromEntries(PLURAL_CATEGORIES.flatMap((category) => (typeof catalogue[`${key}_${category}`] === "string" ? [[category, catalogue[`${key}_${category}`]]] : [])));
          if (typeof forms.other === "string") plurals[language][key] = forms as { other: string };
          else problems.push(`${module} lacks ${key}_other`);
        }
      }
      const classes = {} as BookingShellManifest["classes"];
      for (const name of SHELL_CLASSES) {
        const [sheet = "", local = ""] = name.split(".");
        const hashed = classesBySheet.get(STYLE_SHEETS[sheet] ?? "")?.[local];
        if (hashed) classes[name] = hashed;
        else problems.push(`no class ${local} in ${STYLE_SHEETS[sheet] ?? sheet}`);
      }
      if (problems.length > 0) this.error(`booking page's first screen: ${problems.join("; ")}`);
      const manifest: BookingShellManifest = { catalogues, text, plurals, classes };
      this.emitFile({ type: "asset", fileName: "booking-shell.json", source: `${JSON.stringify(manifest, null, 2)}\n` });
    },
  };
  return { plugin, collectClasses };
}
