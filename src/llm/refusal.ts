import { notFoundSentinel } from "./not-found-sentinel.js";

/**
 * Refusals in the model's own words: "The provided passages do not mention …", "文中没有提到 …". The
 * prompt asks for NOT_FOUND, but models often explain instead, in the language of the question. A
 * sentence is a refusal when it says the documents (or the model) lack the answer; a statement that
 * something "does not include" X about the world is not one, so the English and Chinese patterns
 * name the documents or the speaker.
 */

// What the model calls the passages it was given.
const documentsEn = String.raw`(?:passages?|documents?|context|sources?|texts?|excerpts?|materials?|information (?:provided|given|available)|provided (?:information|content))`;
const refusalPatterns: readonly RegExp[] = [
  // English
  new RegExp(
    String.raw`\b${documentsEn}\b[^.!?]{0,80}?\b(?:do|does|did)(?:\s+not|n['’]t)\s+(?:\w+\s+)?(?:mention|contain|include|provide|specify|state|say|give|cover|discuss|address|indicate|describe|tell|list|have|detail|offer|reference|talk|answer|identify|clarify|show)`,
    "i",
  ),
  new RegExp(
    String.raw`\b(?:not|never)\s+(?:explicitly\s+|specifically\s+|directly\s+)?(?:mentioned|specified|stated|provided|found|covered|addressed|given|included|indicated|described|discussed|detailed|available)\s+(?:in|within|by|from)\s+(?:the\s+|any\s+of\s+the\s+|these\s+|those\s+)?(?:provided\s+|given\s+|available\s+)?${documentsEn}`,
    "i",
  ),
  /\b(?:there\s+is|there['’]s|I\s+(?:have|found)|we\s+have)\s+no\s+(?:specific\s+|relevant\s+|explicit\s+|direct\s+)?(?:information|mention|details?|data|reference|indication|record)\b/i,
  /\bno\s+(?:specific\s+|relevant\s+)?(?:information|mention|details?|data)\s+(?:is|was|are|were)\s+(?:available|provided|given|found|included)\b/i,
  /\b(?:I|we)\s+(?:could|can|was|am|were|did|do)(?:\s*not|n['’]t)\s+(?:\w+\s+)?(?:find|determine|locate|answer|identify|see|confirm|tell)\b/i,
  /\b(?:I|we)\s+(?:am|are)\s+(?:unable|not able)\s+to\b/i,
  /\b(?:cannot|can['’]t|can not|unable to|not possible to|impossible to)\s+(?:be\s+)?(?:determine|determined|answer|answered|find|found|confirm|confirmed|identify|identified|tell|say|know)\b/i,
  /^\W*(?:I\s+don['’]t\s+know|I\s+do\s+not\s+know|(?:I['’]m\s+sorry|I\s+am\s+sorry|sorry)\b)/i,
  // Chinese (simplified and traditional)
  /(?:段落|文档|文件|资料|文本|上下文|材料|内容|信息|所给|提供的|來源|文件中|文中|原文|段落中).{0,40}?(?:没有|沒有|未|并未|並未|并没有|不)(?:\S{0,4})?(?:提到|提及|提供|包含|涉及|说明|說明|找到|记载|記載|明确|明確|指出|列出|介绍|介紹|给出|給出|描述)/,
  /(?:无法|無法|不能|难以|難以|没法)(?:\S{0,4})?(?:确定|確定|回答|找到|判断|判斷|得知|确认|確認|提供)/,
  /(?:没有|沒有|并无|並無)(?:\S{0,6})?(?:相关|相關|具体|具體)?(?:信息|資訊|资料|資料|数据|數據|记录|記錄)/,
  /(?:找不到|未找到|没有找到|沒有找到|未能找到|不清楚|抱歉)/,
  // Malay / Indonesian, Vietnamese, Thai (ASEAN languages), then Japanese, Korean, French, Spanish
  /\btidak\s+(?:disebutkan|ditemukan|menyebutkan|memuat|mengandung|tersedia|dijelaskan|menjelaskan|ada\s+(?:informasi|maklumat)|terdapat\s+(?:informasi|maklumat))\b|\btiada\s+maklumat\b/i,
  /không\s+(?:đề\s+cập|có\s+thông\s+tin|tìm\s+thấy|nêu|cung\s+cấp|được\s+đề\s+cập|chứa)/i,
  /ไม่(?:มีข้อมูล|พบ|ได้ระบุ|ได้กล่าวถึง|ได้ให้ข้อมูล)/,
  /記載されていません|言及されていません|見つかりません|情報はありません|わかりません/,
  /언급되어\s*있지\s*않|찾을\s*수\s*없|정보가\s*없|알\s*수\s*없/,
  /\bne\s+(?:mentionnent|mentionne|contiennent|contient|précisent|précise|fournissent|fournit|indiquent|indique)\s+(?:pas|aucune?)\b|\baucune\s+information\b/i,
  /\bno\s+(?:mencionan|menciona|contienen|contiene|especifican|especifica|proporcionan|proporciona|indican|indica)\b|\bno\s+hay\s+información\b/i,
];

const sentinelOnly = new RegExp(String.raw`^[\W_]*(?:${notFoundSentinel}|NOT FOUND)[\W_]*$`, "i");

/** True when the sentence (markers removed) says the documents do not hold the answer. */
export function isRefusal(sentence: string): boolean {
  const text = sentence.trim();
  if (text === "") return false;
  if (sentinelOnly.test(text) || /^[\W_]*NOT_FOUND\b/.test(text)) return true;
  return refusalPatterns.some((pattern) => pattern.test(text));
}
