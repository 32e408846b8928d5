import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";

/** Codes of the JSON API's error bodies; clients match on them. */
export const ApiErrorCode = {
  InvalidRequest: "invalid_request",
  QuestionInvalid: "question_invalid",
  PayloadTooLarge: "payload_too_large",
  UnsupportedMediaType: "unsupported_media_type",
  RateLimited: "rate_limited",
  NotFound: "not_found",
  Internal: "internal_error",
} as const;
export type ApiErrorCode = (typeof ApiErrorCode)[keyof typeof ApiErrorCode];

/** The one shape of every API error: `{"error":{"code","message"}}`, never a stack trace. */
export function apiError(c: Context, status: ContentfulStatusCode, code: ApiErrorCode, message: string): Response {
  return c.json({ error: { code, message } }, status);
}
