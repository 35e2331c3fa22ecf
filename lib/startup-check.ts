import { config } from "@/lib/config";

/** Stops the server at start-up when the configuration is invalid, naming every problem. */
export function checkConfigurationOrExit(): void {
  try {
    config();
  } catch (error) {
    console.error(
      JSON.stringify({
        level: "error",
        msg: "configuration",
        detail: (error as Error).message,
        time: new Date().toISOString(),
      }),
    );
    process.exit(1);
  }
}
