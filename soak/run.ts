// `npm run soak [-- --seed N --ops N --concurrency N --faults a,b --mail-outage-s 30]`:
// see soak/soak.ts. Never part of `npm test` (e2e/soak-short.spec.ts runs a short version there). Needs the
// production build (`npm run build`) and DATABASE_URL naming a PostgreSQL server (the
// database it names is never written to: the soak makes and drops its own).
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { FAULTS, formatTable, runSoak, type Fault } from "@/soak/soak";

const { values } = parseArgs({
  options: {
    seed: { type: "string" },
    ops: { type: "string", default: "10000" },
    concurrency: { type: "string", default: "8" },
    faults: { type: "string", default: FAULTS.join(",") },
    "mail-outage-s": { type: "string", default: "30" },
  },
});
const seed = values.seed ? Number(values.seed) : Math.floor(Math.random() * 2 ** 31);
const faults = values.faults
  .split(",")
  .filter(Boolean)
  .map((fault) => {
    if (!(FAULTS as readonly string[]).includes(fault)) throw new Error(`unknown fault ${fault}`);
    return fault as Fault;
  });
const serverUrl = process.env.DATABASE_URL;
if (!serverUrl) {
  console.error("DATABASE_URL must name a PostgreSQL server (npm run soak provides one).");
  process.exit(2);
}
const result = await runSoak({
  serverUrl,
  seed,
  ops: Number(values.ops),
  concurrency: Number(values.concurrency),
  faults,
  mailOutageMs: Number(values["mail-outage-s"]) * 1000,
  log: (line) => console.error(line),
});
console.log(formatTable(result));
if (result.requestFailures.length > 0)
  console.error(
    `requests that failed (500s, and 503s outside the fault windows):\n${result.requestFailures.join("\n")}`,
  );
await writeFile(
  path.join(import.meta.dirname, "results.json"),
  `${JSON.stringify(result, null, 2)}\n`,
);
process.exit(result.ok ? 0 : 1);
