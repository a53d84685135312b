#pragma once
// Instants and days for the engine's tests, written as people read them: at("2026-03-02", 10)
// is 10:00 UTC that day; day("2026-03-02") the calendar day.

#include <chrono>

#include "core/clock.hpp"
#include "core/local_date.hpp"

namespace laurel::engine::testing {

inline core::Timestamp at(const char* day, int hour, int minute = 0, int second = 0) {
  return std::chrono::time_point_cast<std::chrono::microseconds>(
      date::sys_days(*core::parse_date(day)) + std::chrono::hours(hour) +
      std::chrono::minutes(minute) + std::chrono::seconds(second));
}

inline date::sys_days day(const char* text) {
  return date::sys_days(*core::parse_date(text));
}

}  // namespace laurel::engine::testing
