// The runner shared by scan, split and explain: walks the inputs, analyzes files on a pool of
// worker threads and writes their records in input order.
//
// Files are independent, so each worker runs the whole pipeline on one file. Ordering and memory:
// at most `window` files are in flight (read, analyzed, waiting to be written), so peak memory is
// a small constant times the largest file, whatever the size of the corpus.
#include <algorithm>
#include <condition_variable>
#include <deque>
#include <future>
#include <mutex>
#include <thread>

#include "cli.hpp"

namespace corpus_scan::cli {

namespace {

// A fixed pool of threads running queued tasks.
class WorkerPool {
 public:
  explicit WorkerPool(unsigned threads) {
    for (unsigned i = 0; i < threads; ++i) workers_.emplace_back([this] { work(); });
  }
  ~WorkerPool() {
    {
      std::lock_guard lock(mutex_);
      stopping_ = true;
    }
    ready_.notify_all();
    for (std::thread& t : workers_) t.join();
  }
  void submit(std::function<void()> task) {
    {
      std::lock_guard lock(mutex_);
      tasks_.push_back(std::move(task));
    }
    ready_.notify_one();
  }

 private:
  void work() {
    for (;;) {
      std::function<void()> task;
      {
        std::unique_lock lock(mutex_);
        ready_.wait(lock, [this] { return stopping_ || !tasks_.empty(); });
        if (tasks_.empty()) return;
        task = std::move(tasks_.front());
        tasks_.pop_front();
      }
      task();
    }
  }
  std::mutex mutex_;
  std::condition_variable ready_;
  std::deque<std::function<void()>> tasks_;
  std::vector<std::thread> workers_;
  bool stopping_ = false;
};

}  // namespace

ScanOptions PipelineFlags::to_options() const {
  ScanOptions options;
  options.normalize = normalize.to_options();
  options.read.encoding = read.encoding;
  return options;
}

void add_pipeline_flags(CLI::App& cmd, PipelineFlags& flags, const std::string& what) {
  cmd.add_option("paths", flags.paths, "Files and directories to " + what + " ('-' reads standard input)")->required();
  cmd.add_option("-j,--threads", flags.threads, "Worker threads (default: all cores); output is the same for any number")
      ->check(CLI::Range(0u, 1024u));
  add_normalize_flags(cmd, flags.normalize);
  add_read_flags(cmd, flags.read);
}

void run_records(const std::vector<std::string>& paths, const ScanOptions& options, unsigned threads,
                 const RecordWriter& write) {
  const Normalizer normalizer(options.normalize);
  if (threads == 0) threads = std::max(1u, std::thread::hardware_concurrency());
  std::string out;
  auto emit = [&](const FileReport& report) {
    if (report.skip) {
      log_skip(report);
      g_exit_status = std::max<int>(g_exit_status, kSomeSkipped);
    }
    out.clear();
    write(report, out);
    write_stdout(out);
  };
  if (threads == 1) {
    walk_inputs(paths, [&](const Input& input) { emit(scan_input(input, options, normalizer)); });
    return;
  }
  // Futures in input order; the oldest is written before more than `window` files are in flight.
  const std::size_t window = 2 * static_cast<std::size_t>(threads);
  std::deque<std::future<FileReport>> in_flight;
  WorkerPool pool(threads);
  auto write_oldest = [&] {
    FileReport report = in_flight.front().get();
    in_flight.pop_front();
    emit(report);
  };
  try {
    walk_inputs(paths, [&](const Input& input) {
      auto task = std::make_shared<std::packaged_task<FileReport()>>(
          [input, &options, &normalizer] { return scan_input(input, options, normalizer); });
      in_flight.push_back(task->get_future());
      pool.submit([task] { (*task)(); });
      while (in_flight.size() >= window) write_oldest();
    });
    while (!in_flight.empty()) write_oldest();
  } catch (...) {
    // Let queued work finish before the pool (and the options it references) go away.
    for (auto& f : in_flight) f.wait();
    throw;
  }
}

}  // namespace corpus_scan::cli
