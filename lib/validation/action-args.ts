import { z } from "zod";
import { rowId } from "@/lib/validation/text";

/**
 * Server actions are public POST endpoints: a client can call one with any arguments,
 * bound ones included (`updateUserAction(1.5, …)`). Every action parses all of them here
 * before it trusts any, and treats `null` as "refuse".
 */
export function parseActionArgs<const T extends readonly [z.ZodType, ...z.ZodType[]]>(
  schemas: T,
  values: readonly unknown[],
): { -readonly [K in keyof T]: z.output<T[K]> } | null {
  const parsed = z.tuple(schemas as unknown as [z.ZodType, ...z.ZodType[]]).safeParse(values);
  return parsed.success ? (parsed.data as { -readonly [K in keyof T]: z.output<T[K]> }) : null;
}

/** A bound row id. */
export const actionId = rowId;
/** The previous state `useActionState` passes: never read, so anything goes. */
export const previousState = z.unknown();
/** The submitted form. */
export const formDataArg = z.custom<FormData>((value) => value instanceof FormData);
