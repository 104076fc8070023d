// Helpers shared by the unit tests: reading files of data/ and tests/fixtures/.
#pragma once

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

namespace corpus_scan::test {

inline std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

inline std::string data_path(const std::string& name) { return std::string(CORPUS_SCAN_DATA_DIR) + "/" + name; }
inline std::string fixture_path(const std::string& name) {
  return std::string(CORPUS_SCAN_TESTS_DIR) + "/fixtures/" + name;
}

inline const std::vector<std::string>& data_files() {
  static const std::vector<std::string> files = {
      "000_bf0e3fdb9f6fa110.txt", "001_2725a3a24cc2e181.txt", "002_f2556a01afc1b775.txt"};
  return files;
}

// The contents of every file of data/ and tests/fixtures/ (recursively): the real text that
// tests holding a fast path to a simple definition run over.
inline std::vector<std::string> repository_texts() {
  std::vector<std::string> texts;
  for (const std::string& name : data_files()) texts.push_back(slurp(data_path(name)));
  for (const auto& entry : std::filesystem::recursive_directory_iterator(fixture_path("")))
    if (entry.is_regular_file()) texts.push_back(slurp(entry.path().string()));
  return texts;
}

// A made-up line for tests that hold a fast path to its definition: shorter than `max_size` bytes,
// each drawn from `alphabet` (its length drawn first, then its bytes in order, from `rng`).
template <class Rng>
std::string random_line(Rng& rng, std::string_view alphabet, std::size_t max_size) {
  std::string s(rng() % max_size, ' ');
  for (char& ch : s) ch = alphabet[rng() % alphabet.size()];
  return s;
}

}  // namespace corpus_scan::test
