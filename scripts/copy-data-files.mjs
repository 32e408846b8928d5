// Copies the data files the compiled code reads at run time (tsc copies only .ts and imported .json).
import { cpSync } from "node:fs";

cpSync(new URL("../src/retrieve/lexicon/", import.meta.url), new URL("../dist/retrieve/lexicon/", import.meta.url), {
  recursive: true,
});
