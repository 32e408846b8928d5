/**
 * British spellings rewritten to the American ones before stemming, so that a question and a document
 * that spell a word differently still share its term: the corpus itself writes both "organised" and
 * "organized", "Centre" and "Center", and readers ask either way. The stemmer keeps them apart
 * ("organis" / "organ"), and no maintained package maps the two (the npm ones are small, unkept lists).
 */

// Words whose "-ise" is not the British form of an "-ize" (the same in both spellings), by what precedes it.
const plainIse = new Set(
  `adv dev rev superv telev improv exerc exc conc prec inc prom prem comprom surpr enterpr compr expert advert
   franch merchand otherw likew clockw ra pra ar r w no po cru bru gu disgu desp appr chast circumc dem parad
   treat mort porpo tortoi an val repr`.split(/\s+/),
);
const iseForm = /^([a-z]+?)is(e|es|ed|ing|ation|ations|er|ers)$/;
// Nouns and adjectives whose British "-our" is American "-or" ("labour", "favourable", "behaviours").
const ourForm = /^(lab|col|behavi|fav|hon|neighb|harb|endeav|vap|rum|flav|sav|rig|vig|hum|od|parl|splend|tum|val)our/;
// "-re" nouns that are "-er" in American spelling ("centre", "metres").
const reForm = /^(cent|met|lit|fib|theat|spect|calib|sab|somb|lust|manoeuv)re(s|d)?$/;

/** The American spelling of a lower-case word, or the word itself. */
export function americanSpelling(word: string): string {
  const ise = iseForm.exec(word);
  if (ise && (ise[1]?.length ?? 0) >= 3 && !plainIse.has(ise[1] ?? "")) return `${ise[1]}iz${ise[2]}`;
  const re = reForm.exec(word);
  if (re) return `${re[1]}er${re[2] ?? ""}`;
  if (ourForm.test(word)) return word.replace(/our/, "or");
  return word
    .replace(/^(?=.{4,})(.*[^aeiou])ys(e|es|ed|ing)$/, "$1yz$2") // analyse, catalyse
    .replace(/^programme(s|d)?$/, "program$1")
    .replace(/^(dialog|catalog|analog|prolog|epilog)ue(s|d)?$/, "$1$2")
    .replace(/^(lic|def|off|pret)ence(s)?$/, "$1ense$2")
    .replace(
      /^(label|model|travel|cancel|fuel|signal|channel|counsel|level|total|equal|marshal)l(ing|ed|er|ers)$/,
      "$1$2",
    );
}
