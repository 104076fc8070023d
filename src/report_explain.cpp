// `explain` output: every normalizer edit as one line a person reads quickly -
//   path:line:col  kind  …left context[-before-]{+after+}right context…
// (git word-diff markers; colours instead of markers on a terminal), then a per-kind tally.
#include <fmt/format.h>

#include <algorithm>

#include "corpus_scan/report.hpp"
#include "corpus_scan/text.hpp"

namespace corpus_scan {

namespace {

constexpr std::size_t kContextChars = 32;  // code points of context on each side

struct Palette {
  std::string_view location, kind, removed, added, reported, reset;
};
constexpr Palette kPlain{"", "", "", "", "", ""};
constexpr Palette kColour{"\x1b[35m", "\x1b[1m", "\x1b[31;9m", "\x1b[32m", "\x1b[33m", "\x1b[0m"};

// Appends text so that nothing is invisible: control, zero-width and exotic space characters as
// <U+XXXX>, invalid bytes as <0xNN>.
void append_visible(std::string& out, std::string_view s) {
  std::size_t i = 0;
  while (i < s.size()) {
    const DecodedChar d = decode_utf8(s, i);
    if (!d.valid) {
      fmt::format_to(std::back_inserter(out), "<0x{:02X}>", static_cast<unsigned char>(s[i]));
    } else if (d.cp < 0x20 || d.cp == 0x7F || is_invisible(d.cp) || (d.cp != ' ' && is_horizontal_space(d.cp))) {
      fmt::format_to(std::back_inserter(out), "<U+{:04X}>", static_cast<std::uint32_t>(d.cp));
    } else {
      out.append(s.substr(i, d.length));
    }
    i += d.length;
  }
}

// The start of the code point `n` code points before `pos`, not before `floor`.
std::size_t back_chars(std::string_view s, std::size_t pos, std::size_t floor, std::size_t n) {
  while (n-- > 0 && pos > floor) pos -= decode_utf8_before(s, pos).length;
  return std::max(pos, floor);
}
std::size_t forward_chars(std::string_view s, std::size_t pos, std::size_t ceiling, std::size_t n) {
  while (n-- > 0 && pos < ceiling) pos += decode_utf8(s, pos).length;
  return std::min(pos, ceiling);
}

}  // namespace

void write_explanation(const FileReport& file, std::string& out, const ExplainStyle& style) {
  const Palette& p = style.color ? kColour : kPlain;
  if (file.skip) {
    fmt::format_to(std::back_inserter(out), "{}{}{}: skipped ({}): {}\n", p.location, file.path, p.reset,
                   file.skip->code, file.skip->message);
    return;
  }
  const SourceText& src = *file.source;
  const std::string_view orig = src.original;
  // Line starts in original offsets, for line numbers and context bounded by the edit's line.
  std::vector<std::uint64_t> starts, ends;
  starts.reserve(file.lines.size());
  for (const Line& l : file.lines) {
    starts.push_back(src.original_offset(l.begin));
    ends.push_back(src.original_offset(l.end));
  }
  for (const ArticleReport& article : file.articles) {
    for (const Edit& e : article.edits) {
      const auto it = std::upper_bound(starts.begin(), starts.end(), e.begin);
      const std::size_t line = static_cast<std::size_t>(it - starts.begin());  // 1-based
      const std::uint64_t line_begin = line ? starts[line - 1] : 0;
      const std::uint64_t line_end = line ? std::max(ends[line - 1], e.end) : orig.size();
      const std::size_t column = count_code_points(orig.substr(line_begin, e.begin - line_begin)) + 1;
      const std::size_t left = back_chars(orig, e.begin, line_begin, kContextChars);
      const std::size_t right = forward_chars(orig, e.end, line_end, kContextChars);

      fmt::format_to(std::back_inserter(out), "{}{}:{}:{}{}  {}{:<18}{}  {}", p.location, file.path, line, column,
                     p.reset, p.kind, kind_name(e.kind), p.reset, left > line_begin ? "…" : "");
      append_visible(out, orig.substr(left, e.begin - left));
      if (e.before == e.after) {  // a finding: reported, not changed
        out.append(style.color ? p.reported : "[!");
        append_visible(out, e.before);
        out.append(style.color ? p.reset : "!]");
      } else {
        if (!e.before.empty()) {
          out.append(style.color ? p.removed : "[-");
          append_visible(out, e.before);
          out.append(style.color ? p.reset : "-]");
        }
        if (!e.after.empty()) {
          out.append(style.color ? p.added : "{+");
          append_visible(out, e.after);
          out.append(style.color ? p.reset : "+}");
        }
      }
      append_visible(out, orig.substr(e.end, right - e.end));
      out.append(right < line_end ? "…\n" : "\n");
    }
  }
}

void count_edits(const FileReport& file, EditTally& tally) {
  if (file.skip) return;
  ++tally.files;
  for (const ArticleReport& article : file.articles)
    for (const Edit& e : article.edits) ++tally.by_kind[static_cast<std::size_t>(e.kind)];
}

void write_explanation_tally(const EditTally& tally, std::string& out) {
  std::uint64_t total = 0;
  for (std::uint64_t n : tally.by_kind) total += n;
  fmt::format_to(std::back_inserter(out), "\n{} edit{} in {} file{}", total, total == 1 ? "" : "s", tally.files,
                 tally.files == 1 ? "" : "s");
  // Kinds with edits, most frequent first; ties in the fixed kind order.
  std::vector<EditKind> kinds(all_kinds().begin(), all_kinds().end());
  std::stable_sort(kinds.begin(), kinds.end(), [&](EditKind a, EditKind b) {
    return tally.by_kind[static_cast<std::size_t>(a)] > tally.by_kind[static_cast<std::size_t>(b)];
  });
  const char* sep = ": ";
  for (EditKind k : kinds) {
    const std::uint64_t n = tally.by_kind[static_cast<std::size_t>(k)];
    if (n == 0) break;
    fmt::format_to(std::back_inserter(out), "{}{} {}", sep, kind_name(k), n);
    sep = ", ";
  }
  out.push_back('\n');
}

}  // namespace corpus_scan
