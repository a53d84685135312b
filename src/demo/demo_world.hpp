#pragma once
// What the demo generator knows while it builds the fictional company: the services it writes
// through (the same ones the API uses, so every record is validated and every event logged),
// the clock it moves forward day by day, and the people, clients and products made so far.

#include <cstdint>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "api/services.hpp"
#include "core/clock.hpp"
#include "core/local_date.hpp"
#include "demo/demo_company.hpp"
#include "demo/demo_random.hpp"

namespace laurel::demo {

// A generation step that failed: a bug in the generator, reported by generate_demo.
struct DemoFailure : std::runtime_error {
  using std::runtime_error::runtime_error;
};

template <class T>
T must(core::Result<T> result, const std::string& what) {
  if (!result) throw DemoFailure(what + ": " + result.error().field + " " + result.error().message);
  return std::move(*result);
}
inline void must(const core::Status& status, const std::string& what) {
  if (!status) throw DemoFailure(what + ": " + status.error().field + " " + status.error().message);
}

struct Person {
  std::int64_t staff_id = 0;
  std::string name;
  std::int64_t department_id = 0;
  auth::Principal principal;
};

struct ClientInfo {
  std::int64_t id = 0;
  std::string type;
  double weight = 1;  // size: Pareto, a few very large
  bool trades = true;
  std::size_t primary = 0;  // index into World::people
  std::optional<std::size_t> secondary;
  std::vector<std::int64_t> key_people;
  std::vector<double> attention;      // how often each key person meets the salespeople
  std::vector<std::size_t> products;  // indices into World::products the client holds
};

struct ProductInfo {
  std::int64_t id = 0;
  std::string name;
  std::string type;
  std::optional<core::LocalDate> offering_from;  // 认购 window of a new fund
  std::optional<core::LocalDate> offering_to;
};

struct World {
  World(api::Services& services_in, core::ManualClock& clock_in, const DemoOptions& options_in)
      : services(services_in), clock(clock_in), options(options_in), random(options_in.seed) {}

  api::Services& services;
  core::ManualClock& clock;
  DemoOptions options;
  Random random;
  core::LocalDate first_day{};  // the first of the 12 months of activity
  core::LocalDate last_day{};   // the day before the as-of date

  auth::Principal admin;
  auth::Actor system{std::nullopt, "cli:laurel demo", std::nullopt, std::nullopt};
  auth::Actor ta_system{std::nullopt, "ta-system", std::nullopt, std::nullopt};

  std::int64_t head_department = 0;
  std::map<std::string, std::int64_t> regional_department;  // 北方, 华东, 华南
  std::int64_t bank_department = 0, insurance_department = 0;
  std::vector<Person> people;
  std::vector<std::size_t> salespeople, managers, service_staff;
  std::map<std::size_t, std::vector<std::size_t>> clients_of;  // person -> client indices
  std::vector<ClientInfo> clients;
  std::vector<ProductInfo> products;
  std::optional<std::size_t> reactivated;  // the dormant client that comes back
  std::vector<std::int64_t> campaigns;
  std::map<std::string, std::int64_t> metric_ids;  // by code
  std::map<std::string, std::int64_t> board_ids;   // the managers' boards, by metric code

  // Moves the clock to a company-local time on `day` (never backwards).
  void at(core::LocalDate day, int hour, int minute = 0);
  core::Timestamp local(core::LocalDate day, int hour, int minute = 0) const;
};

core::LocalDate plus_days(core::LocalDate day, int days);

// Phases, in the order generate_demo runs them.
void build_organisation(World& world);
void build_products(World& world);
void build_metrics(World& world);    // after the products the metrics filter by
void build_good_news(World& world);  // after the metrics, before the year it judges
void build_points(World& world);     // before the year too
void build_clients(World& world);
void run_the_year(World& world, DemoSummary& summary);
void settle_good_news(World& world, DemoSummary& summary);  // after the year
void build_shop_and_challenges(World& world);               // at the year's end
}  // namespace laurel::demo
