import "server-only";

import { NextResponse } from "next/server";
import { z } from "zod";
import type { RateLimitResult } from "@/lib/rate-limit";

/** Every API error: a machine-readable `status` and a human `detail`. */
export function problem(
  httpStatus: number,
  status: string,
  detail: string,
  extra: Record<string, unknown> = {},
  headers?: HeadersInit,
) {
  return NextResponse.json({ status, detail, ...extra }, { status: httpStatus, headers });
}

export function tooManyRequests(limit: Extract<RateLimitResult, { ok: false }>) {
  return problem(
    429,
    "rate_limited",
    "Too many requests. Please wait and try again.",
    { retry_after: limit.retryAfterSeconds },
    { "Retry-After": String(limit.retryAfterSeconds) },
  );
}

/**
 * Field errors as in the seed contract (`{"email": ["..."]}`), plus `detail`. Unknown
 * fields are reported under `non_field_errors` so they cannot collide with a field name.
 */
export function fieldErrorsResponse(error: z.ZodError) {
  const body: Record<string, string[] | string> = {};
  for (const issue of error.issues) {
    if (issue.code === "unrecognized_keys") {
      const list = (body.non_field_errors as string[] | undefined) ?? [];
      list.push(`Unknown field(s): ${issue.keys.join(", ")}.`);
      body.non_field_errors = list;
      continue;
    }
    const field = issue.path.length > 0 ? issue.path.join(".") : "non_field_errors";
    const list = (body[field] as string[] | undefined) ?? [];
    list.push(issue.message);
    body[field] = list;
  }
  body.detail = "The request has invalid fields.";
  return NextResponse.json(body, { status: 400 });
}

export type ParsedBody<T> = { ok: true; data: T } | { ok: false; response: NextResponse };

/** Public JSON bodies are a few hundred bytes; 4 KB leaves room and caps what a client can make us hold. */
export const DEFAULT_JSON_BODY_LIMIT = 4 * 1024;

function payloadTooLarge(maxBytes: number) {
  return problem(413, "payload_too_large", `The request body must be at most ${maxBytes} bytes.`);
}

/**
 * The body as bytes, or null once it passes `maxBytes`: the declared Content-Length is
 * checked first, then the stream is counted as it arrives and cancelled at the limit, so
 * an oversized body is never held whole.
 */
async function readLimitedBody(request: Request, maxBytes: number): Promise<Uint8Array | null> {
  const declared = request.headers.get("content-length");
  if (declared !== null && (!/^\d+$/.test(declared) || Number(declared) > maxBytes)) return null;
  if (!request.body) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => undefined);
      return null;
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

/**
 * Reads a JSON body strictly: 415 unless application/json, 413 past `maxBytes`, 400 for
 * malformed JSON (invalid UTF-8 included) or invalid fields. Every JSON route handler
 * reads its body through here.
 */
export async function readJsonBody<T extends z.core.$ZodType>(
  request: Request,
  schema: T,
  { maxBytes = DEFAULT_JSON_BODY_LIMIT }: { maxBytes?: number } = {},
): Promise<ParsedBody<z.output<T>>> {
  const contentType = request.headers.get("content-type") ?? "";
  if (!/^application\/json\s*(;|$)/i.test(contentType)) {
    return {
      ok: false,
      response: problem(
        415,
        "unsupported_media_type",
        "Send the request body as application/json.",
      ),
    };
  }
  let bytes: Uint8Array | null;
  try {
    bytes = await readLimitedBody(request, maxBytes);
  } catch {
    return {
      ok: false,
      response: problem(400, "malformed_json", "The request body could not be read."),
    };
  }
  if (bytes === null) return { ok: false, response: payloadTooLarge(maxBytes) };
  let body: unknown;
  try {
    body = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes));
  } catch {
    return {
      ok: false,
      response: problem(400, "malformed_json", "The request body is not valid JSON."),
    };
  }
  // Classic and mini (browser-shared) schemas alike.
  const parsed = z.safeParse(schema, body);
  if (!parsed.success) return { ok: false, response: fieldErrorsResponse(parsed.error) };
  return { ok: true, data: parsed.data };
}
