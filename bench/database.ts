import pg from "pg";
import { startEmbeddedPostgres } from "@/lib/embedded-postgres";
import { installJobQueue } from "@/lib/jobs/runner";
import { migrate } from "@/lib/migrate";
import {
  createDatabase,
  uniqueDatabaseName,
  withServerClient,
} from "@/tests/support/test-databases";

const PREFIX = "azionelab_bench";

/** Databases of earlier runs that were killed before their clean-up; one in use by a live run refuses the DROP and stays. */
async function dropAbandonedDatabases(serverUrl: string): Promise<void> {
  await withServerClient(serverUrl, async (client) => {
    const { rows } = await client.query<{ datname: string }>(
      "SELECT datname FROM pg_database WHERE datname ~ $1",
      [`^${PREFIX}_[0-9a-f]+$`],
    );
    for (const { datname } of rows)
      await client.query(`DROP DATABASE IF EXISTS "${datname}"`).catch(() => undefined);
  });
}

export type BenchDatabase = {
  url: string;
  name: string;
  serverVersion: string;
  close: () => Promise<void>;
};

/**
 * A fresh, migrated database `azionelab_bench_<random>` on the server DATABASE_URL names
 * (or on the embedded PostgreSQL when it is unset). The database DATABASE_URL names is
 * never written to; ours is dropped by `close`.
 */
export async function openBenchDatabase(): Promise<BenchDatabase> {
  let serverUrl = process.env.DATABASE_URL;
  let stopEmbedded = async () => {};
  if (!serverUrl) {
    const embedded = await startEmbeddedPostgres("postgres");
    serverUrl = embedded.url;
    stopEmbedded = embedded.stop;
  }
  const server = serverUrl;
  await dropAbandonedDatabases(server);
  const name = uniqueDatabaseName(PREFIX);
  const url = await createDatabase(server, name);
  await migrate({ connectionString: url });
  await installJobQueue(url);
  const serverVersion = await withServerClient(
    server,
    async (client) =>
      (await client.query<{ server_version: string }>("SHOW server_version")).rows[0]
        .server_version,
  );
  return {
    url,
    name,
    serverVersion,
    close: async () => {
      await withServerClient(server, (client) =>
        client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
      );
      await stopEmbedded();
    },
  };
}

export function openPool(url: string, max = 4): pg.Pool {
  return new pg.Pool({ connectionString: url, max });
}
