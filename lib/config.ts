import path from "node:path";
import { z } from "zod";

const positiveInt = (fallback: number) => z.coerce.number().int().positive().default(fallback);

const configSchema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    DATABASE_URL: z
      .string({
        error:
          "DATABASE_URL is required (npm scripts start an embedded PostgreSQL when it is unset)",
      })
      .regex(/^postgres(ql)?:\/\//, "DATABASE_URL must be a postgresql:// URL"),
    DATABASE_POOL_SIZE: positiveInt(10),
    DATABASE_CONNECTION_TIMEOUT_MS: positiveInt(5_000),
    APP_URL: z.url().optional(),
    NEXTAUTH_SECRET: z.string().min(16).optional(),
    NEXTAUTH_URL: z.url().optional(),
    PORT: positiveInt(3000),
    EMAIL_TRANSPORT: z.enum(["resend", "file"]).optional(),
    MAIL_DIR: z.string().default(".data/mail"),
    RESEND_API_KEY: z.string().optional(),
    EMAIL_FROM: z.string().default("AzioneLab <biglietteria@azionelab.example>"),
    RATE_LIMIT: z.enum(["on", "off"]).default("on"),
    // on: a reverse proxy in front appends the client's address to X-Forwarded-For.
    TRUST_PROXY: z.enum(["on", "off"]).default("off"),
    TIME_ZONE: z.string().default("Europe/Rome"),
    DEFAULT_LOCALE: z.enum(["it", "en"]).default("it"),
    MAX_PARTY_SIZE: positiveInt(10),
    CONFIRMATION_TTL_HOURS: positiveInt(24),
    CHECKIN_WINDOW_HOURS: positiveInt(6),
    RETENTION_DAYS: positiveInt(90),
    LOG_LEVEL: z.enum(["debug", "info", "warn", "error", "silent"]).default("info"),
  })
  .superRefine((env, ctx) => {
    const transport = env.EMAIL_TRANSPORT ?? defaultTransport(env.NODE_ENV);
    if (transport === "resend" && !env.RESEND_API_KEY) {
      ctx.addIssue({
        code: "custom",
        path: ["RESEND_API_KEY"],
        message: "required when EMAIL_TRANSPORT=resend",
      });
    }
    if (env.NODE_ENV === "production" && !isBuildPhase()) {
      if (!env.NEXTAUTH_SECRET)
        ctx.addIssue({
          code: "custom",
          path: ["NEXTAUTH_SECRET"],
          message: "required in production (at least 16 characters)",
        });
      if (!env.APP_URL)
        ctx.addIssue({
          code: "custom",
          path: ["APP_URL"],
          message: "required in production: the public base URL used in emails",
        });
    }
  })
  .transform((env) => ({
    ...env,
    APP_URL: (env.APP_URL ?? "http://localhost:3000").replace(/\/+$/, ""),
    EMAIL_TRANSPORT: env.EMAIL_TRANSPORT ?? defaultTransport(env.NODE_ENV),
    MAIL_DIR: path.resolve(env.MAIL_DIR),
  }));

// `file` is the default everywhere but production; an explicit `file` is honoured there too.
function defaultTransport(nodeEnv: string): "resend" | "file" {
  return nodeEnv === "production" ? "resend" : "file";
}

export type Config = z.infer<typeof configSchema>;

// `next build` runs with NODE_ENV=production but without the deployment's secrets.
function isBuildPhase(): boolean {
  return process.env.NEXT_PHASE === "phase-production-build";
}

/** Parses an environment; empty strings count as unset. Throws one readable error listing every problem. */
export function parseConfig(env: Record<string, string | undefined>): Config {
  const present = Object.fromEntries(
    Object.entries(env).filter(([, value]) => value !== undefined && value !== ""),
  );
  const result = configSchema.safeParse(present);
  if (!result.success) {
    const problems = result.error.issues.map(
      (issue) => `  - ${issue.path.join(".") || "(config)"}: ${issue.message}`,
    );
    throw new Error(`Invalid configuration:\n${problems.join("\n")}`);
  }
  return result.data;
}

let cached: Config | undefined;

/** The process configuration, read and validated once. */
export function config(): Config {
  cached ??= parseConfig(process.env);
  return cached;
}
