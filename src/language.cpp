#include "corpus_scan/language.hpp"

#include <algorithm>

namespace corpus_scan {

std::string_view script_label_name(ScriptLabel label) {
  switch (label) {
    case ScriptLabel::English: return "english";
    case ScriptLabel::Chinese: return "chinese";
    case ScriptLabel::Mixed: return "mixed";
    case ScriptLabel::None: break;
  }
  return "none";
}

ScriptLabel classify_script(const ScriptCounts& counts) {
  const std::uint64_t tokens = counts.tokens();
  if (tokens == 0) return ScriptLabel::None;
  // Compare in integers (han / tokens >= 3/4 <=> 4 han >= 3 tokens) so a paragraph sitting
  // exactly on a threshold gets the same label on every machine.
  if (4 * counts.han >= 3 * tokens) return ScriptLabel::Chinese;
  if (4 * counts.han <= tokens) return ScriptLabel::English;
  return ScriptLabel::Mixed;
}
static_assert(kChineseParagraphShare == 0.75 && kEnglishParagraphShare == 0.25,
              "classify_script compares in quarters; update it with the thresholds");

LanguageProfile profile_paragraphs(const std::vector<ParagraphScript>& paragraphs) {
  LanguageProfile p;
  std::array<std::uint64_t, kScriptLabelCount> tokens{};
  std::uint64_t total = 0;
  for (const ParagraphScript& para : paragraphs) {
    const auto k = static_cast<std::size_t>(para.label);
    ++p.paragraphs[k];
    tokens[k] += para.counts.tokens();
    total += para.counts.tokens();
  }
  if (total == 0) return p;
  const auto share = [&](ScriptLabel l) { return double(tokens[static_cast<std::size_t>(l)]) / double(total); };
  p.english_share = share(ScriptLabel::English);
  p.chinese_share = share(ScriptLabel::Chinese);
  p.mixed_share = share(ScriptLabel::Mixed);
  // Ties go to English, then Chinese: the corpus is English by intent, so an article that is as
  // much English as anything else is treated as English and its Chinese is reported.
  p.label = ScriptLabel::English;
  if (p.chinese_share > p.english_share) p.label = ScriptLabel::Chinese;
  if (p.mixed_share > std::max(p.english_share, p.chinese_share)) p.label = ScriptLabel::Mixed;
  if (p.label == ScriptLabel::English) {
    for (const ParagraphScript& para : paragraphs)
      if (para.label == ScriptLabel::Chinese) p.untranslated.push_back({para.first_line, para.end_line});
  }
  return p;
}

}  // namespace corpus_scan
