#include "corpus_scan/normalizer.hpp"

#include "corpus_scan/text.hpp"

namespace corpus_scan {

namespace {
constexpr std::array<std::string_view, kEditKindCount> kNames = {
    "whitespace",  "cjk-punct-in-latin", "split-ellipsis", "split-dash",
    "broken-apostrophe", "split-number", "missing-space", "split-domain",
    "glued-words", "repetition-loop", "lost-chars", "unicode"};
}  // namespace

std::string_view kind_name(EditKind kind) { return kNames[static_cast<std::size_t>(kind)]; }

std::optional<EditKind> kind_from_name(std::string_view name) {
  for (std::size_t i = 0; i < kNames.size(); ++i)
    if (kNames[i] == name) return static_cast<EditKind>(i);
  return std::nullopt;
}

const std::array<EditKind, kEditKindCount>& all_kinds() {
  static const std::array<EditKind, kEditKindCount> kinds = [] {
    std::array<EditKind, kEditKindCount> k{};
    for (std::size_t i = 0; i < kEditKindCount; ++i) k[i] = static_cast<EditKind>(i);
    return k;
  }();
  return kinds;
}

Normalizer::Normalizer(NormalizeOptions options) : options_(options) {}

void Normalizer::normalize_line(std::string_view line, std::uint64_t base, std::string& out,
                                std::vector<Edit>* edits) const {
  auto record = [&](EditKind kind, std::size_t b, std::size_t e, std::string after) {
    if (edits) edits->push_back(Edit{kind, base + b, base + e, std::string(line.substr(b, e - b)), std::move(after)});
  };
  const bool ws = options_.on(EditKind::Whitespace);
  // Find the content bounds (leading indentation and trailing space are dropped).
  std::size_t b = 0, e = line.size();
  if (ws) {
    while (b < e) {
      const DecodedChar d = decode_utf8(line, b);
      if (!d.valid || !(is_horizontal_space(d.cp) || is_invisible(d.cp))) break;
      b += d.length;
    }
    while (e > b) {
      const DecodedChar d = decode_utf8_before(line, e);
      if (!d.valid || !(is_horizontal_space(d.cp) || is_invisible(d.cp))) break;
      e -= d.length;
    }
    if (b > 0) record(EditKind::Whitespace, 0, b, "");
  }
  std::size_t i = b;
  while (i < e) {
    const DecodedChar d = decode_utf8(line, i);
    if (!d.valid) {
      record(EditKind::LostChars, i, i + 1, "\xEF\xBF\xBD");
      append_utf8(out, kReplacementChar);
      ++i;
      continue;
    }
    if (ws && is_horizontal_space(d.cp)) {
      std::size_t j = i + d.length;
      while (j < e) {
        const DecodedChar n = decode_utf8(line, j);
        if (!n.valid || !is_horizontal_space(n.cp)) break;
        j += n.length;
      }
      if (j - i != 1 || line[i] != ' ') record(EditKind::Whitespace, i, j, " ");
      out.push_back(' ');
      i = j;
      continue;
    }
    out.append(line.substr(i, d.length));
    i += d.length;
  }
  if (ws && e < line.size()) record(EditKind::Whitespace, e, line.size(), "");
}

}  // namespace corpus_scan
