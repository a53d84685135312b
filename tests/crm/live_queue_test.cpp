// One live-stream client's queue: in order, one wake per batch, and bounded — a client that
// falls behind is dropped, never buffered without end.

#include "crm/live_queue.hpp"

#include <gtest/gtest.h>

namespace laurel::crm {
namespace {

LiveMessage message(std::int64_t id, std::size_t size = 10) {
  return {id, "good_news", std::string(size, 'x')};
}

TEST(LiveQueueTest, HandsOverWhatWaitsInOrderWithOneWakePerBatch) {
  LiveQueue queue({100, 1 << 20});
  int wakes = 0;
  queue.set_wake([&] { ++wakes; });
  EXPECT_TRUE(queue.push(message(1)));
  EXPECT_TRUE(queue.push(message(2)));
  EXPECT_EQ(wakes, 1) << "a wake not yet answered is not repeated";
  auto taken = queue.take();
  ASSERT_EQ(taken.messages.size(), 2u);
  EXPECT_EQ(taken.messages[0].id, 1);
  EXPECT_EQ(taken.messages[1].id, 2);
  EXPECT_EQ(taken.messages[0].data, std::string(10, 'x'));
  EXPECT_FALSE(taken.dropped);
  EXPECT_TRUE(queue.take().messages.empty());
  EXPECT_TRUE(queue.push(message(3)));
  EXPECT_EQ(wakes, 2);
}

TEST(LiveQueueTest, WakesAtOnceWhenMessagesWaitedBeforeTheConnectionWasReady) {
  LiveQueue queue({100, 1 << 20});
  queue.push(message(1));
  int wakes = 0;
  queue.set_wake([&] { ++wakes; });
  EXPECT_EQ(wakes, 1);
}

TEST(LiveQueueTest, AClientTooFarBehindIsDroppedAndHoldsNothing) {
  LiveQueue queue({3, 1 << 20});
  int wakes = 0;
  queue.set_wake([&] { ++wakes; });
  for (int i = 1; i <= 3; ++i)
    EXPECT_TRUE(queue.push(message(i)));
  EXPECT_FALSE(queue.push(message(4)));
  EXPECT_TRUE(queue.dropped());
  EXPECT_EQ(wakes, 1) << "the wake already out tells the connection to end";
  auto taken = queue.take();
  EXPECT_TRUE(taken.dropped);
  EXPECT_TRUE(taken.messages.empty()) << "it reconnects and is sent the rest from the database";
  EXPECT_FALSE(queue.push(message(5)));
}

TEST(LiveQueueTest, TheBytesAreBoundedToo) {
  LiveQueue queue({1000, 1000});
  EXPECT_TRUE(queue.push(message(1, 400)));
  EXPECT_TRUE(queue.push(message(2, 400)));
  EXPECT_FALSE(queue.push(message(3, 400)));
  EXPECT_TRUE(queue.dropped());
}

TEST(LiveQueueTest, TakingFreesRoom) {
  LiveQueue queue({2, 1 << 20});
  for (int round = 0; round < 10; ++round) {
    EXPECT_TRUE(queue.push(message(2 * round)));
    EXPECT_TRUE(queue.push(message(2 * round + 1)));
    EXPECT_EQ(queue.take().messages.size(), 2u);
  }
  EXPECT_FALSE(queue.dropped());
}

TEST(LiveQueueTest, DroppingEndsItAndWakesTheConnection) {
  LiveQueue queue({10, 1 << 20});
  int wakes = 0;
  queue.set_wake([&] { ++wakes; });
  queue.drop();
  EXPECT_EQ(wakes, 1);
  EXPECT_TRUE(queue.take().dropped);
  EXPECT_FALSE(queue.push(message(1)));
}

}  // namespace
}  // namespace laurel::crm
