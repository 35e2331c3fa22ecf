-- Revocable sessions: a session cookie is valid only while it carries the user's current
-- session_version (lib/auth/session-claims.ts). Existing cookies carry no version and are
-- refused, so everyone signs in again once after this migration.
ALTER TABLE "users" ADD COLUMN "session_version" INTEGER NOT NULL DEFAULT 0;
