import type { TestProject } from "vitest/node";
import { startEmbeddedPostgres } from "@/lib/embedded-postgres";
import { installJobQueue } from "@/lib/jobs/runner";
import { migrate } from "@/lib/migrate";
import {
  createDatabase,
  databaseUrl,
  dropDatabasesWithPrefix,
  uniqueDatabaseName,
} from "./test-databases";

declare module "vitest" {
  export interface ProvidedContext {
    testServerUrl: string;
    templateDatabase: string;
  }
}

/**
 * Tests never touch the database DATABASE_URL names: they create throw-away databases
 * on the same server (or on the embedded server when DATABASE_URL is unset), all named
 * with this run's prefix and dropped at the end.
 */
export default async function setup(project: TestProject) {
  let stopEmbedded = async () => {};
  let serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    const embedded = await startEmbeddedPostgres("postgres");
    serverUrl = embedded.url;
    stopEmbedded = embedded.stop;
  }
  const prefix = uniqueDatabaseName("azionelab_test");
  const template = `${prefix}_template`;
  await createDatabase(serverUrl, template);
  await migrate({ connectionString: databaseUrl(serverUrl, template) });
  // graphile-worker's schema (jobs are added with SQL in the app's transactions).
  await installJobQueue(databaseUrl(serverUrl, template));

  project.provide("testServerUrl", serverUrl);
  project.provide("templateDatabase", template);

  return async () => {
    await dropDatabasesWithPrefix(serverUrl, prefix);
    await stopEmbedded();
  };
}
