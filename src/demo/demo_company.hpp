#pragma once
// `laurel demo`'s fictional fund company: about 6 sales departments and 60 staff, 800
// institutional clients with org charts and ~5,000 key people, 30 funds (several money-market),
// 2 campaigns, ~50,000 visits and ~200,000 trades over the 12 months before the as-of date, with
// coverage, targets, opportunities and service records. Deterministic for a seed; plausible:
// client sizes skewed (a few very large), trades on exchange trading days only, visits mostly on
// working days (the company calendar, seeded with 2025 and 2026 holidays), a department transfer
// mid-year, 60/40 coverage splits, a dormant client that comes back.
//
// Everything is written through the CRM services with a clock moved forward day by day, so the
// records, their validation and the event log are exactly what real use would have produced
// (visits are logged at the end of their week, trades at the end of their day).

#include <cstdint>
#include <string>

#include "config/config.hpp"
#include "core/error.hpp"
#include "core/local_date.hpp"

namespace laurel::demo {

struct DemoOptions {
  std::uint64_t seed = 2026;
  core::LocalDate as_of{};  // activity runs to the day before
};

struct DemoSummary {
  std::size_t departments = 0, staff = 0, clients = 0, key_people = 0, products = 0;
  std::size_t visits = 0, transactions = 0, service_records = 0, opportunities = 0;
  std::size_t targets = 0, campaigns = 0;
  std::size_t good_news_published = 0, good_news_drafts = 0;
};

// Generates the company into the empty database at config.database.path.
core::Result<DemoSummary> generate_demo(const config::Config& config, const DemoOptions& options);

// The password of every demo login (shown when `laurel demo` starts).
inline constexpr const char* kDemoPassword = "laurel-demo-2026";

}  // namespace laurel::demo
