// A progress bar on stderr for long runs: files and bytes done, MB/s and time left.
//
// It is drawn only when stderr is a terminal (never into a log file or a pipe) and only after the
// run has lasted a moment, so short runs leave stderr exactly as it was. Log messages go through
// progress_aware_stderr_sink(), which clears the bar before a message and lets it redraw after,
// so the two never share a line.
#pragma once

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>

#include <spdlog/sinks/sink.h>

namespace corpus_scan::cli {

// Whether the bar may be drawn: stderr is a terminal that is not "dumb" and the user did not ask
// for --no-progress.
bool progress_wanted(bool no_progress_flag);

// Colours on stderr are off when NO_COLOR is set to anything non-empty (no-color.org) or stderr is
// not a terminal.
bool stderr_color_wanted();

// The sink every log message goes through (see above).
std::shared_ptr<spdlog::sinks::sink> progress_aware_stderr_sink();

// Counts how much work a run has: calls `add(bytes)` once per input file. Runs on a background
// thread; `stop` becomes true when the run ended first and the count may be abandoned.
using WorkCounter = std::function<void(const std::function<void(std::uint64_t)>& add,
                                       const std::atomic<bool>& stop)>;

class ProgressBar {
 public:
  // `count_work` may be empty when the total cannot be known in advance (a list read from stdin);
  // the bar then shows what is done and the rate, without time left.
  explicit ProgressBar(WorkCounter count_work);
  ~ProgressBar();  // erases the bar and joins its threads
  ProgressBar(const ProgressBar&) = delete;
  ProgressBar& operator=(const ProgressBar&) = delete;

  // Called on the writing thread each time a file's records have been written.
  void file_done(std::uint64_t bytes);

 private:
  void count(const WorkCounter& count_work);
  void tick();
  std::atomic<std::uint64_t> files_done_{0}, bytes_done_{0};
  std::atomic<std::uint64_t> files_total_{0}, bytes_total_{0};
  std::atomic<bool> total_known_{false};
  std::atomic<bool> stop_{false};
  std::mutex mutex_;
  std::condition_variable wake_;
  std::thread counter_, ticker_;
};

}  // namespace corpus_scan::cli
