// `pnpm keys rewrap` and `pnpm keys reencrypt <clinic-slug>`: the encryption key operations of
// docs/operations.md ("Encryption keys", ADR 0025). Uses DATABASE_URL, or the local development
// server when it is unset, and the MASTER_KEY / MASTER_KEY_PREVIOUS the server would use.
/* eslint-disable no-restricted-properties -- an entry point: the one place that reads process.env */
import { parseConfig, reencryptClinicBySlug, rewrapAllClinics, vaultOf } from "@frontdesk/api";
import { createDb } from "@frontdesk/db";
import { LOCAL_SERVER, provisionDatabase, readDatabaseEnv, startServer } from "@frontdesk/db/local";

const USAGE = "usage: pnpm keys rewrap | pnpm keys reencrypt <clinic-slug>\n";

async function databaseUrl(): Promise<string> {
  const env = readDatabaseEnv(process.env);
  if (env.kind === "external") return env.appUrl;
  await startServer(LOCAL_SERVER);
  return (await provisionDatabase(LOCAL_SERVER)).appUrl;
}

async function main(): Promise<number> {
  const [command, slug] = process.argv.slice(2);
  if (command !== "rewrap" && !(command === "reencrypt" && slug)) {
    process.stderr.write(USAGE);
    return 2;
  }
  const vault = vaultOf(parseConfig(process.env));
  const { db, close } = createDb(await databaseUrl(), { max: 2 });
  try {
    if (command === "rewrap") {
      const { clinics, rewrapped } = await rewrapAllClinics(db, vault);
      process.stdout.write(`Re-wrapped ${rewrapped} data key(s) of ${clinics} clinic(s) under master key ${await vault.keys.currentKeyId()}.\n`);
      return 0;
    }
    const rewritten = await reencryptClinicBySlug(db, vault, slug!, new Date());
    if (rewritten === null) {
      process.stderr.write(`No clinic has the slug "${slug}".\n`);
      return 1;
    }
    process.stdout.write(`Re-encrypted ${rewritten} value(s) of ${slug} under a new data key; the old keys are deleted.\n`);
    return 0;
  } finally {
    await close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    // The error's class and message name the key or field at fault, never a value.
    process.stderr.write(`${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}\n`);
    process.exit(1);
  },
);
