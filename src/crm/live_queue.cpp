#include "crm/live_queue.hpp"

namespace laurel::crm {

void LiveQueue::set_wake(std::function<void()> wake) {
  std::unique_lock lock(mutex_);
  wake_ = std::move(wake);
  if (!waiting_.empty() || dropped_) wake_locked(lock);
}

void LiveQueue::wake_locked(std::unique_lock<std::mutex>& lock) {
  if (woken_ || !wake_) return;
  woken_ = true;
  auto wake = wake_;
  lock.unlock();  // the wake may post to another thread that takes at once
  wake();
}

bool LiveQueue::push(LiveMessage message) {
  std::unique_lock lock(mutex_);
  if (dropped_) return false;
  const std::size_t size = message.event.size() + message.data.size() + 32;
  if (waiting_.size() + 1 > limits_.messages || bytes_ + size > limits_.bytes) {
    dropped_ = true;
    waiting_.clear();
    bytes_ = 0;
    wake_locked(lock);
    return false;
  }
  bytes_ += size;
  waiting_.push_back(std::move(message));
  wake_locked(lock);
  return true;
}

LiveQueue::Taken LiveQueue::take() {
  std::lock_guard lock(mutex_);
  woken_ = false;
  Taken taken;
  taken.dropped = dropped_;
  taken.messages.assign(std::make_move_iterator(waiting_.begin()),
                        std::make_move_iterator(waiting_.end()));
  waiting_.clear();
  bytes_ = 0;
  return taken;
}

void LiveQueue::drop() {
  std::unique_lock lock(mutex_);
  if (dropped_) return;
  dropped_ = true;
  waiting_.clear();
  bytes_ = 0;
  wake_locked(lock);
}

bool LiveQueue::dropped() const {
  std::lock_guard lock(mutex_);
  return dropped_;
}

}  // namespace laurel::crm
