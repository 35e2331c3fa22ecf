import type { HttpRequest } from "@/bench/load";

/**
 * A few untimed requests, so that the measured run does not include loading the route's
 * code or opening the server's database connections. Any answer will do.
 */
export async function warmUp(
  baseUrl: string,
  request: HttpRequest,
  { times = 20, headers = {} }: { times?: number; headers?: Record<string, string> } = {},
) {
  await Promise.all(
    Array.from({ length: times }, async () => {
      const response = await fetch(new URL(request.path, baseUrl), {
        method: request.method ?? "GET",
        headers:
          request.body === undefined ? headers : { ...headers, "content-type": "application/json" },
        body: request.body === undefined ? undefined : JSON.stringify(request.body),
      });
      await response.arrayBuffer();
    }),
  );
}
