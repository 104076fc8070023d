// Normalizer: repairs machine-translation and mixed Chinese/English artifacts one line at a time,
// recording every change as an Edit against the original bytes.
//
// Ownership: normalize_line() reads the caller's line and appends to the caller's output string
// and edit vector; nothing is retained between calls, so one Normalizer may be shared by threads.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace corpus_scan {

// Each kind of repair can be switched on and off on its own. The names (kind_name) are part of
// the command-line and JSON contract.
enum class EditKind : std::uint8_t {
  Whitespace,
  CjkPunctInLatin,
  SplitEllipsis,
  SplitDash,
  BrokenApostrophe,
  SplitNumber,
  MissingSpace,
  SplitDomain,
  GluedWords,
  RepetitionLoop,
  LostChars,
  Unicode,
};
inline constexpr std::size_t kEditKindCount = 12;

std::string_view kind_name(EditKind kind);
std::optional<EditKind> kind_from_name(std::string_view name);
const std::array<EditKind, kEditKindCount>& all_kinds();

// One change. [begin, end) are byte offsets into the original text (the same space as the line's
// base offset); `before` is exactly those bytes, `after` what replaced them. A report-only
// finding (lost-chars: text that cannot be repaired) has before == after. Invalid UTF-8 bytes
// always become U+FFFD (one per byte), recorded as lost-chars even when that kind is off, so
// the output is always valid UTF-8. Each kind is described in docs/normalizer.md.
struct Edit {
  EditKind kind;
  std::uint64_t begin;
  std::uint64_t end;
  std::string before;
  std::string after;
};

enum class UnicodeForm { None, NFC, NFKC };

struct NormalizeOptions {
  std::array<bool, kEditKindCount> enabled{};  // all true by default (see constructor)
  UnicodeForm form = UnicodeForm::NFC;

  NormalizeOptions() { enabled.fill(true); }
  bool on(EditKind k) const { return enabled[static_cast<std::size_t>(k)]; }
  void set(EditKind k, bool value) { enabled[static_cast<std::size_t>(k)] = value; }
};

class Normalizer {
 public:
  explicit Normalizer(NormalizeOptions options = {});

  // Normalizes one line (without its terminator). `base` is the line's offset in the original
  // text; edits are reported in that space. Appends the result to `out` and the edits (in order
  // of position) to `edits` when it is not null.
  void normalize_line(std::string_view line, std::uint64_t base, std::string& out,
                      std::vector<Edit>* edits) const;

  const NormalizeOptions& options() const { return options_; }

 private:
  NormalizeOptions options_;
};

}  // namespace corpus_scan
