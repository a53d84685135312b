#pragma once
// The demo company's working days: Monday to Friday, less mainland China's public holidays of
// 2025 and 2026 as the State Council announced them. (The recognition engine gets an importable
// working-day calendar with swapped working days; the demo only needs days on which funds
// trade.) Years past 2026 count weekdays only.

#include "core/local_date.hpp"

namespace laurel::demo {

bool is_working_day(core::LocalDate day);

}  // namespace laurel::demo
