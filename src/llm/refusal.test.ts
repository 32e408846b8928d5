import { describe, expect, it } from "vitest";
import { isRefusal } from "./refusal.js";

describe("refusals in the model's own words", () => {
  it.each([
    "NOT_FOUND",
    "**Not found.**",
    "The provided passages do not mention how many staff the Center employs.",
    "The documents don't specify the budget.",
    "The number of staff is not mentioned in the passages.",
    "There is no information about the budget in the given passages.",
    "I could not find the answer in the documents.",
    "I'm sorry, but the context does not say.",
    "It cannot be determined from the passages.",
    "所提供的段落中没有提到该中心的员工人数。",
    "文件中未提及预算。",
    "无法确定该中心的员工人数。",
    "Dokumen tersebut tidak menyebutkan jumlah staf.",
    "Các đoạn văn không đề cập đến số lượng nhân viên.",
    "เอกสารไม่มีข้อมูลเกี่ยวกับงบประมาณ",
    "Les passages ne mentionnent pas le budget.",
  ])("%s", (sentence) => {
    expect(isRefusal(sentence)).toBe(true);
  });

  it.each([
    "The strategy does not include nuclear energy.",
    "CAEC was established in 2010.",
    "Unfortunately, biodiversity loss continues in the region.",
    "中国-东盟环境合作中心成立于2010年。",
    "No country was left out of the programme.",
  ])("not a refusal: %s", (sentence) => {
    expect(isRefusal(sentence)).toBe(false);
  });
});
