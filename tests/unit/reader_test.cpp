#include <catch2/catch.hpp>

#include <cerrno>
#include <cstdio>
#include <string>
#include <vector>

#include "corpus_scan/reader.hpp"
#include "corpus_scan/text.hpp"
#include "test_util.hpp"

using namespace corpus_scan;

namespace {

std::string encoding_fixture(const std::string& name) { return test::slurp(test::fixture_path("encodings/" + name)); }

// Every code point start of text() maps to an original offset; the map never goes back, starts at
// 0 and ends at original.size(). Returns the mapped offsets of the code point starts.
std::vector<std::uint64_t> check_offset_map(const SourceText& src) {
  const std::string_view text = src.text();
  std::vector<std::uint64_t> starts;
  std::uint64_t previous = 0;
  for (std::size_t i = 0; i < text.size();) {
    const std::uint64_t at = src.original_offset(i);
    REQUIRE(at >= previous);
    REQUIRE(at < src.original.size());
    starts.push_back(at);
    previous = at;
    i += decode_utf8(text, i).length;
  }
  CHECK(src.original_offset(0) == 0);
  CHECK(src.original_offset(text.size()) == src.original.size());
  return starts;
}

}  // namespace

TEST_CASE("reader keeps UTF-8 input byte for byte, with identity offsets", "[reader]") {
  for (const std::string& name : test::data_files()) {
    const std::string bytes = test::slurp(test::data_path(name));
    const DecodeResult r = decode_bytes(bytes);
    REQUIRE(r.source);
    CHECK_FALSE(r.skip);
    CHECK(r.source->original == bytes);
    CHECK(r.source->text() == bytes);
    CHECK_FALSE(r.source->transcoded);
    CHECK(r.source->encoding == "UTF-8");
    CHECK(r.source->encoding_confidence == 100);
    CHECK(r.source->invalid_bytes == 0);
    CHECK(r.source->offset_map.empty());
    CHECK(r.source->original_offset(1234) == 1234);
  }
}

TEST_CASE("reader skips bytes with NUL as binary, with a reason", "[reader]") {
  for (const std::string& bytes : {std::string("PK\x03\x04\0\0data", 10), std::string("\x7F" "ELF\x02\x01\x01\0\0\0", 10),
                                   std::string("text then a NUL\0", 16)}) {
    const DecodeResult r = decode_bytes(bytes);
    CHECK_FALSE(r.source);
    REQUIRE(r.skip);
    CHECK(r.skip->code == "binary");
    CHECK_FALSE(r.skip->message.empty());
  }
}

// Each kind of invalid UTF-8, inside real text from data/: the bad bytes are counted at their
// original offsets, replaced by U+FFFD when decoded, and the text itself is never rewritten.
TEST_CASE("reader reports every kind of invalid UTF-8 at its offset", "[reader]") {
  struct Case {
    const char* kind;
    std::string bad;
    std::uint64_t invalid;  // bytes counted invalid (each undecodable byte is one U+FFFD)
  };
  const std::vector<Case> cases = {
      {"stray continuation byte", "\x80", 1},
      {"run of continuation bytes", "\x80\xBF\x9F", 3},
      {"overlong 2-byte (C0 AF = '/')", "\xC0\xAF", 2},
      {"overlong 3-byte (E0 80 AF)", "\xE0\x80\xAF", 3},
      {"overlong 4-byte (F0 80 80 AF)", "\xF0\x80\x80\xAF", 4},
      {"UTF-16 surrogate encoded (ED A0 80)", "\xED\xA0\x80", 3},
      {"low surrogate encoded (ED BF BF)", "\xED\xBF\xBF", 3},
      {"past U+10FFFF (F4 90 80 80)", "\xF4\x90\x80\x80", 4},
      {"F5..FF lead bytes", "\xF5\xFF\xFE", 3},
      {"truncated 3-byte sequence", "\xE4\xB8", 2},
      {"truncated 4-byte sequence", "\xF0\x9F\x98", 3},
  };
  const std::string before = "Shanghai's Pudong New Area ";
  const std::string after = " will raise the cap on daily visitors.";
  for (const Case& c : cases) {
    SECTION(c.kind) {
      const std::string bytes = before + c.bad + after;
      const DecodeResult r = decode_bytes(bytes);
      REQUIRE(r.source);
      const SourceText& src = *r.source;
      CHECK(src.encoding == "UTF-8");
      CHECK_FALSE(src.transcoded);
      CHECK(src.text() == bytes);
      CHECK(src.invalid_bytes == c.invalid);
      REQUIRE(src.invalid_runs.size() == 1);
      CHECK(src.invalid_runs[0].offset == before.size());
      CHECK(src.invalid_runs[0].length == c.invalid);
    }
  }
  SECTION("a truncated sequence at the very end of the file") {
    const DecodeResult r = decode_bytes(before + "\xE4\xB8");
    REQUIRE(r.source);
    REQUIRE(r.source->invalid_runs.size() == 1);
    CHECK(r.source->invalid_runs[0].offset == before.size());
    CHECK(r.source->invalid_runs[0].length == 2);
  }
  SECTION("the fixture with three kinds keeps three runs") {
    const std::string bytes = test::slurp(test::fixture_path("invalid_utf8.txt"));
    const DecodeResult r = decode_bytes(bytes);
    REQUIRE(r.source);
    CHECK(r.source->encoding == "UTF-8");
    CHECK(r.source->invalid_bytes == 6);
    REQUIRE(r.source->invalid_runs.size() == 3);
    CHECK(r.source->invalid_runs[0].offset == bytes.find('\xFF'));
    CHECK(r.source->invalid_runs[1].offset == bytes.find('\xC0'));
    CHECK(r.source->invalid_runs[2].offset == bytes.size() - 3);
  }
}

TEST_CASE("reader keeps the first 64 invalid runs and counts them all", "[reader]") {
  std::string bytes;
  for (int i = 0; i < 100; ++i) bytes += "word \xFF ";
  const DecodeResult r = decode_bytes(bytes, ReadOptions{"UTF-8"});  // forced: no detector
  REQUIRE(r.source);
  CHECK(r.source->invalid_bytes == 100);
  CHECK(r.source->invalid_runs.size() == SourceText::kMaxInvalidRuns);
  CHECK(r.source->invalid_runs.back().offset == bytes.find('\xFF', 63 * 7));
}

TEST_CASE("reader notes a UTF-8 byte-order mark and keeps it in the text", "[reader]") {
  const DecodeResult r = decode_bytes("\xEF\xBB\xBFPremier League\n");
  REQUIRE(r.source);
  CHECK(r.source->has_bom);
  CHECK(r.source->encoding == "UTF-8");
  CHECK(r.source->text().substr(0, 3) == "\xEF\xBB\xBF");
  CHECK(decode_bytes("Premier League\n").source->has_bom == false);
}

// UTF-8 with a few damaged bytes stays UTF-8; only text that is mostly not UTF-8 reaches the
// detector. Real text from data/ in each case.
TEST_CASE("reader policy: damaged UTF-8 is UTF-8, legacy encodings are detected", "[reader][encoding]") {
  const std::string utf8 = test::slurp(test::data_path("000_bf0e3fdb9f6fa110.txt"));
  SECTION("a curly quote cut short in a 128 KB UTF-8 dump") {
    const std::size_t quote = utf8.find("\xE2\x80\x9C");
    const std::string damaged = utf8.substr(0, quote + 2) + utf8.substr(quote + 3);
    const DecodeResult r = decode_bytes(damaged);
    REQUIRE(r.source);
    CHECK(r.source->encoding == "UTF-8");
    CHECK_FALSE(r.source->transcoded);
    CHECK(r.source->invalid_bytes == 2);
    CHECK(r.source->encoding_confidence >= 99);
  }
  SECTION("many Latin-1 bytes among many valid UTF-8 characters stay UTF-8 (mixed damage)") {
    std::string mixed;
    for (std::size_t at = 0; at < 20; ++at) mixed += utf8.substr(at * 2000, 2000) + "\xE9";
    mixed += utf8.substr(40000);
    const DecodeResult r = decode_bytes(mixed);
    REQUIRE(r.source);
    CHECK(r.source->encoding == "UTF-8");
    CHECK(r.source->invalid_bytes == 20);
  }
  SECTION("a few stray bytes are too little evidence for the detector") {
    const DecodeResult r = decode_bytes("Caf\xE9 au lait, na\xEFve r\xE9sum\xE9.\n");
    REQUIRE(r.source);
    CHECK(r.source->encoding == "UTF-8");
    CHECK(r.source->invalid_bytes == 4);
    CHECK(r.source->encoding_confidence == 0);
  }
  SECTION("a whole windows-1252 article is detected and decoded") {
    // data/001 re-encoded as Windows-1252: its curly quotes become single bytes 0x91/0x92.
    std::string cp1252;
    const std::string src = test::slurp(test::data_path("001_2725a3a24cc2e181.txt"));
    for (std::size_t i = 0; i < src.size();) {
      const DecodedChar d = decode_utf8(src, i);
      if (d.cp == 0x2018) cp1252 += '\x91';
      else if (d.cp == 0x2019) cp1252 += '\x92';
      else if (d.cp < 0x80) cp1252 += static_cast<char>(d.cp);
      else cp1252 += '?';
      i += d.length;
    }
    const DecodeResult r = decode_bytes(cp1252);
    REQUIRE(r.source);
    CHECK(r.source->encoding == "windows-1252");
    CHECK(r.source->transcoded);
    CHECK(r.source->encoding_confidence > 0);
    CHECK(r.source->text().find("China\xE2\x80\x99s") != std::string_view::npos);  // back to U+2019
    check_offset_map(*r.source);
  }
}

TEST_CASE("reader detects and decodes GB18030/GBK and Big5 Chinese text", "[reader][encoding]") {
  struct Case {
    const char* fixture;
    const char* encoding;
  };
  const Case cases[] = {{"gbk.txt", "GB18030"}, {"gb18030.txt", "GB18030"}, {"big5.txt", "Big5"}};
  for (const Case& c : cases) {
    SECTION(c.fixture) {
      const std::string bytes = encoding_fixture(c.fixture);
      const DecodeResult r = decode_bytes(bytes);
      REQUIRE(r.source);
      const SourceText& src = *r.source;
      CHECK(src.encoding == c.encoding);
      CHECK(src.transcoded);
      CHECK(src.encoding_confidence >= 50);
      CHECK(src.invalid_bytes == 0);
      CHECK(src.original == bytes);
      CHECK(valid_utf8_prefix(src.text()) == src.text().size());
      // The fixtures are the press-conference lines of data/000 (Big5: in traditional characters).
      const bool traditional = std::string(c.fixture) == "big5.txt";
      const char* inner_mongolia = traditional ? "\xE5\x85\xA7\xE8\x92\x99\xE5\x8F\xA4"   // 內蒙古
                                               : "\xE5\x86\x85\xE8\x92\x99\xE5\x8F\xA4";  // 内蒙古
      CHECK(src.text().find(inner_mongolia) != std::string_view::npos);
      const std::vector<std::uint64_t> starts = check_offset_map(src);
      // Every line start maps to the byte after a '\n' in the original: the map is exact.
      for (std::size_t i = 0; i + 1 < src.text().size(); ++i)
        if (src.text()[i] == '\n') CHECK(src.original[src.original_offset(i + 1) - 1] == '\n');
      CHECK(starts.size() < src.text().size());  // hanzi: fewer code points than UTF-8 bytes
      // The map is run-length: far fewer runs than code points.
      CHECK(src.offset_map.size() < starts.size() / 2);
    }
  }
}

TEST_CASE("reader decodes GB18030 four-byte sequences", "[reader][encoding]") {
  const DecodeResult r = decode_bytes(encoding_fixture("gb18030.txt"));
  REQUIRE(r.source);
  CHECK(r.source->text().find("\xF0\xA0\xAE\xB7") != std::string_view::npos);  // U+20BB7, 4 bytes in GB18030
  CHECK(r.source->text().find("\xE3\x90\x80") != std::string_view::npos);      // U+3400
}

TEST_CASE("reader decodes UTF-16 LE and BE with a byte-order mark", "[reader][encoding]") {
  for (const char* name : {"utf16le_bom.txt", "utf16be_bom.txt"}) {
    SECTION(name) {
      const std::string bytes = encoding_fixture(name);
      const DecodeResult r = decode_bytes(bytes);
      REQUIRE(r.source);
      const SourceText& src = *r.source;
      CHECK(src.encoding == (std::string(name) == "utf16le_bom.txt" ? "UTF-16LE" : "UTF-16BE"));
      CHECK(src.encoding_confidence == 100);
      CHECK(src.has_bom);
      CHECK(src.transcoded);
      // The mark stays in the text as U+FEFF, so text offset 0 is original offset 0 and spans tile.
      CHECK(src.text().substr(0, 3) == "\xEF\xBB\xBF");
      CHECK(src.original_offset(3) == 2);
      const std::vector<std::uint64_t> starts = check_offset_map(src);
      for (std::uint64_t at : starts) CHECK(at % 2 == 0);  // UTF-16 code units are 2 bytes
      CHECK(src.text().find("\r\n") != std::string_view::npos);  // CRLF kept for the line splitter
    }
  }
}

TEST_CASE("reader maps transcoded offsets inside and between code points", "[reader][encoding]") {
  // "a中b" in GBK: a=61, 中=D6 D0, b=62. UTF-8: a, E4 B8 AD, b.
  const DecodeResult r = decode_bytes("a\xD6\xD0" "b", ReadOptions{"GBK"});
  REQUIRE(r.source);
  const SourceText& src = *r.source;
  REQUIRE(src.text() == "a\xE4\xB8\xAD" "b");
  CHECK(src.original_offset(0) == 0);
  CHECK(src.original_offset(1) == 1);
  CHECK(src.original_offset(2) == 1);  // inside 中: its first original byte
  CHECK(src.original_offset(3) == 1);
  CHECK(src.original_offset(4) == 3);
  CHECK(src.original_offset(5) == 4);  // the sentinel: text().size() -> original.size()
  CHECK(src.original_offset(99) == 4);
}

TEST_CASE("reader reports bytes invalid in a legacy encoding at their original offsets", "[reader][encoding]") {
  // 0xFF is never valid in GBK/GB18030; a lone lead byte at the end is truncated.
  const DecodeResult r = decode_bytes("ab\xD6\xD0\xFF" "cd\x81", ReadOptions{"GB18030"});
  REQUIRE(r.source);
  const SourceText& src = *r.source;
  CHECK(src.text() == "ab\xE4\xB8\xAD\xEF\xBF\xBD" "cd\xEF\xBF\xBD");
  CHECK(src.invalid_bytes == 2);
  REQUIRE(src.invalid_runs.size() == 2);
  CHECK(src.invalid_runs[0].offset == 4);
  CHECK(src.invalid_runs[1].offset == 7);
  CHECK(src.original_offset(src.text().find("cd")) == 5);
}

TEST_CASE("reader decodes a lone UTF-16 surrogate as U+FFFD and reports it", "[reader][encoding]") {
  const std::string bytes("\xFF\xFE" "a\0" "\x00\xD8" "b\0", 8);  // BOM, 'a', lone high surrogate, 'b'
  const DecodeResult r = decode_bytes(bytes);
  REQUIRE(r.source);
  CHECK(r.source->text() == "\xEF\xBB\xBF" "a\xEF\xBF\xBD" "b");
  CHECK(r.source->invalid_bytes == 2);
  REQUIRE(r.source->invalid_runs.size() == 1);
  CHECK(r.source->invalid_runs[0].offset == 4);
  check_offset_map(*r.source);
}

TEST_CASE("a forced encoding (--encoding) overrides detection", "[reader][encoding]") {
  const std::string gbk = encoding_fixture("gbk.txt");
  SECTION("forcing Big5 on GBK bytes decodes them as Big5, as asked") {
    const DecodeResult r = decode_bytes(gbk, ReadOptions{"Big5"});
    REQUIRE(r.source);
    CHECK(r.source->encoding == "Big5");
    CHECK(r.source->encoding_confidence == 100);
    check_offset_map(*r.source);
  }
  SECTION("forcing UTF-8 keeps the fast path and reports the bytes as invalid") {
    const DecodeResult r = decode_bytes(gbk, ReadOptions{"utf-8"});
    REQUIRE(r.source);
    CHECK(r.source->encoding == "UTF-8");
    CHECK_FALSE(r.source->transcoded);
    CHECK(r.source->invalid_bytes > 100);
  }
  SECTION("forcing UTF-16LE on BOM-less bytes") {
    const std::string bytes("T\0i\0t\0l\0e\0\n\0", 12);
    const DecodeResult r = decode_bytes(bytes, ReadOptions{"UTF-16LE"});
    REQUIRE(r.source);
    CHECK(r.source->text() == "Title\n");
  }
  SECTION("an unknown encoding name is not silently ignored") {
    CHECK_FALSE(is_known_encoding("no-such-encoding"));
    CHECK(is_known_encoding("GB18030"));
    CHECK(is_known_encoding("big5"));
    const DecodeResult r = decode_bytes("abc", ReadOptions{"no-such-encoding"});
    CHECK_FALSE(r.source);
    REQUIRE(r.skip);
    CHECK(r.skip->code == "undecodable");
  }
}

TEST_CASE("reader finds BOM-less UTF-16 among files with NUL bytes", "[reader][encoding]") {
  std::string bytes;
  for (const char c : std::string("Premier League\n\nManchester City beat Manchester United 3-0 away.\n")) {
    bytes += c;
    bytes += '\0';
  }
  const DecodeResult r = decode_bytes(bytes);
  REQUIRE(r.source);
  CHECK(r.source->encoding == "UTF-16LE");
  CHECK(r.source->text().starts_with("Premier League\n"));
}

TEST_CASE("reader handles empty and blank input", "[reader]") {
  const DecodeResult empty = decode_bytes("");
  REQUIRE(empty.source);
  CHECK(empty.source->text().empty());
  CHECK(empty.source->original_offset(0) == 0);
  const DecodeResult blank = decode_bytes("\n\n  \n\n");
  REQUIRE(blank.source);
  CHECK(blank.source->text() == "\n\n  \n\n");
  const DecodeResult bom_only = decode_bytes("\xFF\xFE");
  REQUIRE(bom_only.source);
  CHECK(bom_only.source->text() == "\xEF\xBB\xBF");
  CHECK(bom_only.source->original_offset(3) == 2);
}

TEST_CASE("read_file reports a missing file as unreadable, with errno for the walker", "[reader]") {
  const DecodeResult r = read_file("/nonexistent/corpus-scan/file.txt");
  REQUIRE(r.skip);
  CHECK(r.skip->code == "unreadable");
  CHECK(r.skip->error_number == ENOENT);
  const DecodeResult dir = read_file("/");
  REQUIRE(dir.skip);
  CHECK(dir.skip->code == "unreadable");
  CHECK(dir.skip->error_number == EISDIR);
}

TEST_CASE("read_file reads a file exactly, and read_descriptor a pipe", "[reader]") {
  const std::string path = test::data_path("002_f2556a01afc1b775.txt");
  const DecodeResult r = read_file(path);
  REQUIRE(r.source);
  CHECK(r.source->original == test::slurp(path));
  CHECK(r.source->original.capacity() <= r.source->original.size() + 16);  // no doubled buffer

  std::FILE* pipe = ::popen(("cat '" + path + "'").c_str(), "r");
  REQUIRE(pipe != nullptr);
  const DecodeResult piped = read_descriptor(::fileno(pipe));
  ::pclose(pipe);
  REQUIRE(piped.source);
  CHECK(piped.source->original == r.source->original);
}
