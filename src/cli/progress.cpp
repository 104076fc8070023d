#include "progress.hpp"

#include <sys/ioctl.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

#include <fmt/format.h>
#include <spdlog/sinks/stdout_color_sinks.h>

namespace corpus_scan::cli {

namespace {

using Clock = std::chrono::steady_clock;

// Everything that writes to stderr while a bar may be on screen takes this lock.
std::mutex g_stderr_mutex;
bool g_bar_on_screen = false;  // guarded by g_stderr_mutex

// Runs shorter than this never show a bar.
constexpr auto kQuietStart = std::chrono::milliseconds(500);
constexpr auto kRedrawEvery = std::chrono::milliseconds(200);

void erase_bar_locked() {
  if (!g_bar_on_screen) return;
  std::fputs("\r\x1b[K", stderr);
  std::fflush(stderr);
  g_bar_on_screen = false;
}

unsigned terminal_columns() {
  struct winsize ws {};
  if (::ioctl(STDERR_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0) return ws.ws_col;
  return 80;
}

std::string clock_text(double seconds) {
  const auto s = static_cast<long long>(seconds + 0.5);
  if (s >= 3600) return fmt::format("{}:{:02}:{:02}", s / 3600, s / 60 % 60, s % 60);
  return fmt::format("{}:{:02}", s / 60, s % 60);
}

// Forwards to the usual coloured stderr sink, erasing the bar first.
class ProgressAwareSink : public spdlog::sinks::sink {
 public:
  ProgressAwareSink() : inner_(std::make_shared<spdlog::sinks::stderr_color_sink_mt>(
                            stderr_color_wanted() ? spdlog::color_mode::always : spdlog::color_mode::never)) {}
  void log(const spdlog::details::log_msg& msg) override {
    std::lock_guard lock(g_stderr_mutex);
    erase_bar_locked();
    inner_->log(msg);
  }
  void flush() override { inner_->flush(); }
  void set_pattern(const std::string& pattern) override { inner_->set_pattern(pattern); }
  void set_formatter(std::unique_ptr<spdlog::formatter> formatter) override {
    inner_->set_formatter(std::move(formatter));
  }

 private:
  std::shared_ptr<spdlog::sinks::sink> inner_;
};

}  // namespace

bool progress_wanted(bool no_progress_flag) {
  if (no_progress_flag || !::isatty(STDERR_FILENO)) return false;
  const char* term = std::getenv("TERM");
  return !(term && std::strcmp(term, "dumb") == 0);
}

bool stderr_color_wanted() {
  const char* no_color = std::getenv("NO_COLOR");
  if (no_color && *no_color) return false;
  return ::isatty(STDERR_FILENO);
}

std::shared_ptr<spdlog::sinks::sink> progress_aware_stderr_sink() { return std::make_shared<ProgressAwareSink>(); }

ProgressBar::ProgressBar(WorkCounter count_work) {
  if (count_work) counter_ = std::thread([this, count_work = std::move(count_work)] { count(count_work); });
  ticker_ = std::thread([this] { tick(); });
}

ProgressBar::~ProgressBar() {
  {
    std::lock_guard lock(mutex_);
    stop_ = true;
  }
  wake_.notify_all();
  if (counter_.joinable()) counter_.join();
  ticker_.join();
  std::lock_guard lock(g_stderr_mutex);
  erase_bar_locked();
}

void ProgressBar::file_done(std::uint64_t bytes) {
  files_done_.fetch_add(1, std::memory_order_relaxed);
  bytes_done_.fetch_add(bytes, std::memory_order_relaxed);
}

void ProgressBar::count(const WorkCounter& count_work) {
  count_work(
      [this](std::uint64_t bytes) {
        files_total_.fetch_add(1, std::memory_order_relaxed);
        bytes_total_.fetch_add(bytes, std::memory_order_relaxed);
      },
      stop_);
  if (!stop_) total_known_ = true;
}

void ProgressBar::tick() {
  const auto start = Clock::now();
  std::unique_lock lock(mutex_);
  if (wake_.wait_for(lock, kQuietStart, [this] { return stop_.load(); })) return;
  const bool color = stderr_color_wanted();
  do {
    const double elapsed = std::chrono::duration<double>(Clock::now() - start).count();
    const std::uint64_t files = files_done_, bytes = bytes_done_;
    const bool known = total_known_;
    const std::uint64_t files_total = files_total_, bytes_total = bytes_total_;
    const double rate = elapsed > 0 ? static_cast<double>(bytes) / elapsed : 0.0;  // bytes per second

    std::string text = known ? fmt::format("{}/{} files  {:.1f}/{:.1f} MB", files, files_total, bytes / 1e6,
                                           bytes_total / 1e6)
                             : fmt::format("{} files  {:.1f} MB", files, bytes / 1e6);
    text += fmt::format("  {:.1f} MB/s", rate / 1e6);
    if (known && rate > 0 && bytes_total >= bytes) text += "  " + clock_text((bytes_total - bytes) / rate) + " left";
    else text += "  " + clock_text(elapsed) + " elapsed";

    const unsigned columns = terminal_columns();
    std::string line;
    const std::size_t bar_width = columns > text.size() + 14 ? std::min<std::size_t>(40, columns - text.size() - 4) : 0;
    if (known && bar_width >= 10 && bytes_total > 0) {
      const auto filled = static_cast<std::size_t>(bar_width * std::min(1.0, static_cast<double>(bytes) / bytes_total));
      line = "[";
      if (color) line += "\x1b[32m";
      line.append(filled, '#');
      if (color) line += "\x1b[0m";
      line.append(bar_width - filled, '.');
      line += "] ";
    }
    // Never wrap: \r must return to the start of our own line. With a bar the text fits by construction.
    if (line.empty() && text.size() > columns - 1) text.resize(columns - 1);
    line += text;
    {
      std::lock_guard out(g_stderr_mutex);
      std::fputs(("\r" + line + "\x1b[K").c_str(), stderr);
      std::fflush(stderr);
      g_bar_on_screen = true;
    }
  } while (!wake_.wait_for(lock, kRedrawEvery, [this] { return stop_.load(); }));
}

}  // namespace corpus_scan::cli
