/**
 * Lists the corpus's English vocabulary that the Chinese lexicon (src/retrieve/lexicon/zh-en.tsv)
 * should cover, most frequent first: capitalised multi-word names, acronyms and frequent content
 * words, each marked "+" when some lexicon entry already translates to it. Run after the corpus
 * changes and add Chinese equivalents for the unmarked lines:
 *
 *   npx tsx scripts/lexicon-candidates.ts [corpusDir] [--missing]
 *
 * It ends with the lexicon entries whose English the corpus never uses: after a corpus change they
 * may be stale, or they are attributes people ask for that the documents do not give (a budget).
 */
import { readFile, readdir } from "node:fs/promises";
import { join } from "node:path";
import { contentTerms } from "../src/store/lexical-index.js";

const args = process.argv.slice(2);
const corpusDir = args.find((a) => !a.startsWith("--")) ?? "corpus";
const missingOnly = args.includes("--missing");

// Small words allowed inside a capitalised name ("Ministry of Ecology and Environment").
const joiners = new Set(["of", "and", "for", "on", "the", "in", "&"]);
// A name needs this many uses to be listed: one-off capitalised phrases are mostly sentence starts.
const minNameCount = 1;
// Content words below this count are rarely asked about; 3 keeps the list to a few hundred lines.
const minWordCount = 3;

function namesIn(text: string): string[] {
  const names: string[] = [];
  for (const line of text.split(/\n+/)) {
    const words = line.split(/\s+/).map((w) => w.replace(/^[("“'‘]+|[)"”'’,.;:!?]+$/g, ""));
    let run: string[] = [];
    const flush = () => {
      while (run.length > 0 && joiners.has(run[run.length - 1] ?? "")) run.pop();
      if (run.length >= 2) names.push(run.join(" "));
      run = [];
    };
    for (const word of words) {
      if (/^[A-Z][\p{L}-]*$/u.test(word) || (run.length > 0 && joiners.has(word))) run.push(word);
      else flush();
    }
    flush();
  }
  return names;
}

function count(into: Map<string, number>, key: string): void {
  into.set(key, (into.get(key) ?? 0) + 1);
}

const lexicon = await readFile(new URL("../src/retrieve/lexicon/zh-en.tsv", import.meta.url), "utf8").catch(() => "");
const covered = new Set(
  lexicon
    .split("\n")
    .filter((line) => line && !line.startsWith("#"))
    .flatMap((line) => contentTerms(line.split("\t")[1] ?? "")),
);
const isCovered = (english: string) => contentTerms(english).every((t) => covered.has(t));

const names = new Map<string, number>();
const acronyms = new Map<string, number>();
const words = new Map<string, number>();
for (const file of (await readdir(corpusDir)).filter((f) => f.endsWith(".txt"))) {
  const text = await readFile(join(corpusDir, file), "utf8");
  for (const name of namesIn(text)) count(names, name);
  for (const acronym of text.match(/\b[A-Z][A-Z&]{1,9}s?\b/g) ?? []) count(acronyms, acronym);
  for (const word of text.toLowerCase().match(/\b[a-z][a-z-]{2,}\b/g) ?? []) {
    if (contentTerms(word).length > 0) count(words, word);
  }
}

function print(title: string, counts: Map<string, number>, min: number): void {
  console.log(`# ${title}`);
  for (const [term, n] of [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))) {
    if (n < min) continue;
    const mark = isCovered(term) ? "+" : " ";
    if (!missingOnly || mark === " ") console.log(`${mark} ${n}\t${term}`);
  }
}
print("names", names, minNameCount);
print("acronyms", acronyms, 1);
print("words", words, minWordCount);

const corpusTerms = new Set([...words.keys(), ...names.keys(), ...acronyms.keys()].flatMap(contentTerms));
console.log("# lexicon entries the corpus never uses");
for (const line of lexicon.split("\n")) {
  if (!line || line.startsWith("#")) continue;
  const english = line.split("\t")[1] ?? "";
  if (!contentTerms(english).some((t) => corpusTerms.has(t))) console.log(`  ${line}`);
}
