// The short soak in `npm test`: the same harness as `npm run soak` (soak/soak.ts) — two
// production instances with their job runners on one fresh database, behind the
// database proxy — with a few hundred operations of every kind and every fault
// (PostgreSQL down, one instance's connections killed, an instance SIGKILLed and
// restarted, a lock held on a hot performance, the mail transport failing), and all the
// invariants checked. Its fixture makes every kind possible early: a hot performance
// sold out before the first operation with a waiting list in line for it (so the first
// cancellation or capacity raise makes an offer), an admin and a door staff member signed
// in. Shorter than the real soak: 600 operations (about 20 s on a quiet machine), a 5 s
// mail outage (30 s in `npm run soak`: a longer one held the offer emails past the end of
// the run), a killed runner's jobs released after 10 s (30 s by default).
import { expect, test } from "@playwright/test";
import { formatTable, runSoak } from "@/soak/soak";
import { OPERATION_KINDS } from "@/soak/workload";

const serverUrl = process.env.DATABASE_URL;
test.skip(!serverUrl, "needs DATABASE_URL naming a PostgreSQL server");

test("a short soak with every fault keeps every invariant", async () => {
  test.setTimeout(240_000);
  const lines: string[] = [];
  const result = await runSoak({
    serverUrl: serverUrl!,
    seed: 20261202,
    ops: 600,
    concurrency: 6,
    mailOutageMs: 5_000,
    runnerGoneAfterMs: 10_000,
    drainTimeoutMs: 90_000,
    log: (line) => lines.push(line),
  });
  const table = formatTable(result);
  console.log(table);
  expect(result.faults.map((fault) => fault.fault).sort()).toEqual([
    "mail-outage",
    "pg-restart",
    "pg-terminate",
    "sigkill b",
    "slow-db",
  ]);
  // Every kind of operation ran (a kind whose preconditions never arose would prove nothing).
  expect(
    result.perOperation
      .filter((row) => row.operations > 0 && row.n > 0)
      .map((row) => row.kind)
      .sort(),
  ).toEqual(OPERATION_KINDS.map((kind) => kind.name).sort());
  // Every operation counted, whatever found nothing to act on at first.
  expect(result.ops).toBe(600);
  for (const entry of result.invariants)
    expect(
      entry.violations,
      `${entry.invariant}\n${table}\n${lines.join("\n")}\n${result.requestFailures.join("\n")}`,
    ).toEqual([]);
});
