// The time rules' property for the holdings watches: the same trades and closing balances, in
// any arrival order (each record's own versions still in theirs), give the same holdings, the
// same milestones and the same activations that hold, each made true at the same moment.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <random>
#include <variant>

#include "engine/activation_watch.hpp"
#include "engine/holdings_milestone_watch.hpp"

namespace laurel::engine {
namespace {

using std::chrono::hours;

const date::sys_days kFirst{date::year{2026} / 1 / 1};

core::Timestamp noon(date::sys_days day) {
  return std::chrono::time_point_cast<std::chrono::microseconds>(day + hours(4));  // 12:00 +08
}

struct Balance {
  std::int64_t client, product;
  date::sys_days day;
  std::int64_t fen;
};
using Record = std::variant<TradeFact, Balance>;

struct Outcome {
  std::map<FactKey, Moment> milestones, activations;
  std::vector<std::int64_t> closes;
  bool operator==(const Outcome&) const = default;
};

Outcome fold(const std::vector<Record>& arrival) {
  const auto zone = *core::CompanyZone::locate("Asia/Shanghai");
  Reference reference;
  reference.products = {{1, {"bond"}}, {2, {"equity"}}, {3, {"money_market"}}};
  HoldingsBook book;
  HoldingsMilestoneWatch milestones(book, reference, zone);
  ActivationWatch activations(book, zone);
  book.add_listener(milestones);
  book.add_listener(activations);
  std::int64_t seq = 0;
  const auto begin = [&] {
    const EventContext event{++seq, noon(kFirst + date::days(400))};
    milestones.begin(event);
    activations.begin(event);
  };
  const auto settle = [&] {
    milestones.settle();
    activations.settle();
  };
  begin();
  HoldingsMilestoneRule every;
  every.id = 1;
  every.every_fen = 500'000;
  every.effective_from = noon(kFirst);
  milestones.add_rule(every);
  activations.add_rule({2, ActivationScope::staff, 20, 0, noon(kFirst), hours(72)});
  activations.add_rule({3, ActivationScope::department, 45, 100'000, noon(kFirst), hours(72)});
  settle();
  for (const auto& r : arrival) {
    begin();
    if (const auto* t = std::get_if<TradeFact>(&r)) {
      auto copy = *t;
      copy.seq = seq;
      activations.apply(copy);
      book.apply(copy);
    } else {
      const auto& b = std::get<Balance>(r);
      book.set_balance(b.client, b.product, b.day, b.fen);
    }
    settle();
  }
  Outcome out;
  for (const auto& [key, fact] : milestones.facts())
    if (fact.holds) out.milestones[key] = fact.became_true;
  for (const auto& [key, fact] : activations.facts())
    if (fact.holds) out.activations[key] = fact.became_true;
  for (int d = 0; d < 200; d += 7) {
    std::int64_t total = 0;
    for (std::int64_t c = 1; c <= 12; ++c)
      for (std::int64_t p = 1; p <= 3; ++p)
        total += book.amount_on(c, p, kFirst + date::days(d));
    out.closes.push_back(total);
  }
  return out;
}

TEST(HoldingsWatches, TheSameRecordsInAnyArrivalOrderGiveTheSameNews) {
  std::mt19937 random(20261201);
  std::vector<std::vector<Record>> records;  // each record's versions, in their own order
  const TradeKind kinds[] = {TradeKind::purchase, TradeKind::subscribe, TradeKind::redeem,
                             TradeKind::redeem,   TradeKind::switch_in, TradeKind::reinvest,
                             TradeKind::purchase};
  for (std::int64_t id = 1; id <= 160; ++id) {
    TradeFact t;
    t.id = id;
    t.client_id = 1 + static_cast<std::int64_t>(random() % 12);
    t.product_id = 1 + static_cast<std::int64_t>(random() % 3);
    t.kind = kinds[random() % std::size(kinds)];
    t.amount_fen = 10'000 * (1 + static_cast<std::int64_t>(random() % 40));
    const auto day = kFirst + date::days(static_cast<int>(random() % 360));
    t.trade_time = noon(day);
    if (random() % 4) t.confirmed_on = day + date::days(1);
    t.credits = {{40 + t.client_id % 3, 7 + t.client_id % 2, t.amount_fen}};
    std::vector<Record> versions{t};
    if (random() % 8 == 0) {  // cancelled later
      auto cancelled = t;
      cancelled.in_effect = false;
      versions.push_back(cancelled);
    } else if (random() % 8 == 0) {  // its amount corrected
      auto corrected = t;
      corrected.amount_fen += 5'000;
      versions.push_back(corrected);
    }
    records.push_back(versions);
  }
  for (int i = 0; i < 30; ++i) {
    Balance b{1 + static_cast<std::int64_t>(random() % 12),
              1 + static_cast<std::int64_t>(random() % 3),
              kFirst + date::days(static_cast<int>(random() % 180)),
              10'000 * static_cast<std::int64_t>(random() % 60)};
    std::vector<Record> versions{b};
    if (random() % 3 == 0) {  // the warehouse corrects it
      b.fen += 20'000;
      versions.push_back(b);
    }
    records.push_back(versions);
  }
  std::vector<std::size_t> slots;  // a record's index once per version
  for (std::size_t i = 0; i < records.size(); ++i)
    for (std::size_t v = 0; v < records[i].size(); ++v)
      slots.push_back(i);
  const auto arrival = [&](const std::vector<std::size_t>& order) {
    std::map<std::size_t, std::size_t> next;
    std::vector<Record> out;
    for (const auto i : order)
      out.push_back(records[i][next[i]++]);
    return out;
  };
  const auto expected = fold(arrival(slots));
  EXPECT_GT(expected.milestones.size(), 2u);
  EXPECT_GT(expected.activations.size(), 5u);
  for (int round = 0; round < 20; ++round) {
    std::shuffle(slots.begin(), slots.end(), random);
    EXPECT_EQ(fold(arrival(slots)), expected) << "round " << round;
  }
}

}  // namespace
}  // namespace laurel::engine
