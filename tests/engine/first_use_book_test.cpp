#include "engine/first_use_book.hpp"

#include <gtest/gtest.h>

namespace laurel::engine {
namespace {

EventContext at(std::int64_t seq) {
  return {seq, core::Timestamp(std::chrono::seconds(1'780'000'000 + seq))};
}

TEST(FirstUseBook, KeepsEachPersonsFirstUseOfEachFunctionOnly) {
  FirstUseBook book;
  EXPECT_TRUE(book.use(7, 0, at(10), "visit", "100"));
  EXPECT_FALSE(book.use(7, 0, at(11), "visit", "101"));  // the same function again
  EXPECT_TRUE(book.use(7, 3, at(12), "key_person", "5"));
  EXPECT_TRUE(book.use(8, 0, at(13), "visit", "102"));  // someone else's first
  const auto* first = book.first(7, 0);
  ASSERT_NE(first, nullptr);
  EXPECT_EQ(first->seq, 10);
  EXPECT_EQ(first->entity_id, "100");
  EXPECT_EQ(first->at, at(10).recorded_at);
  EXPECT_EQ(book.first(8, 3), nullptr);
}

TEST(FirstUseBook, TellsEachFirstUseOnceInLogOrder) {
  FirstUseBook book;
  book.use(7, 0, at(10), "visit", "100");
  book.use(7, 0, at(11), "visit", "101");
  book.use(2, 1, at(12), "visit", "101");
  const auto changes = book.take_changes();
  ASSERT_EQ(changes.size(), 2u);
  EXPECT_EQ(changes[0].seq, 10);
  EXPECT_EQ(changes[1].staff_id, 2);
  EXPECT_TRUE(book.take_changes().empty());
  book.use(7, 0, at(20), "visit", "103");
  EXPECT_TRUE(book.take_changes().empty());
  // All of them, by person and function, whatever was taken.
  const auto all = book.all();
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(all[0].staff_id, 2);
  EXPECT_EQ(all[1].staff_id, 7);
}

}  // namespace
}  // namespace laurel::engine
