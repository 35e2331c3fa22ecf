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
