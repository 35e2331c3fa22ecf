// The embedded PostgreSQL of scripts/with-db.ts, in a process of its own that with-db
// starts detached: a Ctrl-C in the terminal then reaches the app alone, which shuts down
// while its database is still up (no screenful of "terminating connection" errors), and
// with-db stops the server afterwards. Talks to with-db over IPC.
import { startEmbeddedPostgres } from "@/lib/embedded-postgres";

const database = process.argv[2] ?? "azionelab";
try {
  const embedded = await startEmbeddedPostgres(database);
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await embedded.stop();
    process.exit(0);
  };
  process.on("message", (message) => {
    if (message === "stop") void stop();
  });
  // with-db gone (killed): do not leave a server nobody will stop.
  process.on("disconnect", () => void stop());
  process.send?.({ url: embedded.url });
} catch (error) {
  process.send?.({ error: (error as Error).message });
  process.exit(1);
}
