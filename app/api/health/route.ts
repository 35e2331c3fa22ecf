import { db } from "@/lib/db";

export const dynamic = "force-dynamic";

// A load balancer must get an answer even when PostgreSQL hangs rather than refuses.
const DATABASE_TIMEOUT_MS = 3000;

function describe(error: unknown): string {
  const message = error instanceof Error ? `${error.name}: ${error.message}` : "unknown error";
  return message.replace(/postgres(?:ql)?:\/\/\S+/gi, "postgresql://[redacted]").slice(0, 500);
}

export async function GET() {
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    await Promise.race([
      db.$queryRaw`SELECT 1`,
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error("timeout")), DATABASE_TIMEOUT_MS);
      }),
    ]);
    return Response.json({ status: "ok" }, { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    // Operators need the reason; a connection string in it must not reach the logs.
    console.error(
      JSON.stringify({
        level: "error",
        msg: "health check failed",
        error: describe(error),
        time: new Date().toISOString(),
      }),
    );
    return Response.json(
      { status: "unavailable", detail: "The database is not answering." },
      { status: 503, headers: { "Cache-Control": "no-store" } },
    );
  } finally {
    clearTimeout(timer);
  }
}
