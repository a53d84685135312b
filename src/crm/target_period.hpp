#pragma once
// The periods targets are set for, in the company's calendar: a month ("2026-11"), a quarter
// ("2026-Q4") or a year ("2026"). Both ends are company-local days, inclusive.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/local_date.hpp"

namespace laurel::crm {

struct TargetPeriod {
  std::string key;  // as written: "2026-11", "2026-Q4", "2026"
  core::LocalDate first{};
  core::LocalDate last{};
};

// Years 2000 to 2099; anything else (a day, "2026-13", "2026-Q5", "26") is nullopt.
std::optional<TargetPeriod> parse_target_period(std::string_view text);

// The month, quarter and year that contain `day`, in that order.
std::vector<TargetPeriod> periods_containing(core::LocalDate day);

}  // namespace laurel::crm
