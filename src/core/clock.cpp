#include "core/clock.hpp"

namespace laurel::core {

Timestamp SystemClock::now() const {
  return std::chrono::time_point_cast<std::chrono::microseconds>(std::chrono::system_clock::now());
}

const SystemClock& SystemClock::instance() {
  static const SystemClock clock;
  return clock;
}

Timestamp ManualClock::now() const {
  return Timestamp(std::chrono::microseconds(micros_.load()));
}

}  // namespace laurel::core
