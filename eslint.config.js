// One lint configuration for the whole workspace, type-aware.
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["**/dist/**", "**/dist-test/**", "**/node_modules/**", "**/.turbo/**", "**/.data/**", "drizzle/**", "packages/api/openapi/schema.d.ts"] },
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/no-misused-promises": "error",
      "@typescript-eslint/consistent-type-imports": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      // Configuration is read and validated in one module per app (env.ts); nowhere else.
      "no-restricted-properties": [
        "error",
        { object: "process", property: "env", message: "Read settings through the package's env module." },
      ],
    },
  },
  {
    // The API's infrastructure (caches, rate limits, mail, realtime), its booking rules and the
    // handler's fast path serve the routers and never import one: a router is where they meet.
    files: ["packages/api/src/{cache,rate-limit,mail,realtime,booking}/**/*.ts", "packages/api/src/cached-reads.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: [{ regex: "(^|/)(routers|root)(/|$)", message: "Infrastructure and booking rules must not import a router; move what both need out of the router." }] },
      ],
    },
  },
  {
    files: ["**/*.js", "**/*.mjs"],
    ...tseslint.configs.disableTypeChecked,
  },
);
