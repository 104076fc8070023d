// The normalizer's rule tables: what each rule maps, and the words and names it must recognise.
// They are data, kept apart from the code in passes_*.cpp that applies them; edit them here.
#pragma once

#include <algorithm>
#include <array>
#include <string_view>

namespace corpus_scan::normalizer::tables {

template <class Table>
constexpr bool contains(const Table& table, std::string_view s) {
  return std::find(table.begin(), table.end(), s) != table.end();
}

struct PunctMapping {
  char32_t from;
  std::string_view to;
};

// cjk-punct-in-latin: ideographic punctuation and its ASCII form in English text. Fullwidth
// ASCII (U+FF01..U+FF5E: punctuation, digits, letters) maps by offset and is not listed.
// Ellipses (……) and dashes (——) are split-ellipsis / split-dash, not listed here.
inline constexpr std::array<PunctMapping, 22> kCjkPunct = {{
    {U'，', ","},  {U'、', ","},  {U'。', "."},  {U'：', ":"},  {U'；', ";"},  {U'？', "?"},
    {U'！', "!"},  {U'（', "("},  {U'）', ")"},  {U'【', "["},  {U'】', "]"},  {U'〔', "("},
    {U'〕', ")"},  {U'《', "\""}, {U'》', "\""}, {U'〈', "\""}, {U'〉', "\""}, {U'「', "\""},
    {U'」', "\""}, {U'“', "\""},  {U'”', "\""},  {U'〜', "~"},
}};
// 『』 are rarer; they map like 「」.
inline constexpr std::array<PunctMapping, 2> kCjkPunctExtra = {{{U'『', "\""}, {U'』', "\""}}};

// broken-apostrophe: what may follow a split apostrophe. English contractions (the word before
// must end as listed: n't needs an 'n') ...
inline constexpr std::array<std::string_view, 7> kContractionSuffixes = {"s", "t", "d", "m", "ll", "re", "ve"};
// ... and the vowel-initial pinyin syllables that follow the syllable apostrophe in place names
// (Xi'an, Chang'an, Ping'an, Tai'an, Yan'an).
inline constexpr std::array<std::string_view, 12> kPinyinApostropheFinals = {
    "a", "ai", "an", "ang", "ao", "e", "ei", "en", "eng", "er", "o", "ou"};
// A word is a pinyin syllable when it is one of these initials (or none) followed by one of the
// finals; "Xi ‘an" is joined only when the word before the apostrophe is one ("of’ if" is not).
inline constexpr std::array<std::string_view, 23> kPinyinInitials = {
    "b", "p", "m", "f", "d", "t", "n", "l", "g", "k", "h", "j", "q", "x", "zh", "ch", "sh", "r", "z",
    "c", "s", "y", "w"};
inline constexpr std::array<std::string_view, 35> kPinyinFinals = {
    "a",   "o",   "e",  "ai",  "ei",  "ao",   "ou",  "an",   "en",  "ang", "eng", "ong",
    "er",  "i",   "ia", "ie",  "iao", "iu",   "ian", "in",   "iang", "ing", "iong", "u",
    "ua",  "uo",  "uai", "ui", "uan", "un",   "uang", "ueng", "v",  "ve",  "ue"};

// missing-space: after "word." a capitalised word gets a space, unless what follows the dot is
// one of these top-level domains or file extensions written in capitals (JD.COM, README.MD).
inline constexpr std::array<std::string_view, 36> kUpperSuffixes = {
    "COM", "NET", "ORG", "CN",  "GOV", "EDU", "IO",   "AI",  "CO",   "UK",  "HK",  "TW",
    "JP",  "DE",  "INFO", "BIZ", "TV",  "CC",  "ME",  "MD",  "TXT",  "PDF", "PY",  "JS",
    "CSV", "JSON", "PNG", "JPG", "DOC", "DOCX", "XLS", "XLSX", "PPT", "HTML", "EXE", "ZIP",
};

// split-domain: "Guangming. com" -> "Guangming.com". Lowercase only: a sentence never starts with
// a lowercase "com".
inline constexpr std::array<std::string_view, 12> kDomainSuffixes = {
    "com", "net", "org", "cn", "gov", "edu", "io", "info", "biz", "hk", "tw", "uk"};
// Suffixes that are also English words ("net profit", "more info"): joined only when punctuation or
// the end of the line follows, as in "Guangming. net,", never before another word.
inline constexpr std::array<std::string_view, 2> kWordLikeDomainSuffixes = {"net", "info"};

// split-number: "8: 00" is a clock time when one of these words comes just before it ...
inline constexpr std::array<std::string_view, 18> kTimeLeadWords = {
    "at", "from", "to", "until", "till", "by", "before", "after", "around", "about", "since",
    "between", "and", "is", "time", "was", "or", "on"};
// ... or one of these just after it.
inline constexpr std::array<std::string_view, 10> kTimeTailWords = {
    "am", "pm", "a.m.", "p.m.", "AM", "PM", "hours", "h", "o'clock", "to"};

}  // namespace corpus_scan::normalizer::tables
