#pragma once
// What waits to be sent to one client of the live stream. Bounded: a client that does not read
// fast enough to stay within the bounds is dropped — its queue is emptied and closed, its
// connection ends, and it reconnects with Last-Event-ID to be sent what it missed from the
// database — so a slow phone never makes Laurel's memory grow.
// Thread-safe: the stream pushes from its thread, the connection takes on its own.

#include <cstdint>
#include <deque>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace laurel::crm {

struct LiveMessage {
  std::optional<std::int64_t> id;  // its position on the stream; none: not a resume point
  std::string event;               // "good_news", "good_news_removed", "ready", "reset"
  std::string data;                // one line of JSON
};

struct LiveQueueLimits {
  std::size_t messages = 1000;
  std::size_t bytes = 4 * 1024 * 1024;
};

class LiveQueue {
 public:
  explicit LiveQueue(LiveQueueLimits limits) : limits_(limits) {}

  // Called (from the pushing thread) whenever messages wait where there were none, and when the
  // queue is dropped; called at once if some wait already.
  void set_wake(std::function<void()> wake);

  // False when the message would overflow the bounds: the queue is dropped instead.
  bool push(LiveMessage message);

  struct Taken {
    std::vector<LiveMessage> messages;
    bool dropped = false;
  };
  Taken take();

  // Ends the queue: nothing more is pushed or taken (the client went away, or was too slow).
  void drop();
  bool dropped() const;

 private:
  void wake_locked(std::unique_lock<std::mutex>& lock);

  LiveQueueLimits limits_;
  mutable std::mutex mutex_;
  std::deque<LiveMessage> waiting_;
  std::size_t bytes_ = 0;
  bool dropped_ = false;
  bool woken_ = false;  // a wake is out that take() has not answered yet
  std::function<void()> wake_;
};

}  // namespace laurel::crm
