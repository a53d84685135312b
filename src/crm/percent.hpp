#pragma once
// Achievement as a percentage, to one decimal (what a progress bar and a meeting slide show):
// 1,260 of 1,000 is 126.0; a third is 33.3. `whole` must be positive.

#include <cmath>
#include <cstdint>

namespace laurel::crm {

inline double percent(std::int64_t part, std::int64_t whole) {
  return std::round(static_cast<double>(part) * 1000.0 / static_cast<double>(whole)) / 10.0;
}

}  // namespace laurel::crm
