import { HTTPReceiver, SocketModeReceiver, type Logger as BoltLogger, type Receiver, type webApi } from "@slack/bolt";
import { CoopdocsError, ErrorCode } from "../core/coopdocs-error.js";
import type { SlackConfig } from "../config/config.js";

/** The HTTP path Slack posts events, slash commands and button clicks to. */
export const eventsPath = "/slack/events";
/** Liveness probe for load balancers, answered without a signature. */
export const healthPath = "/healthz";

export type ReceiverKind = { mode: "http"; receiver: HTTPReceiver } | { mode: "socket"; receiver: SocketModeReceiver };

/**
 * Socket Mode by default (no public URL needed), HTTP with SLACK_MODE=http. In HTTP mode
 * processBeforeResponse is false: Bolt answers Slack's request on ack(), within its 3 seconds, and the
 * answer is posted afterwards.
 */
export function createReceiver(
  slack: SlackConfig,
  logger: BoltLogger,
  clientOptions: webApi.WebClientOptions,
): ReceiverKind {
  if (slack.mode === "http") {
    if (!slack.signingSecret) {
      throw new CoopdocsError(ErrorCode.ConfigInvalid, "SLACK_SIGNING_SECRET is required in HTTP mode.");
    }
    const receiver = new HTTPReceiver({
      signingSecret: slack.signingSecret,
      endpoints: eventsPath,
      processBeforeResponse: false,
      logger,
      customRoutes: [
        {
          path: healthPath,
          method: ["GET"],
          handler: (_req, res) => {
            res.writeHead(200, { "content-type": "text/plain" });
            res.end("ok");
          },
        },
      ],
    });
    return { mode: "http", receiver };
  }
  if (!slack.appToken) {
    throw new CoopdocsError(ErrorCode.ConfigInvalid, "SLACK_APP_TOKEN is required in Socket Mode.");
  }
  const receiver = new SocketModeReceiver({
    appToken: slack.appToken,
    logger,
    // The socket client makes its own Web API call (apps.connections.open): it needs SLACK_API_URL too.
    installerOptions: { clientOptions },
  });
  return { mode: "socket", receiver };
}

export type { Receiver };
