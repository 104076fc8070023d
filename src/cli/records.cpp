#include "records.hpp"

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <stdexcept>
#include <string_view>

namespace corpus_scan::cli {

namespace {

std::string base64_decode(std::string_view text) {
  auto value = [](char c) -> int {
    if (c >= 'A' && c <= 'Z') return c - 'A';
    if (c >= 'a' && c <= 'z') return c - 'a' + 26;
    if (c >= '0' && c <= '9') return c - '0' + 52;
    if (c == '+') return 62;
    if (c == '/') return 63;
    return -1;
  };
  std::string out;
  unsigned bits = 0, have = 0;
  for (const char c : text) {
    if (c == '=') break;
    const int v = value(c);
    if (v < 0) throw std::runtime_error("invalid base64 in a path");
    bits = (bits << 6) | static_cast<unsigned>(v);
    have += 6;
    if (have >= 8) {
      have -= 8;
      out.push_back(static_cast<char>((bits >> have) & 0xFF));
    }
  }
  return out;
}

void read_records(std::FILE* in, const std::string& name,
                  const std::function<void(const Json&, const std::string&)>& visit) {
  struct Line {
    char* data = nullptr;
    std::size_t capacity = 0;
    ~Line() { std::free(data); }
  } line;
  std::uint64_t number = 0;
  ssize_t n;
  while ((n = ::getline(&line.data, &line.capacity, in)) > 0) {
    ++number;
    std::string_view text(line.data, static_cast<std::size_t>(n));
    while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) text.remove_suffix(1);
    if (text.empty()) continue;
    const std::string where = name + ":" + std::to_string(number);
    try {
      visit(Json::parse(text), where);
    } catch (const std::exception& e) {
      throw std::runtime_error(where + ": not a record of 'corpus-scan scan' (" + e.what() +
                               "); this reads scan's JSON Lines (--format jsonl)");
    }
  }
  if (std::ferror(in)) throw std::runtime_error(name + ": read error: " + std::strerror(errno));
}

}  // namespace

void for_each_record(const std::vector<std::string>& files,
                     const std::function<void(const Json& record, const std::string& where)>& visit) {
  if (files.empty()) return read_records(stdin, "-", visit);
  for (const std::string& name : files) {
    if (name == "-") {
      read_records(stdin, "-", visit);
      continue;
    }
    std::unique_ptr<std::FILE, int (*)(std::FILE*)> in(std::fopen(name.c_str(), "rb"), &std::fclose);
    if (!in) throw std::runtime_error("cannot read " + name + ": " + std::strerror(errno));
    read_records(in.get(), name, visit);
  }
}

std::string record_path(const Json& record) {
  const Json& path = record.at("path");
  if (path.is_string()) return path.get<std::string>();
  return base64_decode(path.at("bytes").get<std::string>());
}

}  // namespace corpus_scan::cli
