// The database package's settings, read in one place. Entry points pass `process.env`.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import type { LocalServer } from "./local/postgres";

export class ConfigError extends Error {
  override name = "ConfigError";
}

const repoRoot = fileURLToPath(new URL("../../../", import.meta.url));

/** Where `pnpm dev` and `pnpm db:*` keep the zero-setup local server. */
export const LOCAL_SERVER: LocalServer = {
  dataDir: path.join(repoRoot, ".data", "postgres"),
  port: 54329,
  password: "frontdesk-local",
};

const postgresUrl = z
  .string()
  .trim()
  .refine((value) => /^postgres(ql)?:\/\//.test(value), "must be a postgres:// URL");

const schema = z.object({
  NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
  DATABASE_URL: postgresUrl.optional(),
  DATABASE_ADMIN_URL: postgresUrl.optional(),
});

export type DatabaseEnv =
  | { kind: "external"; appUrl: string; adminUrl: string | undefined }
  | { kind: "local"; server: LocalServer };

/**
 * External server when DATABASE_URL is set, the embedded local one otherwise. Production never
 * falls back to the local server: a missing DATABASE_URL there is a configuration error.
 */
export function readDatabaseEnv(env: Record<string, string | undefined>): DatabaseEnv {
  const parsed = schema.safeParse({
    NODE_ENV: env.NODE_ENV || undefined,
    DATABASE_URL: env.DATABASE_URL || undefined,
    DATABASE_ADMIN_URL: env.DATABASE_ADMIN_URL || undefined,
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ConfigError(`${issue?.path.join(".") ?? "environment"}: ${issue?.message ?? "invalid"}`);
  }
  const { NODE_ENV, DATABASE_URL, DATABASE_ADMIN_URL } = parsed.data;
  if (DATABASE_URL) return { kind: "external", appUrl: DATABASE_URL, adminUrl: DATABASE_ADMIN_URL };
  if (NODE_ENV === "production") {
    throw new ConfigError("DATABASE_URL is required when NODE_ENV=production (the app role's connection URL)");
  }
  if (DATABASE_ADMIN_URL) {
    throw new ConfigError("DATABASE_URL must be set when DATABASE_ADMIN_URL is (both point at the same server)");
  }
  return { kind: "local", server: LOCAL_SERVER };
}
