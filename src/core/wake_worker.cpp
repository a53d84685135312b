#include "core/wake_worker.hpp"

namespace laurel::core {

void WakeWorker::start(std::chrono::milliseconds period, std::function<void()> work) {
  thread_ = std::jthread([this, period, work = std::move(work)](std::stop_token stop) {
    while (!stop.stop_requested()) {
      {
        std::unique_lock lock(mutex_);
        woken_.wait_for(lock, stop, period, [this] { return wake_; });
        wake_ = false;
      }
      if (stop.stop_requested()) return;
      work();
    }
  });
}

void WakeWorker::wake() {
  {
    std::lock_guard lock(mutex_);
    wake_ = true;
  }
  woken_.notify_one();
}

void WakeWorker::stop() {
  if (!thread_.joinable()) return;
  thread_.request_stop();
  thread_.join();
}

}  // namespace laurel::core
