import type { AddressInfo } from "node:net";
import { serve, type ServerType } from "@hono/node-server";
import type { Logger } from "../core/logger.js";
import { createWebApp, type WebAppOptions } from "./app.js";

export interface RunningWebServer {
  /** Where it listens, e.g. http://127.0.0.1:8080. */
  url: string;
  port: number;
  close(): Promise<void>;
}

/** Starts the web page and JSON API on host:port (port 0: any free port). */
export async function startWebServer(
  options: WebAppOptions & { host: string; port: number; logger?: Logger },
): Promise<RunningWebServer> {
  const app = createWebApp(options);
  const server = await new Promise<ServerType>((resolve, reject) => {
    const s = serve({ fetch: app.fetch, hostname: options.host, port: options.port }, () => resolve(s));
    s.once("error", reject);
  });
  const address = server.address() as AddressInfo;
  const shownHost = address.family === "IPv6" ? `[${address.address}]` : address.address;
  const url = `http://${shownHost}:${address.port}`;
  options.logger?.info(`Web page on ${url}${options.publicUrl ? ` (links point to ${options.publicUrl})` : ""}`);
  return {
    url,
    port: address.port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        // Open keep-alive and event-stream connections would hold close() forever.
        (server as { closeAllConnections?: () => void }).closeAllConnections?.();
      }),
  };
}
