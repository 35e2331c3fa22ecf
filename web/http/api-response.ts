import "server-only";

import { NextResponse } from "next/server";
import type { z } from "zod";
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

/** Reads a JSON body strictly: 415 unless application/json, 400 for malformed JSON or invalid fields. */
export async function readJsonBody<T extends z.ZodType>(
  request: Request,
  schema: T,
): Promise<ParsedBody<z.infer<T>>> {
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
  let body: unknown;
  try {
    body = await request.json();
  } catch {
    return {
      ok: false,
      response: problem(400, "malformed_json", "The request body is not valid JSON."),
    };
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) return { ok: false, response: fieldErrorsResponse(parsed.error) };
  return { ok: true, data: parsed.data };
}
