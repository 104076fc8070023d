#include <catch2/catch.hpp>

#include "corpus_scan/reader.hpp"
#include "test_util.hpp"

using namespace corpus_scan;

TEST_CASE("reader keeps UTF-8 input byte for byte, with identity offsets", "[reader]") {
  const std::string bytes = test::slurp(test::data_path("000_bf0e3fdb9f6fa110.txt"));
  const DecodeResult r = decode_bytes(bytes);
  REQUIRE(r.source);
  CHECK_FALSE(r.skip);
  CHECK(r.source->original == bytes);
  CHECK(r.source->text() == bytes);
  CHECK(r.source->encoding == "UTF-8");
  CHECK(r.source->invalid_bytes == 0);
  CHECK(r.source->original_offset(1234) == 1234);
}

TEST_CASE("reader skips bytes with NUL as binary, with a reason", "[reader]") {
  const DecodeResult r = decode_bytes(std::string("PK\x03\x04\0\0data", 10));
  CHECK_FALSE(r.source);
  REQUIRE(r.skip);
  CHECK(r.skip->code == "binary");
  CHECK_FALSE(r.skip->message.empty());
}

TEST_CASE("reader counts invalid UTF-8 runs at their original offsets", "[reader]") {
  const std::string bytes = "ok \xFF\xFE then \xC0\xAF and \xE4\xB8";
  const DecodeResult r = decode_bytes(bytes);
  REQUIRE(r.source);
  CHECK(r.source->invalid_bytes == 6);
  REQUIRE(r.source->invalid_runs.size() == 3);
  CHECK(r.source->invalid_runs[0].offset == 3);
  CHECK(r.source->invalid_runs[0].length == 2);
  CHECK(r.source->invalid_runs[1].offset == bytes.find('\xC0'));
  CHECK(r.source->invalid_runs[2].offset == bytes.size() - 2);
  CHECK(r.source->text() == bytes);  // never rewritten: offsets stay those of the file
}

TEST_CASE("reader notes a UTF-8 byte-order mark", "[reader]") {
  const DecodeResult r = decode_bytes("\xEF\xBB\xBFPremier League\n");
  REQUIRE(r.source);
  CHECK(r.source->has_bom);
  CHECK(decode_bytes("Premier League\n").source->has_bom == false);
}

TEST_CASE("read_file reports a missing file as unreadable", "[reader]") {
  const DecodeResult r = read_file("/nonexistent/corpus-scan/file.txt");
  REQUIRE(r.skip);
  CHECK(r.skip->code == "unreadable");
}
