import { defineConfig } from "drizzle-kit";

// Generation only: migrations are applied by `pnpm db:migrate` (src/migrate.ts), never by push.
export default defineConfig({
  dialect: "postgresql",
  schema: "./src/schema/index.ts",
  out: "../../drizzle",
  casing: undefined,
  strict: true,
});
