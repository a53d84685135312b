#include "crm/event_log.hpp"

#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "core/timestamp.hpp"
#include "store/test_database.hpp"

namespace laurel::crm {
namespace {

using namespace std::chrono_literals;

TEST(EventLogTest, PayloadCarriesBeforeAndAfter) {
  CrmEvent created{"x.created", "x", "1", std::nullopt, boost::json::object{{"a", 1}},
                   std::nullopt};
  EXPECT_EQ(event_payload(created), R"({"before":null,"after":{"a":1}})");
}

TEST(EventLogTest, AppendsWithActorAndTimesInTheCallersTransaction) {
  store::testing::TestDatabase db("sqlite");
  auto connection = db.migrated();
  core::ManualClock clock(core::from_micros(1'800'000'000'000'000));
  EventLog log(clock);
  const auth::Actor actor{std::nullopt, "cli:ops", std::nullopt, std::nullopt};
  {
    auto tx = store::Transaction::begin(*connection).value();
    ASSERT_TRUE(log.append(*connection, actor, {"x.created", "x", "1", {}, {}, {}}));
  }  // rolled back: the event goes with the write it belonged to
  EXPECT_TRUE(store::EventRepository(*connection).list({}).value().empty());

  auto tx = store::Transaction::begin(*connection).value();
  const auto occurred = clock.now() - 48h;
  ASSERT_TRUE(log.append(*connection, actor, {"x.created", "x", "1", {}, {}, occurred}));
  ASSERT_TRUE(tx.commit());
  auto events = store::EventRepository(*connection).list({}).value();
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].actor, "cli:ops");
  EXPECT_EQ(events[0].recorded_at, core::to_micros(clock.now()));
  EXPECT_EQ(events[0].occurred_at, core::to_micros(occurred));
}

}  // namespace
}  // namespace laurel::crm
