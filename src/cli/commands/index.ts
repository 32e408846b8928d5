import type { Command } from "commander";
import { registerAsk } from "./ask.js";
import { registerBench } from "./bench.js";
import { registerChat } from "./chat.js";
import { registerDraft } from "./draft.js";
import { registerEval } from "./eval.js";
import { registerIngest } from "./ingest.js";
import { registerSlack } from "./slack.js";
import { registerSources } from "./sources.js";
import { registerStart } from "./start.js";
import { registerWeb } from "./web.js";

/** Each command file registers itself on the program; `setExitCode` reports a non-zero outcome. */
export type RegisterCommand = (program: Command, setExitCode: (code: number) => void) => void;

// One file a command; adding a command means adding it here.
export const commandModules: RegisterCommand[] = [
  registerIngest,
  registerAsk,
  registerChat,
  registerDraft,
  registerEval,
  registerSlack,
  registerStart,
  registerWeb,
  registerBench,
  registerSources,
];
