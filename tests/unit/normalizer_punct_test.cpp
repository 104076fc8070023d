// One table per kind: cjk-punct-in-latin, split-ellipsis, split-dash, broken-apostrophe,
// split-number.
#include "normalizer_cases.hpp"

using namespace corpus_scan;
using namespace corpus_scan::test;

TEST_CASE("cjk-punct-in-latin: ASCII inside English sentences, Chinese text left exactly as is",
          "[normalizer][cjk-punct-in-latin]") {
  check_cases(EditKind::CjkPunctInLatin, {
    // must change
    {"CCTV News：The State Council Press Office", "CCTV News:The State Council Press Office"},
    {"Jin Hyundai said，The company has applied NLP", "Jin Hyundai said,The company has applied NLP"},
    {"the Notice on Strengthening the Management of Webcast Services。", "the Notice on Strengthening the Management of Webcast Services."},
    {"《Beijing Webcast Industry Self-discipline Convention》", "\"Beijing Webcast Industry Self-discipline Convention\""},
    {"“Star Live” is underage", "\"Star Live\" is underage"},
    {"Grok-1 has ３１４ billion parameters（ＧＰＴ－４ has more）", "Grok-1 has 314 billion parameters(GPT-4 has more)"},
    {"What is the relationship between stars and brands？", "What is the relationship between stars and brands?"},
    // must not change
    {"(二)制定《规划》的总体思路。深入贯彻习近平生态文明思想,深刻把握“山水林田湖草沙是一个生命共同体”的科学内涵",
     "(二)制定《规划》的总体思路。深入贯彻习近平生态文明思想,深刻把握“山水林田湖草沙是一个生命共同体”的科学内涵"},
    {"(三)《规划》的主要内容。《规划》共十三章41节。", "(三)《规划》的主要内容。《规划》共十三章41节。"},
    {"内蒙古广播电视台记者:“十三五”我区碧水保卫战成绩怎么样?", "内蒙古广播电视台记者:“十三五”我区碧水保卫战成绩怎么样?"},
    {"2020年，全区重点流域52个国考断面优良水质比例达到69.2%", "2020年，全区重点流域52个国考断面优良水质比例达到69.2%"},
    {"（1）加强", "（1）加强"},
    {"发布《Tech Planet》报告", "发布《Tech Planet》报告"},
    {"Ａ股 market", "Ａ股 market"},
  });
}

TEST_CASE("split-ellipsis: one mark in English text", "[normalizer][split-ellipsis]") {
  check_cases(EditKind::SplitEllipsis, {
    // must change
    {"Some car owners feel that the charges have increased " ELLIPSIS " " ELLIPSIS " Since January 1st",
     "Some car owners feel that the charges have increased " ELLIPSIS " Since January 1st"},
    {"abused teachers and students online " ELLIPSIS " " ELLIPSIS, "abused teachers and students online " ELLIPSIS},
    {"the curveball " ELLIPSIS ELLIPSIS " Everyone chased", "the curveball " ELLIPSIS " Everyone chased"},
    {"and then . . . nothing", "and then ... nothing"},
    // must not change
    {"Tell us more about the \"open\" part of OpenAI " ELLIPSIS "\"", "Tell us more about the \"open\" part of OpenAI " ELLIPSIS "\""},
    {"the spin ball, the curveball " ELLIPSIS " Everyone chased after me", "the spin ball, the curveball " ELLIPSIS " Everyone chased after me"},
    {"他说" ELLIPSIS ELLIPSIS "我们", "他说" ELLIPSIS ELLIPSIS "我们"},
    {"full-time..", "full-time.."},
    {"The star anchor gradually explored the suitable category.. Xiaofeng", "The star anchor gradually explored the suitable category.. Xiaofeng"},
  });
}

TEST_CASE("split-dash: one dash in English text, Chinese —— stays", "[normalizer][split-dash]") {
  check_cases(EditKind::SplitDash, {
    // must change
    {"five classic uniforms from Spider-Man: Heroic Expedition " EM_DASH " " EM_DASH " Homemade battle clothes",
     "five classic uniforms from Spider-Man: Heroic Expedition " EM_DASH " Homemade battle clothes"},
    {"\"Ping-pong\" is wonderful " EM_DASH EM_DASH " The Fourth Table Tennis Competition",
     "\"Ping-pong\" is wonderful " EM_DASH " The Fourth Table Tennis Competition"},
    {"the general cost of 3D glasses is low " EM_DASH " " EM_DASH, "the general cost of 3D glasses is low " EM_DASH},
    // must not change
    {"December 3rd 0" EM_DASH " At 1500 hours", "December 3rd 0" EM_DASH " At 1500 hours"},
    {"New markets" EM_DASH, "New markets" EM_DASH},
    {"长江" EM_DASH EM_DASH "中国第一大河", "长江" EM_DASH EM_DASH "中国第一大河"},
    {"1-mdash ahead of schedule", "1-mdash ahead of schedule"},
  });
}

TEST_CASE("broken-apostrophe: Xi'an and L3's joined with an ASCII apostrophe, real quotes kept",
          "[normalizer][broken-apostrophe]") {
  check_cases(EditKind::BrokenApostrophe, {
    // must change
    {"started from Xi " LSQUO "an International Port Station", "started from Xi'an International Port Station"},
    {"on the \"Chang " LSQUO "an\" China-Europe train", "on the \"Chang'an\" China-Europe train"},
    {"the cross-border e-commerce transaction volume in Xi" RSQUO " an was 14.427 billion yuan",
     "the cross-border e-commerce transaction volume in Xi'an was 14.427 billion yuan"},
    {"L3" PRIME " s intelligent driving heats up", "L3's intelligent driving heats up"},
    {"intersection of Ping " LSQUO "an Street and Huai " LSQUO "an Road", "intersection of Ping'an Street and Huai'an Road"},
    {"China (Xi " LSQUO "an) cross-border", "China (Xi'an) cross-border"},
    {"She doesn " RSQUO "t know", "She doesn't know"},
    // must not change
    {"which is equivalent to" RSQUO " light endorsement" RSQUO ": \"It can bring both traffic\"",
     "which is equivalent to" RSQUO " light endorsement" RSQUO ": \"It can bring both traffic\""},
    {"we have deployed " LSQUO " Clear action " RSQUO " Re-examine", "we have deployed " LSQUO " Clear action " RSQUO " Re-examine"},
    {"This fear of" RSQUO " if someone else takes it, we will miss it" RSQUO " drives fanatics",
     "This fear of" RSQUO " if someone else takes it, we will miss it" RSQUO " drives fanatics"},
    {"the order was" RSQUO " waiting for it" RSQUO " and OEM", "the order was" RSQUO " waiting for it" RSQUO " and OEM"},
    {"China" RSQUO "s webcasting", "China" RSQUO "s webcasting"},
    {"Fans" RSQUO " attention to the anchor", "Fans" RSQUO " attention to the anchor"},
    {"a so-called " LSQUO "an eye for an eye" RSQUO, "a so-called " LSQUO "an eye for an eye" RSQUO},
  });
}

TEST_CASE("split-number: clock times and ordinals joined, other numbers left alone", "[normalizer][split-number]") {
  check_cases(EditKind::SplitNumber, {
    // must change
    {"This is 8: 00 pm on July 18th.", "This is 8:00 pm on July 18th."},
    {"At 23: 30 pm Beijing time on October 29th", "At 23:30 pm Beijing time on October 29th"},
    {"From 0: 00 to 15: 00 on December 3", "From 0:00 to 15:00 on December 3"},
    {"The main situation of the \"14 th Five-Year Plan\"", "The main situation of the \"14th Five-Year Plan\""},
    {"Live on March 12 th, in the 27th round", "Live on March 12th, in the 27th round"},
    {"the 1 st round", "the 1st round"},
    // must not change
    {"Shi Yanghe 08:39:46", "Shi Yanghe 08:39:46"},
    {"the ratio of the number of 3D glasses to the number of seats in a cinema is 1:1.5-1:2",
     "the ratio of the number of 3D glasses to the number of seats in a cinema is 1:1.5-1:2"},
    {"Chapter 1: 10 steps to success", "Chapter 1: 10 steps to success"},
    {"-Embedded size: 6144(48*128)", "-Embedded size: 6144(48*128)"},
    {"the 11 st attempt", "the 11 st attempt"},
    {"Article 5: 12 items", "Article 5: 12 items"},
  });
}
