#pragma once
// A thread that runs one piece of work whenever it is woken, and at least once a period: how the
// recognition engine and the live stream follow the database without anyone calling them. Wakes
// that arrive while the work runs are folded into one more run, never lost and never queued up.

#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <stop_token>
#include <thread>

namespace laurel::core {

class WakeWorker {
 public:
  WakeWorker() = default;
  ~WakeWorker() { stop(); }
  WakeWorker(const WakeWorker&) = delete;
  WakeWorker& operator=(const WakeWorker&) = delete;

  void start(std::chrono::milliseconds period, std::function<void()> work);
  // From any thread; cheap.
  void wake();
  // Waits for the run in progress, if any; no run starts after this returns.
  void stop();
  bool running() const { return thread_.joinable(); }

 private:
  std::mutex mutex_;
  std::condition_variable_any woken_;
  bool wake_ = false;
  std::jthread thread_;
};

}  // namespace laurel::core
