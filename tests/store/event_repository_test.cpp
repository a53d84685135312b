#include "store/event_repository.hpp"

#include <gtest/gtest.h>

#include "store/test_database.hpp"

namespace laurel::store {
namespace {

class EventRepositoryConformance : public ::testing::TestWithParam<std::string> {
 protected:
  EventRecord event(std::string type, std::string entity_id, std::int64_t at) {
    return EventRecord{0,
                       std::move(type),
                       at,
                       at + 5,
                       std::nullopt,
                       "cli:test",
                       "department",
                       std::move(entity_id),
                       R"({"before":null,"after":{"id":1}})"};
  }
  testing::TestDatabase db_{GetParam()};
  PooledConnection c_ = db_.migrated();
  EventRepository events_{*c_};
};

TEST_P(EventRepositoryConformance, AppendsInAGlobalOrder) {
  const auto a = events_.append(event("department.created", "1", 100)).value();
  const auto b = events_.append(event("department.created", "2", 50)).value();
  const auto c = events_.append(event("department.updated", "1", 200)).value();
  EXPECT_LT(a, b);
  EXPECT_LT(b, c);
  auto all = events_.list({}).value();
  ASSERT_EQ(all.size(), 3u);
  EXPECT_EQ(all[1].seq, b);
  EXPECT_EQ(all[1].occurred_at, 50) << "order is by arrival (seq), occurred_at is kept as given";
  EXPECT_EQ(all[1].recorded_at, 55);
  EXPECT_EQ(all[0].payload, R"({"before":null,"after":{"id":1}})");
}

TEST_P(EventRepositoryConformance, FiltersByRecordAndTypeWithACursor) {
  for (int i = 0; i < 5; ++i)
    ASSERT_TRUE(events_.append(event("department.updated", "7", i)));
  ASSERT_TRUE(events_.append(event("department.updated", "8", 9)));
  EventFilter of_seven;
  of_seven.entity_type = "department";
  of_seven.entity_id = "7";
  of_seven.limit = 3;
  auto page = events_.list(of_seven).value();
  ASSERT_EQ(page.size(), 4u) << "limit + 1";
  of_seven.after_seq = page[2].seq;
  EXPECT_EQ(events_.list(of_seven).value().size(), 2u);
  EventFilter created;
  created.type = "department.created";
  EXPECT_TRUE(events_.list(created).value().empty());
}

TEST_P(EventRepositoryConformance, TheLogIsAppendOnly) {
  ASSERT_TRUE(events_.append(event("department.created", "1", 1)));
  auto update = c_->query("UPDATE events SET actor = 'someone else'");
  ASSERT_FALSE(update);
  EXPECT_NE(update.error().message.find("append-only"), std::string::npos);
  EXPECT_FALSE(c_->query("DELETE FROM events"));
  EXPECT_EQ(events_.list({}).value().size(), 1u);
  EXPECT_EQ(events_.list({}).value()[0].actor, "cli:test");
}

INSTANTIATE_TEST_SUITE_P(Backends, EventRepositoryConformance,
                         ::testing::ValuesIn(testing::backends()));

}  // namespace
}  // namespace laurel::store
