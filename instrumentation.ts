// Runs once when a server starts: validate the whole configuration there, so that a
// missing production setting stops the server at once with a message naming it,
// instead of failing every request later.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  const { config } = await import("@/lib/config");
  try {
    config();
  } catch (error) {
    console.error(JSON.stringify({ level: "error", msg: "configuration", detail: (error as Error).message, time: new Date().toISOString() }));
    process.exit(1);
  }
}
