// Runs before each test file: gives it a fresh copy of the migrated template database
// and points DATABASE_URL (and so lib/db) at it.
import { inject } from "vitest";
import { createDatabase } from "./test-databases";

const template = inject("templateDatabase");
process.env.DATABASE_URL = await createDatabase(
  inject("testServerUrl"),
  `${template.replace(/_template$/, "")}_${process.pid}_${Math.random().toString(36).slice(2, 8)}`,
  template,
);
process.env.TEST_SERVER_URL = inject("testServerUrl");
