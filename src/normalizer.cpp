// The normalizer pipeline: the passes in src/normalizer/ run in a fixed order over one line, each
// seeing the previous one's output, while a Rewrite keeps every change aligned to the original.
#include "corpus_scan/normalizer.hpp"

#include "normalizer/line.hpp"
#include "normalizer/passes.hpp"
#include "normalizer/rewrite.hpp"
#include "normalizer/screen.hpp"
#include "normalizer/script.hpp"

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

Normalizer::Normalizer(NormalizeOptions options) : options_(options) {
  if (!options_.on(EditKind::Unicode)) options_.form = UnicodeForm::None;
}

void Normalizer::normalize_line(std::string_view line, std::uint64_t base, std::string& out,
                                std::vector<Edit>* edits) const {
  out.append(normalizer::normalize_view(*this, line, base, edits));
}

std::string_view normalizer::normalize_view(const Normalizer& normalizer, std::string_view line, std::uint64_t base,
                                            std::vector<Edit>* edits) {
  const NormalizeOptions& options = normalizer.options();
  // Half the lines of a dump are empty: no pass can act on them (nor report anything).
  if (line.empty()) return line;
  // Scratch reused across lines: no allocation per line once warm, and safe across threads.
  thread_local Rewrite rewrite;
  thread_local std::vector<Pending> pending;
  thread_local std::vector<std::uint64_t> alnum_blocks;  // what the loop gate reads (screen.hpp)
  rewrite.reset(line);
  pending.clear();

  // The text's version goes up with every change. A pass that found nothing on one version finds
  // nothing on it again (passes are functions of the text), so a later round skips it until the
  // text changes: a line changed once is not read again by every pass.
  std::uint32_t version = 1;
  std::array<std::uint32_t, kEditKindCount> clean_at{};  // the version a pass need not run on
  auto is_clean = [&](EditKind kind) { return clean_at[static_cast<std::size_t>(kind)] == version; };

  // An ASCII line with a space at either end (indentation, trailing space: most lines that change
  // at all) is triggered for the whitespace pass, and nothing runs before that pass on ASCII: it
  // runs before the line is screened rather than after, which would screen the line twice.
  const bool whitespace_first =
      options.on(EditKind::Whitespace) && (line.front() == ' ' || line.back() == ' ') && all_ascii(line);
  // It is the first round's whitespace pass, so it marks the text it leaves clean for that pass
  // (the loop's run() skips it until another pass changes the text), whether it found anything.
  // Its edits are nearly always just the edge spaces: when the line without them (ASCII) holds no
  // control byte and no two spaces, it has no other run of blanks, so the screen of that text,
  // which is the pass's output, says so and is the screen of the next passes too. Else the pass
  // walks the line and its output is screened.
  std::uint32_t screen = 0;
  bool screened = false;
  if (whitespace_first) {
    if (const std::size_t b = line.find_first_not_of(' '); b != std::string_view::npos) {
      const std::size_t e = line.find_last_not_of(' ') + 1;
      screen = screen_line(line.substr(b, e - b), &alnum_blocks);
      screened = (screen & (kControl | kDoubleSpace)) == 0;
      if (screened && b > 0) pending.push_back({0, b, "", EditKind::Whitespace});
      if (screened && e < line.size()) pending.push_back({e, line.size(), "", EditKind::Whitespace});
    }
    if (!screened) find_whitespace(line, pending);
    if (!pending.empty()) {
      rewrite.apply(pending);
      ++version;
    }
    clean_at[static_cast<std::size_t>(EditKind::Whitespace)] = version;
  }

  // One look at the bytes says which passes could find anything; a pass that changed the text
  // has the screen redone, so it always describes what the next pass reads.
  if (!screened) screen = screen_line(rewrite.text(), &alnum_blocks);
  auto apply = [&] {
    if (pending.empty()) return;
    rewrite.apply(pending);
    screen = screen_line(rewrite.text(), &alnum_blocks);
    ++version;
  };

  // Output is always valid UTF-8, whatever is switched off.
  if ((screen & kBadUtf8) != 0) {
    find_invalid_utf8(rewrite.text(), pending);
    apply();
  }

  // Whether the pass for `kind` has anything to look at now (it then runs).
  auto would_run = [&](EditKind kind) { return triggered(kind, screen) && options.on(kind) && !is_clean(kind); };
  auto run = [&](EditKind kind, auto pass) {
    if (!would_run(kind)) return;
    pass(rewrite.text(), pending);
    if (pending.empty()) clean_at[static_cast<std::size_t>(kind)] = version;
    apply();
  };
  // Curly quotes, dashes and Chinese letters, nearly all the non-ASCII text here, are proven NFC by
  // the screen, so the pass (a walk of the line, then ICU) runs only where it may change something.
  if (unicode_triggered(options.form, screen)) {
    find_unicode(rewrite.text(), options.form, pending);
    apply();
  }
  // Passes can enable each other (glued-words splitting "ioIn" lets split-domain see "h. io";
  // missing-space after one period makes the next period qualify), so the rounds repeat until one
  // changes nothing: the output is a fixed point, and normalizing it again is a no-op. The screen
  // makes a round over an unchanged line nearly free; a few rounds always suffice in practice.
  constexpr int kMaxRounds = 4;
  for (int round = 0; round < kMaxRounds; ++round) {
    const std::uint32_t round_start = version;  // a round changed the text iff the version moved
    run(EditKind::Whitespace, &find_whitespace);
    run(EditKind::CjkPunctInLatin, &find_cjk_punct);
    run(EditKind::SplitEllipsis, &find_split_ellipsis);
    run(EditKind::SplitDash, &find_split_dash);
    run(EditKind::BrokenApostrophe, &find_broken_apostrophe);
    run(EditKind::SplitNumber, &find_split_number);
    run(EditKind::SplitDomain, &find_split_domain);
    // Code (machine-translated Python in the dumps) keeps its dots and camelCase; looks_like_code
    // reads the whole line, so it is asked only when one of the two would run. Both are decided
    // before either runs: a trigger missing-space creates for glued-words counts next round.
    const bool missing_space = would_run(EditKind::MissingSpace), glued = would_run(EditKind::GluedWords);
    if ((missing_space || glued) && !looks_like_code(rewrite.text())) {
      if (missing_space) run(EditKind::MissingSpace, &find_missing_space);
      if (glued) run(EditKind::GluedWords, &find_glued_words);
    }
    run(EditKind::RepetitionLoop, [&](std::string_view text, std::vector<Pending>& out) {
      find_repetition_loop(text, screen, alnum_blocks, out);
    });
    if (version == round_start) break;
  }

  if (edits && options.on(EditKind::LostChars) && triggered(EditKind::LostChars, screen)) {
    thread_local std::vector<std::pair<std::size_t, std::size_t>> lost;
    lost.clear();
    find_lost_chars(rewrite.text(), lost);
    rewrite.report(lost, EditKind::LostChars);
  }
  if (edits) rewrite.emit(base, *edits);
  return rewrite.text();  // the line itself until a pass changed it (rewrite.hpp)
}

}  // namespace corpus_scan
