/**
 * Chinese questions are searched with the English terms of a small glossary of the corpus's key
 * vocabulary (the documents are in English). Longer entries are matched first, so 城镇人口 wins over 人口.
 */
const glossary: Record<string, string> = {
  "中国-东盟": "China-ASEAN",
  "中国—东盟": "China-ASEAN",
  "东盟-中国": "ASEAN-China",
  东盟: "ASEAN",
  中国: "China",
  东盟成员国: "ASEAN Member States AMS",
  东盟秘书处: "ASEAN Secretariat",
  秘书处: "Secretariat",
  环境保护: "environmental protection",
  环境合作: "environmental cooperation",
  环境: "environment environmental",
  生态环境部: "Ministry of Ecology and Environment MEE",
  环境保护部: "Ministry of Environmental Protection MEP",
  国家环境保护总局: "State Environmental Protection Administration SEPA",
  "中国-东盟环境保护合作中心": "China-ASEAN Environmental Cooperation Center CAEC",
  环境合作中心: "Environmental Cooperation Center CAEC",
  合作: "cooperation",
  战略: "strategy",
  行动计划: "action plan",
  框架: "framework",
  优先领域: "priority areas",
  领域: "areas",
  目标: "objective goals",
  原则: "principles",
  生物多样性: "biodiversity",
  生态保护: "ecological conservation",
  气候变化: "climate change",
  城镇人口: "urban population",
  城市人口: "urban population",
  城市化: "urbanization",
  城镇化: "urbanization",
  工业化: "industrialization",
  总人口: "total population",
  人口: "population",
  比例: "percentage proportion accounted for",
  比重: "percentage proportion accounted for",
  占: "accounted for",
  物种: "species",
  土地: "land area",
  世界: "world",
  可持续发展: "sustainable development",
  可持续城市: "environmentally sustainable cities",
  生态城市: "eco-city",
  绿色使者计划: "Green Envoys Program GEP",
  绿色发展: "green development",
  政策对话: "policy dialogue",
  对话: "dialogue",
  论坛: "forum",
  峰会: "summit",
  部长会议: "ministers meeting",
  能力建设: "capacity building",
  环境教育: "environmental education",
  公众意识: "public awareness",
  清洁生产: "cleaner production",
  环境无害技术: "environmentally sound technology EST",
  环境技术: "environmental technology",
  环境产业: "environmental industry",
  环境标志: "environmental labeling",
  信息共享: "information sharing",
  数据: "data",
  平台: "platform",
  环境影响评价: "environmental impact assessment EIA",
  联合研究: "joint research",
  环境展望: "environment outlook",
  资金: "funding fund",
  来源: "sources",
  机制: "mechanism",
  成立: "established establishment",
  建立: "established establishment",
  提出: "proposed",
  举办: "held organized",
  举行: "held",
  召开: "held convened",
  首届: "first",
  首次: "first",
  首个: "first",
  主任: "director",
  负责人: "director head",
  现任: "current",
  预算: "budget",
  经费: "budget funding",
  总额: "total",
  第一次: "first",
  中期评估: "mid-term review",
  示范基地: "demonstration base",
  总理: "Premier",
  温家宝: "Wen Jiabao",
  李克强: "Li Keqiang",
  南宁: "Nanning",
  北京: "Beijing",
  宜兴: "Yixing",
  雅加达: "Jakarta",
  三亚: "Sanya",
  东南亚: "Southeast Asia",
  日本: "Japan",
  美国: "United States",
  年: "",
};

const entries = Object.entries(glossary).sort((a, b) => b[0].length - a[0].length);
const cjk = /[\u3400-\u9fff]/;

/** True when the text has Chinese characters. */
export function hasChinese(text: string): boolean {
  return cjk.test(text);
}

/** The English translation of each glossary term found in a Chinese query, longest terms first. */
export function chineseGlossaryTerms(query: string): string[] {
  if (!cjk.test(query)) return [];
  let rest = query;
  const english: string[] = [];
  for (const [chinese, translation] of entries) {
    if (!rest.includes(chinese)) continue;
    if (translation) english.push(translation);
    rest = rest.split(chinese).join(" ");
  }
  return english;
}

/** English search terms for a query written (partly) in Chinese; "" for other queries. */
export function chineseGlossaryExpander(query: string): string {
  if (!cjk.test(query)) return "";
  // Years and figures carry over unchanged ("2006年" → "2006").
  return [...chineseGlossaryTerms(query), ...(query.match(/\d+(?:\.\d+)?%?/g) ?? [])].join(" ");
}
