// The workspace's type-aware rules, plus React's rules of hooks and the web app's boundaries.
import reactHooks from "eslint-plugin-react-hooks";
import root from "../../eslint.config.js";

/** The staff area's features: each may use src/ui, src/lib, src/api and the staff shell, never another feature. */
const FEATURES = ["calendar", "patients", "settings", "account"];

export default [
  ...root,
  {
    files: ["src/**/*.{ts,tsx}"],
    plugins: { "react-hooks": reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      "no-console": ["error", { allow: ["error"] }],
      // The browser gets types from the server packages, never their code (DESIGN.md: dependencies).
      "@typescript-eslint/no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              regex: "^@frontdesk/(api|auth|db|scheduling|server)(/.*)?$",
              allowTypeImports: true,
              message: "The web app imports only types from server packages (`import type`); shared rules live in @frontdesk/domain.",
            },
          ],
        },
      ],
    },
  },
  ...FEATURES.map((feature) => {
    const others = FEATURES.filter((other) => other !== feature).join("|");
    return {
      files: [`src/staff/${feature}/**/*.{ts,tsx}`],
      rules: {
        "no-restricted-imports": [
          "error",
          {
            patterns: [
              {
                regex: `^(\\.\\./|.*/staff/)(${others})(/|$)`,
                message: `staff/${feature} may not import another staff feature: move what both need to src/ui (components), src/lib (hooks, helpers) or src/test (fixtures).`,
              },
            ],
          },
        ],
      },
    };
  }),
];
