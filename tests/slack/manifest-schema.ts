/**
 * The parts of Slack's app manifest schema (slackapi/manifest-schema, schemas/manifest.schema.1.0.0.json,
 * v0.5.0) that slack/manifest.yaml uses, transcribed to zod with the schema's limits, required keys and
 * `additionalProperties: false` (`.strict()`): a misspelt key, a retired one the schema no longer has, a
 * description too long or a fifth suggested prompt fails, as it would when Slack reads the manifest.
 * Keys the schema has and this app does not use are left out and so rejected here; add them from the
 * schema when the app needs them.
 */
import { z } from "zod";

const https = z
  .string()
  .regex(/^https?:\/\//)
  .max(3500);
const prompts = z.array(z.object({ title: z.string(), message: z.string() }).strict());

export const manifestSchema = z
  .object({
    _metadata: z
      .object({ major_version: z.number().int().optional(), minor_version: z.number().int().optional() })
      .strict()
      .optional(),
    display_information: z
      .object({
        name: z.string().min(1).max(35),
        description: z.string().min(1).max(140).optional(),
        background_color: z
          .string()
          .regex(/^#[0-9a-fA-F]{3}([0-9a-fA-F]{3})?$/)
          .optional(),
        long_description: z.string().min(175).max(4000).optional(),
      })
      .strict(),
    features: z
      .object({
        app_home: z
          .object({
            home_tab_enabled: z.boolean().optional(),
            messages_tab_enabled: z.boolean().optional(),
            messages_tab_read_only_enabled: z.boolean().optional(),
          })
          .strict()
          .optional(),
        bot_user: z
          .object({ display_name: z.string().min(1).max(80), always_online: z.boolean().optional() })
          .strict()
          .optional(),
        slash_commands: z
          .array(
            z
              .object({
                command: z.string().min(2).max(32).regex(/^\//),
                url: z
                  .string()
                  .regex(/^https?:\/\//)
                  .max(3000)
                  .optional(),
                description: z.string().min(1).max(2000),
                usage_hint: z.string().min(1).max(1000).optional(),
                should_escape: z.boolean().optional(),
              })
              .strict(),
          )
          .min(1)
          .max(50)
          .optional(),
        assistant_view: z
          .object({ assistant_description: z.string(), suggested_prompts: prompts.optional() })
          .strict()
          .optional(),
        agent_view: z
          .object({
            agent_description: z.string().max(300).optional(),
            suggested_prompts: prompts.max(4).optional(),
            actions: z.array(z.object({ name: z.string(), description: z.string() }).strict()).optional(),
          })
          .strict()
          .optional(),
      })
      .strict()
      .optional(),
    oauth_config: z
      .object({
        scopes: z
          .object({
            bot: z.array(z.string().max(50)).max(255).optional(),
            user: z.array(z.string().max(50)).max(255).optional(),
          })
          .strict()
          .optional(),
        token_management_enabled: z.boolean().optional(),
      })
      .strict()
      .optional(),
    settings: z
      .object({
        event_subscriptions: z
          .object({
            request_url: https.optional(),
            bot_events: z.array(z.string().max(50)).max(100).optional(),
            user_events: z.array(z.string().max(50)).max(100).optional(),
          })
          .strict()
          .optional(),
        interactivity: z.object({ is_enabled: z.boolean(), request_url: https.optional() }).strict().optional(),
        org_deploy_enabled: z.boolean().optional(),
        socket_mode_enabled: z.boolean().optional(),
        token_rotation_enabled: z.boolean().optional(),
      })
      .strict()
      .optional(),
  })
  .strict();
