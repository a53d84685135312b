#include "engine/first_order_watch.hpp"

#include <gtest/gtest.h>

#include "engine/test_times.hpp"

namespace laurel::engine {
namespace {

using testing::at;
using testing::day;

using std::chrono::hours;

// Departments 1 ⊃ 2 (华东) and 3 (华南) apart; the campaign runs 2–31 March for fund 9, with
// department 1's tree and person 50 taking part.
struct Fixture {
  Fixture() : watch(reference, *core::CompanyZone::locate("Asia/Shanghai")) {
    reference.department_parent = {{1, 0}, {2, 1}, {3, 0}};
    watch.begin({1, at("2026-03-01", 0)});
    watch.set_campaign({7, day("2026-03-02"), day("2026-03-31"), {9}, {1}, {50}});
    watch.settle();
  }
  void rule(FirstOrderScope scope, std::int64_t min_amount = 0) {
    watch.begin({2, at("2026-03-01", 1)});
    ASSERT_TRUE(watch.add_rule({10, 7, scope, min_amount, at("2026-01-01", 0), hours(72)}));
    watch.settle();
  }
  void post(std::int64_t id, std::int64_t seq, core::Timestamp when, core::Timestamp recorded,
            std::vector<Credit> credits, std::int64_t product = 9,
            TradeKind kind = TradeKind::purchase, bool in_effect = true) {
    watch.begin({seq, recorded});
    watch.apply(TradeFact{id, seq, when, 100, product, kind, 1'000'000'00, in_effect, credits, {}});
    watch.settle();
  }
  const ThresholdFact* fact(std::int64_t subject, std::int64_t trade) const {
    const auto it =
        watch.facts().find(FactKey{10, subject, {core::PeriodKind::all_time, 0}, trade});
    return it == watch.facts().end() ? nullptr : &it->second;
  }

  Reference reference;
  FirstOrderWatch watch;
};

TEST(FirstOrderWatch, TheCampaignsFirstQualifyingOrderIsGoodNewsOnce) {
  Fixture f;
  f.rule(FirstOrderScope::campaign);
  f.post(1, 3, at("2026-03-01", 10), at("2026-03-01", 10), {{40, 2, 0}});     // before the window
  f.post(2, 4, at("2026-03-02", 10), at("2026-03-02", 10), {{40, 2, 0}}, 8);  // not its fund
  f.post(3, 5, at("2026-03-02", 11), at("2026-03-02", 11), {{41, 3, 0}});     // not taking part
  f.post(4, 6, at("2026-03-02", 12), at("2026-03-02", 12), {{40, 2, 0}}, 9, TradeKind::redeem);
  EXPECT_TRUE(f.watch.facts().empty());
  f.post(5, 7, at("2026-03-03", 9), at("2026-03-03", 9), {{40, 2, 0}});
  f.post(6, 8, at("2026-03-03", 10), at("2026-03-03", 10), {{50, 3, 0}});  // listed person
  ASSERT_EQ(f.watch.facts().size(), 1u);
  const auto* first = f.fact(0, 5);
  ASSERT_NE(first, nullptr);
  EXPECT_TRUE(first->holds);
  EXPECT_FALSE(first->late);
  EXPECT_EQ(first->became_true, (Moment{at("2026-03-03", 9), 5}));
}

TEST(FirstOrderWatch, ALateTradeThatWasEarlierTakesTheFirstOrderAndIsLate) {
  Fixture f;
  f.rule(FirstOrderScope::campaign);
  f.post(5, 3, at("2026-03-10", 9), at("2026-03-10", 9), {{40, 2, 0}});
  f.post(6, 4, at("2026-03-04", 9), at("2026-03-10", 15), {{41, 2, 0}});  // logged six days late
  const auto* old = f.fact(0, 5);
  EXPECT_FALSE(old->holds);
  EXPECT_EQ(old->no_longer_holds_at, at("2026-03-10", 15));
  const auto* winner = f.fact(0, 6);
  ASSERT_NE(winner, nullptr);
  EXPECT_TRUE(winner->holds);
  EXPECT_TRUE(winner->late);
  EXPECT_EQ(winner->detected_seq, 4);
}

TEST(FirstOrderWatch, TwoFirstOrdersInTheSameSecondGoToTheOneLoggedFirst) {
  Fixture f;
  f.rule(FirstOrderScope::campaign);
  f.post(8, 3, at("2026-03-05", 9, 30, 15), at("2026-03-05", 9, 31), {{40, 2, 0}});
  f.post(7, 4, at("2026-03-05", 9, 30, 15), at("2026-03-05", 9, 32), {{41, 2, 0}});
  // Record ids order ties: 7 < 8, whichever arrived first.
  EXPECT_TRUE(f.fact(0, 7)->holds);
  EXPECT_FALSE(f.fact(0, 8)->holds);
}

TEST(FirstOrderWatch, ACancelledFirstOrderHandsItToTheNextAndBackIfRestored) {
  Fixture f;
  f.rule(FirstOrderScope::campaign);
  f.post(5, 3, at("2026-03-03", 9), at("2026-03-03", 9), {{40, 2, 0}});
  f.post(6, 4, at("2026-03-04", 9), at("2026-03-04", 9), {{41, 2, 0}});
  f.post(5, 5, at("2026-03-03", 9), at("2026-03-05", 9), {{40, 2, 0}}, 9, TradeKind::purchase,
         false);
  EXPECT_FALSE(f.fact(0, 5)->holds);
  EXPECT_TRUE(f.fact(0, 6)->holds);
  EXPECT_EQ(f.fact(0, 6)->detected_seq, 5);
}

TEST(FirstOrderWatch, EachDepartmentAndEachPersonHasItsOwnFirst) {
  Fixture f;
  f.rule(FirstOrderScope::department);
  f.post(5, 3, at("2026-03-03", 9), at("2026-03-03", 9), {{40, 2, 0}});
  f.post(6, 4, at("2026-03-04", 9), at("2026-03-04", 9), {{41, 2, 0}});
  f.post(7, 5, at("2026-03-05", 9), at("2026-03-05", 9), {{50, 3, 0}});
  // Department 2's credit falls under participating department 1; person 50 is listed and
  // counts for their own department, 3.
  EXPECT_TRUE(f.fact(1, 5)->holds);
  EXPECT_EQ(f.fact(1, 6), nullptr);
  EXPECT_TRUE(f.fact(3, 7)->holds);

  Fixture g;
  g.rule(FirstOrderScope::staff);
  g.post(5, 3, at("2026-03-03", 9), at("2026-03-03", 9), {{40, 2, 0}, {41, 2, 0}});
  g.post(6, 4, at("2026-03-04", 9), at("2026-03-04", 9), {{41, 2, 0}});
  EXPECT_TRUE(g.fact(40, 5)->holds);
  EXPECT_TRUE(g.fact(41, 5)->holds);
  EXPECT_EQ(g.fact(41, 6), nullptr);
}

TEST(FirstOrderWatch, AMinimumAmountAndARuleAddedLaterJudgeWhatCameBefore) {
  Fixture f;
  f.post(5, 3, at("2026-03-03", 9), at("2026-03-03", 9), {{40, 2, 0}});
  f.rule(FirstOrderScope::campaign, 2'000'000'00);  // more than the 100万 of trade 5
  EXPECT_TRUE(f.watch.facts().empty());
  Fixture g;
  g.post(5, 3, at("2026-03-03", 9), at("2026-03-03", 9), {{40, 2, 0}});
  g.rule(FirstOrderScope::campaign);
  ASSERT_NE(g.fact(0, 5), nullptr);
  EXPECT_EQ(g.fact(0, 5)->detected_seq, 2);  // the rule's own event
}

}  // namespace
}  // namespace laurel::engine
