import { z } from "zod/v4";
import { answerSchema, askRequestSchema, errorSchema, sourceSchema } from "./api-schemas.js";

function jsonSchema(schema: z.ZodType): Record<string, unknown> {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as Record<
    string,
    unknown
  >;
  return rest;
}

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (schema: object) => ({ content: { "application/json": { schema } } });
const errorResponse = (description: string) => ({ description, ...json(ref("Error")) });

/** The OpenAPI 3.1 description of the JSON API, generated from the same zod schemas that validate requests. */
export function openApiDocument(serverUrl?: string): Record<string, unknown> {
  const askBody = { required: true, ...json(ref("AskRequest")) };
  const askErrors = {
    "400": errorResponse("The body is not JSON, or the question is empty, too long or of the wrong type."),
    "413": errorResponse("The body is larger than the limit."),
    "415": errorResponse("The body is not application/json."),
    "429": errorResponse("Too many requests from this client; retry after the `Retry-After` seconds."),
  };
  return {
    openapi: "3.1.0",
    info: {
      title: "coopdocs",
      version: "1",
      description:
        "Answers about the ASEAN-China environmental cooperation documents, with citations that link to the cited passage.",
    },
    ...(serverUrl ? { servers: [{ url: serverUrl }] } : {}),
    paths: {
      "/api/ask": {
        post: {
          summary:
            "Answer a question (the same object as `coopdocs ask --json`, each citation with its source-view url).",
          requestBody: askBody,
          responses: { "200": { description: "The answer.", ...json(ref("Answer")) }, ...askErrors },
        },
      },
      "/api/ask/stream": {
        post: {
          summary:
            "Answer a question as server-sent events: `token` (text as it is written), then `answer` (the Answer JSON) or `error`.",
          requestBody: askBody,
          responses: {
            "200": {
              description: "An event stream.",
              content: { "text/event-stream": { schema: { type: "string" } } },
            },
            ...askErrors,
          },
        },
      },
      "/api/sources": {
        get: {
          summary: "What is indexed, skipped and why.",
          responses: {
            "200": {
              description: "The documents.",
              ...json({
                type: "object",
                properties: { sources: { type: "array", items: ref("Source") } },
                required: ["sources"],
              }),
            },
          },
        },
      },
      "/healthz": {
        get: {
          summary: "Liveness: the server runs and the index is loaded.",
          responses: {
            "200": { description: "OK", ...json({ type: "object", properties: { status: { const: "ok" } } }) },
          },
        },
      },
    },
    components: {
      schemas: {
        AskRequest: jsonSchema(askRequestSchema),
        Answer: jsonSchema(answerSchema),
        Source: jsonSchema(sourceSchema),
        Error: jsonSchema(errorSchema),
      },
    },
  };
}
