// The part of autocannon's library API (v8) that the benchmark uses; the package ships no types.
declare module "autocannon" {
  import type { EventEmitter } from "node:events";

  export type RequestData = {
    method?: string;
    path?: string;
    headers?: Record<string, string>;
    body?: string | Buffer;
  };

  export type RequestDefinition<Context> = RequestData & {
    /** Called just before the request is written; returning a falsy value is not supported for the first request. */
    setupRequest?: (request: RequestData, context: Context) => RequestData;
    onResponse?: (
      status: number,
      body: string,
      context: Context,
      headers: Record<string, string | string[]>,
    ) => void;
  };

  export type Options<Context> = {
    url: string;
    connections?: number;
    /** Total requests across all connections; when set, `duration` is ignored. */
    amount?: number;
    /** Seconds. */
    duration?: number;
    /** Seconds before a request counts as timed out. */
    timeout?: number;
    headers?: Record<string, string>;
    requests?: RequestDefinition<Context>[];
    initialContext?: Context;
  };

  export type Result = {
    errors: number;
    timeouts: number;
    non2xx: number;
    duration: number;
  };

  export type Instance = EventEmitter & PromiseLike<Result>;

  export default function autocannon<Context = Record<string, unknown>>(
    options: Options<Context>,
  ): Instance;
}
