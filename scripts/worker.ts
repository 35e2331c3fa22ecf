// `npm run worker`: the job runner alone (emails and scheduled work), for operators who
// run it apart from the web servers (then set JOB_RUNNER=off on those). Any number may
// run. SIGTERM/SIGINT let the running jobs finish (graphile-worker's own handlers).
import { startConfiguredRunner } from "@/lib/jobs/configured-runner";
import { checkConfigurationOrExit } from "@/lib/startup-check";

checkConfigurationOrExit();
const runner = await startConfiguredRunner({ handleSignals: true });
console.log(
  JSON.stringify({ level: "info", msg: "job runner started", time: new Date().toISOString() }),
);
await runner.promise;
