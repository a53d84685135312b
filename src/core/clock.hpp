#pragma once
// Time is UTC inside Laurel, zoned only at the edges. Anything that needs "now" takes a Clock,
// so tests run on simulated time and the engine (later) never reads the wall clock itself.
// Implementations are thread-safe.

#include <atomic>
#include <chrono>

namespace laurel::core {

// Microsecond precision everywhere: it round-trips through SQLite and PostgreSQL integers
// (PostgreSQL's timestamptz resolution is one microsecond).
using Timestamp = std::chrono::sys_time<std::chrono::microseconds>;

class Clock {
 public:
  virtual ~Clock() = default;
  virtual Timestamp now() const = 0;
};

class SystemClock final : public Clock {
 public:
  Timestamp now() const override;
  static const SystemClock& instance();
};

// A clock that moves only when told to; for tests.
class ManualClock final : public Clock {
 public:
  explicit ManualClock(Timestamp start) : micros_(start.time_since_epoch().count()) {}
  Timestamp now() const override;
  void advance(std::chrono::microseconds by) { micros_ += by.count(); }
  void set(Timestamp to) { micros_ = to.time_since_epoch().count(); }

 private:
  std::atomic<std::int64_t> micros_;
};

}  // namespace laurel::core
