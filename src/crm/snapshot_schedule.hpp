#pragma once
// When a board's standings are frozen without anyone asking: every week at its schedule's
// company-local weekday and time, and once per period when the period has closed — its last day
// over and then its grace window (late records of the last days still count). Company time, so
// "Monday 08:00" stays 08:00 across daylight-saving changes.

#include <optional>

#include "core/clock.hpp"
#include "core/local_date.hpp"
#include "core/period.hpp"
#include "crm/board_json.hpp"

namespace laurel::crm {

// The latest instant at or before `now` that the schedule names.
core::Timestamp last_scheduled(const SnapshotSchedule& schedule, core::Timestamp now,
                               core::CompanyZone zone);

// When the final standings of `period` are due: the start of the day `grace_days` after the day
// following its last.
core::Timestamp close_due(core::Period period, int grace_days, core::CompanyZone zone);

// The latest period of `kind` whose close is due at or before `now`; nullopt for all time.
std::optional<core::Period> last_closed(core::PeriodKind kind, int grace_days, core::Timestamp now,
                                        core::CompanyZone zone);

}  // namespace laurel::crm
