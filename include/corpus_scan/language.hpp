// Language: which script each paragraph is written in, so untranslated Chinese left inside an
// English article is found (detected and located, never translated).
//
// A paragraph is a run of non-blank lines. Its label comes from two counts the statistics pass
// already makes: Han characters and Latin-script words. Each Han character counts as one token
// and each Latin word as one (a Chinese character carries about what an English word does, so
// neither script is favoured by its density); the Chinese share of those tokens decides:
//
//   share >= 0.75  -> chinese     share <= 0.25 -> english     in between -> mixed
//   no token at all (numbers, symbols, code punctuation only)  -> none
//
// Ownership: plain values only; nothing here points into text.
#pragma once

#include <array>
#include <cstdint>
#include <string_view>
#include <vector>

namespace corpus_scan {

enum class ScriptLabel : std::uint8_t { English, Chinese, Mixed, None };
inline constexpr std::size_t kScriptLabelCount = 4;

// "english", "chinese", "mixed", "none": part of the JSON contract.
std::string_view script_label_name(ScriptLabel label);

// What a paragraph holds, as counted by the statistics pass.
struct ScriptCounts {
  std::uint64_t han = 0;          // Han ideographs
  std::uint64_t latin_words = 0;  // words holding at least one Latin-script letter
  std::uint64_t tokens() const { return han + latin_words; }
};

// The Chinese share of a paragraph's tokens at or above which it is labelled chinese, and at or
// below which (1 - share) it is english.
inline constexpr double kChineseParagraphShare = 0.75;
inline constexpr double kEnglishParagraphShare = 0.25;

ScriptLabel classify_script(const ScriptCounts& counts);

// One labelled paragraph. Lines are 0-based indices into the article's lines, [first, end).
struct ParagraphScript {
  std::uint32_t first_line = 0;
  std::uint32_t end_line = 0;
  ScriptCounts counts;
  ScriptLabel label = ScriptLabel::None;
};

// A paragraph of Chinese inside an English article: where it is, in the article's lines.
struct UntranslatedSpan {
  std::uint32_t first_line = 0;  // 0-based index into the article's lines
  std::uint32_t end_line = 0;    // one past the last line
};

// The article-level summary of its paragraphs' labels.
struct LanguageProfile {
  ScriptLabel label = ScriptLabel::None;  // label with the largest share of tokens (none when no token)
  double english_share = 0;  // tokens in english paragraphs / tokens in all paragraphs
  double chinese_share = 0;
  double mixed_share = 0;
  std::array<std::uint32_t, kScriptLabelCount> paragraphs{};  // paragraphs per label
  // Chinese paragraphs of an English article, in order. Empty for any other article: a Chinese
  // article's Chinese paragraphs are not "untranslated".
  std::vector<UntranslatedSpan> untranslated;
};

LanguageProfile profile_paragraphs(const std::vector<ParagraphScript>& paragraphs);

}  // namespace corpus_scan
