// One table per kind: missing-space, split-domain, glued-words, repetition-loop.
#include "normalizer_cases.hpp"

using namespace corpus_scan;
using namespace corpus_scan::test;

TEST_CASE("missing-space: sentences joined at punctuation get their space; addresses, numbers, code do not",
          "[normalizer][missing-space]") {
  check_cases(EditKind::MissingSpace, {
    // must change
    {"the global intelligent network.Investment in technology", "the global intelligent network. Investment in technology"},
    {"Jin Hyundai said,The company has applied NLP", "Jin Hyundai said, The company has applied NLP"},
    {"CCTV News:The State Council Press Office", "CCTV News: The State Council Press Office"},
    {"when bringing goods;On the contrary", "when bringing goods; On the contrary"},
    {"(a) the background of the \"planning\".In order to implement", "(a) the background of the \"planning\". In order to implement"},
    {"the price range of 250,000-300,000.In automobiles", "the price range of 250,000-300,000. In automobiles"},
    {"labeling of cadre evaluation.NLP technology is used", "labeling of cadre evaluation. NLP technology is used"},
    {"Phoenix Network reporter:What achievements have been made", "Phoenix Network reporter: What achievements have been made"},
    // must not change
    {"JD.COM restarted the community group buying business", "JD.COM restarted the community group buying business"},
    {"Hexun.com is neutral about the statements", "Hexun.com is neutral about the statements"},
    {"The cross-border e-commerce transaction volume was 3.51 billion yuan", "The cross-border e-commerce transaction volume was 3.51 billion yuan"},
    {"Grok-1 outperformed LLMA-2-70b and GPT-3.5, although it was far from GPT-4.", "Grok-1 outperformed LLMA-2-70b and GPT-3.5, although it was far from GPT-4."},
    {"https://x.ai/blog/grok-os", "https://x.ai/blog/grok-os"},
    {"Email: news_center@staff.hexun.com.", "Email: news_center@staff.hexun.com."},
    {"Andrew Kean Gao, a Stanford researcher, browsed model.py and introduced", "Andrew Kean Gao, a Stanford researcher, browsed model.py and introduced"},
    {"equipped with Huawei ADS2.0 advanced intelligent driving system", "equipped with Huawei ADS2.0 advanced intelligent driving system"},
    {"the \"No.1 position\" of community group buying", "the \"No.1 position\" of community group buying"},
    {"the U.S.Army", "the U.S.Army"},
    {"Builder runs, will print (4), E.Value is the value of generator return", "Builder runs, will print (4), E.Value is the value of generator return"},
    {"Ready.Append ((g, none))", "Ready.Append ((g, none))"},
    {"Forg, Result InselF.Ready:", "Forg, Result InselF.Ready:"},
    {"Got=G.send (NONE)", "Got=G.send (NONE)"},
    {"magnet:? xt=urn:btih:5f96d43576e3d386c9ba65b883210a393b68210e&tr=https%3A%2F%2Facademictorrents.com",
     "magnet:? xt=urn:btih:5f96d43576e3d386c9ba65b883210a393b68210e&tr=https%3A%2F%2Facademictorrents.com"},
  });
}

TEST_CASE("split-domain: a domain split at its dot is joined", "[normalizer][split-domain]") {
  check_cases(EditKind::SplitDomain, {
    // must change
    {"Song Leyong, deputy general manager of Guangming. com, said that", "Song Leyong, deputy general manager of Guangming.com, said that"},
    {"visit www. baidu. com for more", "visit www.baidu.com for more"},
    {"published on Xinhua. cn.", "published on Xinhua.cn."},
    {"reported by Guangming. net, a news site", "reported by Guangming.net, a news site"},
    // must not change
    {"Hexun.com is neutral about the statements", "Hexun.com is neutral about the statements"},
    {"The competition is fierce. Com panies compete", "The competition is fierce. Com panies compete"},
    {"In the end. come back", "In the end. come back"},
    {"the computer. computers are", "the computer. computers are"},
    {"to occupy blind roads. info Although they have", "to occupy blind roads. info Although they have"},  // fuzz finding
    {"the company said. net profit rose", "the company said. net profit rose"},
  });
}

TEST_CASE("glued-words: dictionary words glued by a lost space are split, mixed-case names never",
          "[normalizer][glued-words]") {
  check_cases(EditKind::GluedWords, {
    // must change
    {"according toPoisonous eyes", "according to Poisonous eyes"},
    {"butMost stars belong to attention opinion leaders", "but Most stars belong to attention opinion leaders"},
    {"Not take you browse the source codeAnd then tell you", "Not take you browse the source code And then tell you"},
    {"(WeChat ID: domoredumou)According to incomplete statistics", "(WeChat ID: domoredumou) According to incomplete statistics"},
    {"L4 level is exploring demonstration applications. haveIt shows that", "L4 level is exploring demonstration applications. have It shows that"},
    {"Inner Mongolia Daily reporterDuring the Tenth Five-Year Plan period", "Inner Mongolia Daily reporter During the Tenth Five-Year Plan period"},
    {"Shares are particularly active, among whichIndustrial chain stocks", "Shares are particularly active, among which Industrial chain stocks"},
    // must not change
    {"Musk hits OpenAI, and GitHub is crazy about 6k stars", "Musk hits OpenAI, and GitHub is crazy about 6k stars"},
    {"Poisonous eyes (WeChat ID: domoredumou)", "Poisonous eyes (WeChat ID: domoredumou)"},
    {"in a series of benchmark tests such as GSM8K, HumanEval and MMLU", "in a series of benchmark tests such as GSM8K, HumanEval and MMLU"},
    {"McTominay took the ball to the front of the penalty area", "McTominay took the ball to the front of the penalty area"},
    {"just to get the latest iPad2 or a pair of UGG wool boots", "just to get the latest iPad2 or a pair of UGG wool boots"},
    {"Grok of xAI opened its source as scheduled", "Grok of xAI opened its source as scheduled"},
    {"the model code behind ChatGPT.", "the model code behind ChatGPT."},
    {"which is the iOLOOP provided in the Python Standard Library Asynci.", "which is the iOLOOP provided in the Python Standard Library Asynci."},
    {"the terminal BGCEO and the chairman", "the terminal BGCEO and the chairman"},
    {"Ret=yieldFromRequest (\"\")", "Ret=yieldFromRequest (\"\")"},
    {"you bid for goods on eBay", "you bid for goods on eBay"},
    {"Lin Yilun (Source: vision china)", "Lin Yilun (Source: vision china)"},
  });
}

TEST_CASE("repetition-loop: four or more repeats in a row collapse to two", "[normalizer][repetition-loop]") {
  check_cases(EditKind::RepetitionLoop, {
    // must change
    {"Behind the box office performance of Twinkle, Twinkle, Twinkle, Twinkle, Twinkle, Stars, Twinkle, Twinkle, Twinkle, Twinkle,",
     "Behind the box office performance of Twinkle, Twinkle, Stars, Twinkle, Twinkle,"},
    {"# 上 上 i i b 完成 完成 传 传 传 传 入 入 入 入 入 入 入 入 入 入 入 入 入", "# 上 上 i i b 完成 完成 传 传 入 入"},
    {"# 现在 r es es,, 生 生 器 器 器 器 器 器 器 器", "# 现在 r es es,, 生 生 器 器"},
    {"I love you, I love you, I love you, I love you, I love you.", "I love you, I love you."},
    // Regressions: an earlier precheck looked only at the nearest earlier word with the same
    // 6-bit fingerprint slot and tokenized apart from the pass, so it hid these loops.
    {"aax hzx aax hzx aax hzx aax hzx", "aax hzx aax hzx"},
    {"the’ the the the", "the’ the"},
    // must not change
    {"What else did you do right except \"down the snow field\" and \"twinkle, twinkle, twinkle, bright stars\"",
     "What else did you do right except \"down the snow field\" and \"twinkle, twinkle, twinkle, bright stars\""},
    {"The success of Twinkle, Twinkle, Bright Stars should be said to meet", "The success of Twinkle, Twinkle, Bright Stars should be said to meet"},
    {"# # 操作 系统 复 复 示 示 例 代代", "# # 操作 系统 复 复 示 示 例 代代"},
    {"哈哈哈哈，太好笑了", "哈哈哈哈，太好笑了"},
    {"scores 0 0 0 0 0 in five rounds", "scores 0 0 0 0 0 in five rounds"},
    {"aax hzx aax hzx aax hzx", "aax hzx aax hzx aax hzx"},  // three repeats are not a loop
  });
}
