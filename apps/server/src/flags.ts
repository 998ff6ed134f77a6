// `pnpm flags list <clinic-slug>` and `pnpm flags set <clinic-slug> <flag> on|off|default`: the
// platform operator's overrides of a clinic's feature flags (ADR 0039, docs/operations.md). There
// is no operator screen: this is it. Connects as the owner role (DATABASE_ADMIN_URL, or the local
// development server), because the app role may not write the operator's overrides.
/* eslint-disable no-restricted-properties -- an entry point: the one place that reads process.env */
import { listClinicFlags, setOperatorFlag } from "@frontdesk/api";
import { createDb } from "@frontdesk/db";
import { LOCAL_SERVER, provisionDatabase, readDatabaseEnv, startServer } from "@frontdesk/db/local";
import { FLAG_NAMES, FLAGS, isFlagName } from "@frontdesk/domain";

const USAGE = `usage: pnpm flags list <clinic-slug>\n       pnpm flags set <clinic-slug> <flag> on|off|default\nflags: ${FLAG_NAMES.join(", ")}\n`;
const VALUES = { on: true, off: false, default: null } as const;

async function adminUrl(): Promise<string> {
  const env = readDatabaseEnv(process.env);
  if (env.kind === "external") {
    if (!env.adminUrl) throw new Error("DATABASE_ADMIN_URL is required: the app role cannot change the operator's flags");
    return env.adminUrl;
  }
  await startServer(LOCAL_SERVER);
  return (await provisionDatabase(LOCAL_SERVER)).adminUrl;
}

async function main(): Promise<number> {
  const [command, slug, name, word] = process.argv.slice(2);
  const listing = command === "list" && slug !== undefined;
  const setting = command === "set" && slug !== undefined && isFlagName(name) && word !== undefined && Object.hasOwn(VALUES, word);
  if (!listing && !setting) {
    process.stderr.write(USAGE);
    return 2;
  }
  const { db, close } = createDb(await adminUrl(), { max: 1 });
  try {
    if (listing) {
      const flags = await listClinicFlags(db, slug);
      if (!flags) return noSuchClinic(slug);
      for (const flag of flags) process.stdout.write(`${flag.name.padEnd(16)} ${flag.value ? "on " : "off"}  (${flag.source}; ${FLAGS[flag.name].setBy} may set it)\n`);
      return 0;
    }
    if (!isFlagName(name)) return 2;
    const flag = await setOperatorFlag(db, slug, name, VALUES[word as keyof typeof VALUES], new Date());
    if (!flag) return noSuchClinic(slug);
    process.stdout.write(`${slug}: ${flag.name} is ${flag.value ? "on" : "off"} (${flag.source}). Every server process picks it up at once.\n`);
    return 0;
  } finally {
    await close();
  }
}

function noSuchClinic(slug: string): number {
  process.stderr.write(`No clinic has the slug "${slug}".\n`);
  return 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}\n`);
    process.exit(1);
  },
);
