// Runs once when a server starts: validate the whole configuration there, so that a
// missing production setting stops the server at once with a message naming it,
// instead of failing every request later; then start the job runner (emails, scheduled
// work) in this process unless JOB_RUNNER=off. (Node-only code lives in the imported modules.)
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build")
    return;
  const { checkConfigurationOrExit } = await import("@/lib/startup-check");
  checkConfigurationOrExit();
  const { startRunnerInApp } = await import("@/lib/jobs/configured-runner");
  startRunnerInApp();
}

// Every error of a route handler, page or server action, before Next answers 500: one
// that means the database is unavailable (down, restarting, too slow, a lock held too
// long) becomes 503 with Retry-After (lib/operations/request-errors.ts).
export async function onRequestError(
  error: unknown,
  request: { path: string; method: string; headers: Record<string, unknown> },
) {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { noteRequestError } = await import("@/lib/operations/request-errors");
  noteRequestError(error, request);
}
