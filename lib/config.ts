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
    // PostgreSQL cancels a statement running longer, or waiting longer for a lock: a slow
    // or locked database answers 503 + Retry-After quickly instead of piling requests up.
    DATABASE_STATEMENT_TIMEOUT_MS: positiveInt(10_000),
    DATABASE_LOCK_TIMEOUT_MS: positiveInt(3_000),
    APP_URL: z.url().optional(),
    NEXTAUTH_SECRET: z.string().optional(),
    NEXTAUTH_URL: z.url().optional(),
    PORT: positiveInt(3000),
    EMAIL_TRANSPORT: z.enum(["resend", "file", "smtp"]).optional(),
    // For EMAIL_TRANSPORT=smtp: smtp://user:password@host:587 (STARTTLS) or smtps://…:465.
    SMTP_URL: z
      .string()
      .regex(/^smtps?:\/\//, "SMTP_URL must be an smtp:// or smtps:// URL")
      .optional(),
    // The job runner inside the app process: `off` when `npm run worker` runs it elsewhere.
    JOB_RUNNER: z.enum(["on", "off"]).default("on"),
    // Jobs (emails) one runner works on at once.
    JOB_CONCURRENCY: positiveInt(4),
    // A job runner silent this long is gone: the others release the jobs it held.
    JOB_RUNNER_GONE_AFTER_MS: positiveInt(30_000),
    MAIL_DIR: z.string().default(".data/mail"),
    RESEND_API_KEY: z.string().optional(),
    EMAIL_FROM: z.string().default("AzioneLab <biglietteria@azionelab.example>"),
    RATE_LIMIT: z.enum(["on", "off"]).default("on"),
    // on: a reverse proxy in front appends the client's address to X-Forwarded-For.
    TRUST_PROXY: z.enum(["on", "off"]).default("off"),
    // Where show posters may be loaded from besides this site (the CSP's img-src), e.g.
    // https://images.azionelab.example. Unset: posters only from this site.
    POSTER_ORIGIN: z
      .url({ protocol: /^https$/, error: "must be an https:// origin" })
      .transform((url) => new URL(url).origin)
      .optional(),
    TIME_ZONE: z.string().default("Europe/Rome"),
    DEFAULT_LOCALE: z.enum(["it", "en"]).default("it"),
    MAX_PARTY_SIZE: positiveInt(10),
    CONFIRMATION_TTL_HOURS: positiveInt(24),
    CHECKIN_WINDOW_HOURS: positiveInt(6),
    // The door admits from this many minutes before the start (earlier needs an override).
    DOORS_OPEN_MINUTES_BEFORE: positiveInt(90),
    // Staff may undo an admission for this long; admins at any time.
    CHECKIN_UNDO_MINUTES: positiveInt(5),
    RETENTION_DAYS: positiveInt(90),
    // How long a waiting-list offer holds its seats (never past the start); decimals allowed.
    WAITLIST_OFFER_HOURS: z.coerce
      .number()
      .positive()
      .max(24 * 30)
      .default(12),
    // Reminders the day before, sent at this hour (0-23) in TIME_ZONE.
    REMINDER_HOUR: z.coerce.number().int().min(0).max(23).default(10),
    LOG_LEVEL: z.enum(["debug", "info", "warn", "error", "silent"]).default("info"),
    // Bearer token for GET /api/metrics (Prometheus); unset: only a signed-in admin sees them.
    METRICS_TOKEN: z.string().min(32, "must be at least 32 characters").optional(),
    // On SIGTERM, how long in-flight requests and running jobs get to finish.
    SHUTDOWN_TIMEOUT_MS: positiveInt(25_000),
  })
  .superRefine((env, ctx) => {
    const transport = env.EMAIL_TRANSPORT ?? defaultTransport(env.NODE_ENV);
    if (transport === "smtp" && !env.SMTP_URL) {
      ctx.addIssue({
        code: "custom",
        path: ["SMTP_URL"],
        message: "required when EMAIL_TRANSPORT=smtp",
      });
    }
    if (transport === "resend" && !env.RESEND_API_KEY) {
      ctx.addIssue({
        code: "custom",
        path: ["RESEND_API_KEY"],
        message: "required when EMAIL_TRANSPORT=resend",
      });
    }
    if (env.NODE_ENV === "production" && !isBuildPhase()) {
      const weakness = env.NEXTAUTH_SECRET
        ? secretWeakness(env.NEXTAUTH_SECRET)
        : "is required in production";
      if (weakness)
        ctx.addIssue({
          code: "custom",
          path: ["NEXTAUTH_SECRET"],
          message: `${weakness}. Anyone who knows or guesses it can forge an admin session. ${MAKE_A_SECRET}`,
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

export const EXAMPLE_SECRET = "change-me-to-a-long-random-secret"; // .env.example's value
export const MIN_SECRET_BYTES = 32;
const MAKE_A_SECRET = "Generate one with: openssl rand -base64 32";

/**
 * Why `secret` cannot sign production sessions, or null when it can: the example value,
 * fewer than 32 bytes, or text that is obviously not random (few distinct characters, a
 * repeated pattern, little entropy by character counts). A value from
 * `openssl rand -base64 32` (44 characters) passes with a wide margin.
 */
export function secretWeakness(secret: string): string | null {
  if (secret === EXAMPLE_SECRET || /change-?me/i.test(secret))
    return "is the placeholder from .env.example";
  const bytes = Buffer.byteLength(secret, "utf8");
  if (bytes < MIN_SECRET_BYTES)
    return `is ${bytes} bytes long; at least ${MIN_SECRET_BYTES} are needed`;
  const counts = new Map<string, number>();
  for (const char of secret) counts.set(char, (counts.get(char) ?? 0) + 1);
  const length = [...secret].length;
  const bitsPerChar = [...counts.values()].reduce(
    (sum, count) => sum - (count / length) * Math.log2(count / length),
    0,
  );
  if (counts.size < 10 || bitsPerChar * length < 128 || isRepetition(secret))
    return "looks low-entropy (too few distinct characters or a repeated pattern)";
  return null;
}

function isRepetition(text: string): boolean {
  for (let unit = 1; unit <= text.length / 2; unit += 1)
    if (text.length % unit === 0 && text.slice(0, unit).repeat(text.length / unit) === text)
      return true;
  return false;
}

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
