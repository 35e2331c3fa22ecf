// The app's log lines: JSON through pino on stdout, in the same shape as the request lines
// of scripts/server-preload.mjs (scripts/logger.mjs).
// Never pass personal data or secrets (names, emails, phones, tokens, passwords):
// identify things by id and reason code. The listed keys are removed as a safeguard.
import { createLogger } from "@/scripts/logger.mjs";

export const log = createLogger();
