#pragma once
// The demo company's working-day calendar: mainland China's public holidays of 2025 and 2026 as
// the State Council announced them (every day of each holiday period, weekends included) and the
// weekend days worked in exchange (调休), plus late 2024's for as-of dates early in 2025.
//
// One list serves every use, so that they cannot disagree: build_calendar() seeds the company
// calendar (crm::CalendarService, the table the recognition engine reads) from it, and the
// generator's is_working_day() and is_trading_day() answer from it rather than from the table
// (the generator runs before and beside the writes). Trading days differ from working days only
// in that the exchanges never open on a weekend, swapped working days included.

#include "core/local_date.hpp"
#include "demo/demo_world.hpp"

namespace laurel::demo {

// Seeds the company calendar, as the demo's admin.
void build_calendar(World& world);

// The company's working days: when staff are at work (swapped weekend days included).
bool is_working_day(core::LocalDate day);

// Monday to Friday and not a public holiday: when funds trade. Years without a list (before
// late 2024, after 2026) count weekdays only.
bool is_trading_day(core::LocalDate day);

}  // namespace laurel::demo
