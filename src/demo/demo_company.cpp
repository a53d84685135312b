#include "demo/demo_company.hpp"

#include "demo/demo_calendar.hpp"
#include "demo/demo_world.hpp"
#include "store/migrator.hpp"
#include "store/sqlite/sqlite_store.hpp"

namespace laurel::demo {

core::Result<DemoSummary> generate_demo(const config::Config& config, const DemoOptions& options) {
  auto store = store::SqliteStore::open(
      {config.database.path, config.database.busy_timeout, /*bulk_load=*/true});
  if (!store) return store.error();
  {
    auto connection = (*store)->acquire();
    if (!connection) return connection.error();
    auto migrated = store::migrate(**connection);
    if (!migrated) return migrated.error();
  }
  // Demo logins share a published password, so their hashes take argon2id's minimum cost; each
  // is re-hashed at the configured cost the first time its user logs in.
  auto demo_config = config;
  demo_config.auth.argon2_opslimit = 1;
  demo_config.auth.argon2_memlimit_kib = 8;
  core::ManualClock clock(core::Timestamp{});
  api::Services services(demo_config, std::move(*store), clock);
  World world(services, clock, options);
  world.first_day = plus_days(options.as_of, -365);
  world.last_day = plus_days(options.as_of, -1);
  world.at(plus_days(world.first_day, -400), 9);
  DemoSummary summary;
  try {
    build_organisation(world);
    build_calendar(world);
    build_products(world);
    build_metrics(world);
    build_good_news(world);
    build_points(world);
    world.at(plus_days(world.first_day, -60), 9);
    build_clients(world);
    run_the_year(world, summary);
    settle_good_news(world, summary);
    build_shop_and_challenges(world);
  } catch (const DemoFailure& failure) {
    return core::Error::internal(std::string("demo generation failed: ") + failure.what());
  }
  summary.departments = world.regional_department.size() + 5;
  summary.staff = world.people.size();
  summary.clients = world.clients.size();
  summary.products = world.products.size();
  for (const auto& c : world.clients)
    summary.key_people += c.key_people.size();
  return summary;
}

}  // namespace laurel::demo
