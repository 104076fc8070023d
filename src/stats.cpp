#include "corpus_scan/stats.hpp"

#include "corpus_scan/json.hpp"
#include "corpus_scan/text.hpp"

namespace corpus_scan {

ArticleStats compute_stats(std::string_view original, std::string_view normalized,
                           const std::vector<Edit>& edits) {
  ArticleStats s;
  s.bytes = original.size();
  for (const Line& l : split_lines(original)) {
    ++s.lines;
    if (!is_blank(l.content(original))) ++s.nonblank_lines;
  }
  bool in_word = false;
  for (std::size_t i = 0; i < normalized.size();) {
    const DecodedChar d = decode_utf8(normalized, i);
    i += d.length;
    ++s.chars;
    const char32_t c = d.cp;
    const bool latin = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    const bool digit = c >= '0' && c <= '9';
    if (latin) ++s.latin_letters;
    if (digit) ++s.digits;
    if (is_cjk_ideograph(c)) {
      ++s.cjk_chars;
      ++s.words;
      in_word = false;
      continue;
    }
    const bool word_char = latin || digit || c == '\'';
    if (word_char && !in_word) ++s.words;
    in_word = word_char;
  }
  for (const Edit& e : edits) ++s.edits_by_kind[static_cast<std::size_t>(e.kind)];
  return s;
}

void write_stats_json(const ArticleStats& s, JsonWriter& json) {
  json.begin_object();
  json.field("bytes", s.bytes)
      .field("chars", s.chars)
      .field("lines", s.lines)
      .field("nonblank_lines", s.nonblank_lines)
      .field("words", s.words)
      .field("cjk_chars", s.cjk_chars)
      .field("latin_letters", s.latin_letters)
      .field("digits", s.digits);
  json.key("edits").begin_object();
  for (EditKind k : all_kinds()) json.field(kind_name(k), s.edits_by_kind[static_cast<std::size_t>(k)]);
  json.end_object();
  json.end_object();
}

}  // namespace corpus_scan
