import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";

// The domain (lib/) knows nothing of HTTP or the UI: pages, actions and route handlers
// (app/), components and the HTTP edge (web/) import it, never the other way round.
const FRAMEWORK_AND_EDGE = [
  {
    group: [
      "next",
      "next/*",
      "next-auth",
      "next-auth/*",
      "react",
      "react/*",
      "react-dom",
      "react-dom/*",
    ],
    message:
      "lib/ is the domain: no Next.js or React. Put HTTP and UI code in web/, app/ or components/.",
  },
  {
    group: ["@/app/*", "@/components/*", "@/web/*"],
    message:
      "lib/ must not import the edge (app/, components/, web/): pass what it needs as arguments.",
  },
];
const GLOBAL_CONFIG = {
  group: ["@/lib/config"],
  message:
    "Domain functions take their settings as parameters; the edge (web/settings.ts) reads the configuration.",
};
// Infrastructure adapters that build themselves from the configuration.
const CONFIGURED_ADAPTERS = [
  "lib/config.ts",
  "lib/db.ts",
  "lib/startup-check.ts",
  "lib/rate-limit.ts",
  "lib/mail/transport.ts",
  "lib/reservations/reservation-emails.ts",
  // The key that seals a queued email's link comes from NEXTAUTH_SECRET.
  "lib/mail/email-queue.ts",
  "lib/jobs/configured-runner.ts",
  "lib/**/*.test.ts",
];

export default defineConfig([
  ...nextVitals,
  ...nextTypescript,
  {
    rules: {
      // Names prefixed with "_" are deliberately unused (destructuring, callbacks).
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrorsIgnorePattern: "^_" },
      ],
      "@typescript-eslint/no-explicit-any": "error",
    },
  },
  {
    files: ["lib/**/*.ts", "lib/**/*.tsx"],
    ignores: ["lib/generated/**", ...CONFIGURED_ADAPTERS],
    rules: {
      "no-restricted-imports": ["error", { patterns: [...FRAMEWORK_AND_EDGE, GLOBAL_CONFIG] }],
    },
  },
  {
    // Components get server actions from actions/ (or as props), never from app/.
    files: ["components/**/*.ts", "components/**/*.tsx", "actions/**/*.ts", "web/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["@/app/*"],
              message:
                "app/ is the top layer: put shared server actions in actions/, shared code in web/ or lib/.",
            },
          ],
        },
      ],
    },
  },
  {
    files: CONFIGURED_ADAPTERS,
    ignores: ["lib/generated/**"],
    rules: { "no-restricted-imports": ["error", { patterns: FRAMEWORK_AND_EDGE }] },
  },
  globalIgnores([
    ".next/**",
    ".data/**",
    "out/**",
    "build/**",
    "next-env.d.ts",
    "lib/generated/**",
    "test-results/**",
    "playwright-report/**",
  ]),
]);
