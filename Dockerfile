# syntax=docker/dockerfile:1
#
# Targets:
#   runtime (default, last stage) — the web app: Next's standalone server, non-root, no
#            compiler, no dev dependencies, no source beyond what the server traces.
#   migrate — one-shot tools image: `npm run db:migrate` (its default command), and also
#            `npm run user:create -- ...`, `npm run retention:purge`, `npm run db:seed`.
#            The scripts are bundled at build time (scripts/build-tools.mjs, esbuild) into
#            plain ES modules, so the image carries neither tsx nor TypeScript nor the
#            production node_modules: only the bundles, the migrations and @node-rs/argon2.
#
# Tests, e2e, benchmarks (and their support folders) are not in the build context
# (.dockerignore). `next build` therefore type-checks with tsconfig.build.json
# (next.config.ts, typescript.tsconfigPath), which leaves them out: the image is checked
# for exactly the code it ships, and a test importing test-only support code cannot break
# it. `npm run typecheck` (tsconfig.json) still checks everything in CI.
#
# No secrets are baked in: configuration comes from the environment at run time
# (compose.yml); .env files are excluded by .dockerignore, so `next build` cannot copy one
# into the standalone output either.
#
# The base image is pinned to one Node.js 24 LTS release; CI builds this file against a
# local stand-in of the same tag (.ci/container).

ARG NODE_IMAGE=node:24.22.3-bookworm-slim

FROM ${NODE_IMAGE} AS base
WORKDIR /app
# PRISMA_SCHEMA_ENGINE_BINARY=/bin/false: our postinstall runs `prisma generate`, which
# needs no engine binary (queries go through @prisma/adapter-pg, migrations through
# scripts/db-migrate.ts); this keeps Prisma from trying to download one.
ENV NEXT_TELEMETRY_DISABLED=1 \
    PRISMA_SCHEMA_ENGINE_BINARY=/bin/false \
    npm_config_update_notifier=false \
    npm_config_fund=false \
    npm_config_audit=false

# All dependencies, for the builds. Dependencies' own install scripts are skipped (they
# would download Prisma engines or prepare the embedded PostgreSQL, neither used here;
# package.json's allowScripts denies them too); our postinstall (`prisma generate`, which
# needs the schema) is run explicitly.
FROM base AS deps
COPY package.json package-lock.json prisma.config.ts ./
COPY prisma ./prisma
RUN npm ci --ignore-scripts && npm run postinstall

FROM base AS build
ENV NODE_ENV=production
COPY --from=deps /app/node_modules ./node_modules
COPY . .
COPY --from=deps /app/lib/generated ./lib/generated
# `public/` is optional in the repository but copied into the runtime image below.
RUN mkdir -p public && npm run build
# graphile-worker's config loader (cosmiconfig) can read TypeScript config files, so Next's
# trace of instrumentation.ts copies the TypeScript compiler into the standalone server.
# The runner is configured in code and never loads one: leave the compiler out.
RUN rm -rf .next/standalone/node_modules/typescript

# The operator scripts, bundled (build/tools: package.json + scripts/*.mjs).
FROM base AS tools
COPY --from=deps /app/node_modules ./node_modules
COPY . .
COPY --from=deps /app/lib/generated ./lib/generated
RUN npm run build:tools

FROM base AS migrate
ENV NODE_ENV=production
COPY --from=tools /app/build/tools ./
COPY prisma/migrations ./prisma/migrations
# The native packages the bundles load: argon2 (user:create, db:seed) and sharp with its
# prebuilt libvips and its two small dependencies (db:seed draws the demo posters). The
# posters' text needs a font; this image has none, so their words may not show here.
COPY --from=tools /app/node_modules/@node-rs ./node_modules/@node-rs
COPY --from=tools /app/node_modules/sharp ./node_modules/sharp
COPY --from=tools /app/node_modules/@img ./node_modules/@img
COPY --from=tools /app/node_modules/detect-libc ./node_modules/detect-libc
COPY --from=tools /app/node_modules/semver ./node_modules/semver
# Files stay root-owned (read-only for the process).
USER node
CMD ["node", "scripts/db-migrate.mjs"]

FROM base AS runtime
ENV NODE_ENV=production \
    PORT=3000 \
    HOSTNAME=0.0.0.0 \
    KEEP_ALIVE_TIMEOUT=65000
COPY --from=build /app/.next/standalone ./
COPY --from=build /app/.next/static ./.next/static
COPY --from=build /app/public ./public
# The preload (logs, metrics, graceful shutdown); it imports pino and prom-client from the
# standalone node_modules (both are serverExternalPackages, so Next traces them there).
COPY scripts/server-preload.mjs scripts/logger.mjs scripts/route-label.mjs ./scripts/
# The only writable paths: Next's caches (cached public pages are written to
# .next/server/route-cache) and the file mail transport's default MAIL_DIR.
RUN mkdir -p .next/cache .next/server/route-cache .data/mail \
  && chown -R node:node .next/cache .next/server/route-cache .data
USER node
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch(`http://127.0.0.1:${process.env.PORT || 3000}/api/health`).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# Same as `npm start` without the asset copying, which happened above.
CMD ["node", "--import", "./scripts/server-preload.mjs", "server.js"]
