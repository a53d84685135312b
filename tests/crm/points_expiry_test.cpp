#include "crm/points_expiry.hpp"

#include <deque>
#include <random>

#include "crm/points_ledger.hpp"
#include "crm_fixture.hpp"
#include "store/point_ledger_repository.hpp"

namespace laurel::crm {
namespace {

// Spendable points expire oldest first, N days after the day they were credited. The ledger has
// no lots; these tests hold it to a plain model that has them (a queue of credits, debits eating
// the front) over months of random earning and spending.
class PointsExpiryTest : public testing::CrmFixture {
 protected:
  static constexpr int kDays = 30;

  // Company day `n` after 2026-03-01, at `hour` Shanghai time.
  core::Timestamp at(int n, int hour) const {
    return zone_.start_of(core::LocalDate(date::sys_days(day("2026-03-01")) + date::days(n))) +
           std::chrono::hours(hour);
  }

  void post(std::string kind, std::int64_t points, core::Timestamp when,
            std::vector<store::PointLeg> legs) {
    store::PointJournal j;
    j.natural_key = "test/" + std::to_string(++posted_);
    j.kind = std::move(kind);
    j.staff_id = li_;
    j.posted_at = core::to_micros(when);
    j.points = points;
    j.legs = std::move(legs);
    auto write = store::WriteTransaction::begin(db_.store()).value();
    ASSERT_TRUE(store::PointLedgerRepository(write.connection()).post(j).value());
    ASSERT_TRUE(write.commit());
  }
  void credit(std::int64_t points, core::Timestamp when) {
    post("earn", points, when,
         {{system_account("issuance"), -points}, {staff_account(li_, "spendable"), points}});
  }
  void spend(std::int64_t points, core::Timestamp when) {
    post("hold", points, when,
         {{staff_account(li_, "spendable"), -points}, {staff_account(li_, "held"), points}});
  }

  std::int64_t spendable() {
    auto c = db_.store().acquire().value();
    return store::PointLedgerRepository(*c).person(li_).value().spendable;
  }
  std::int64_t expired_so_far() {
    auto c = db_.store().acquire().value();
    return store::PointLedgerRepository(*c).balance(system_account("expiry")).value();
  }
  std::optional<NextExpiry> next() {
    auto c = db_.store().acquire().value();
    return expiry_.next(*c, li_).value();
  }

  int posted_ = 0;
  PointsExpiry expiry_{db_.store(), clock_, {kDays, zone_}};
};

TEST_F(PointsExpiryTest, PointsGoWhenTheirLastDayIsOverAndNotBefore) {
  credit(100, at(1, 10));  // 2 March: last day 31 March
  clock_.set(at(30, 23));  // 31 March, late
  ASSERT_TRUE(expiry_.expire_due(li_));
  EXPECT_EQ(spendable(), 100);
  ASSERT_TRUE(next());
  EXPECT_EQ(next()->points, 100);
  EXPECT_EQ(next()->last_day, day("2026-03-31"));

  clock_.set(at(31, 0));  // 1 April begins
  ASSERT_TRUE(expiry_.expire_due(li_));
  EXPECT_EQ(spendable(), 0);
  EXPECT_EQ(expired_so_far(), 100);
  EXPECT_FALSE(next());
  // Again the same day, and again the next: nothing more goes.
  ASSERT_TRUE(expiry_.expire_due(li_));
  clock_.set(at(32, 9));
  ASSERT_TRUE(expiry_.expire_all_due());
  EXPECT_EQ(expired_so_far(), 100);
}

TEST_F(PointsExpiryTest, SpendingTakesTheOldestPointsFirst) {
  credit(100, at(1, 10));  // last day 31 March
  credit(100, at(9, 10));  // last day 8 April
  spend(150, at(14, 10));  // all of 2 March's and half of 10 March's
  ASSERT_TRUE(next());
  EXPECT_EQ(next()->points, 50);
  EXPECT_EQ(next()->last_day, day("2026-04-08"));
  clock_.set(at(31, 9));  // 2 March's are past their day, but none of them is left
  ASSERT_TRUE(expiry_.expire_all_due());
  EXPECT_EQ(spendable(), 50);
  clock_.set(at(39, 9));  // 9 April
  ASSERT_TRUE(expiry_.expire_all_due());
  EXPECT_EQ(spendable(), 0);
  EXPECT_EQ(expired_so_far(), 50);
}

TEST_F(PointsExpiryTest, OneJournalPerPersonAndDayNamesTheCutoff) {
  credit(80, at(1, 10));
  clock_.set(at(40, 9));
  auto write = store::WriteTransaction::begin(db_.store()).value();
  EXPECT_EQ(expiry_.expire_due(write.connection(), li_).value(), 80);
  EXPECT_EQ(expiry_.expire_due(write.connection(), li_).value(), 0);
  ASSERT_TRUE(write.commit());
  auto c = db_.store().acquire().value();
  const auto journals = store::PointLedgerRepository(*c).journals_of(li_, 0, 10).value();
  ASSERT_FALSE(journals.empty());
  EXPECT_EQ(journals.front().kind, "expire");
  EXPECT_EQ(journals.front().natural_key, "expire/" + std::to_string(li_) + "/2026-04-10");
  EXPECT_EQ(journals.front().points, 80);
  EXPECT_NE(journals.front().detail.find("\"credited_before\":\"2026-03-12\""), std::string::npos)
      << journals.front().detail;
}

TEST_F(PointsExpiryTest, NothingExpiresWhenTheCompanyTurnsExpiryOff) {
  PointsExpiry never{db_.store(), clock_, {0, zone_}};
  credit(100, at(1, 10));
  clock_.set(at(400, 9));
  ASSERT_TRUE(never.expire_all_due());
  EXPECT_EQ(spendable(), 100);
  auto c = db_.store().acquire().value();
  EXPECT_FALSE(never.next(*c, li_).value());
}

// Months of random earning and spending, each day's expiry compared with a ledger that keeps lots.
TEST_F(PointsExpiryTest, MatchesAModelThatKeepsLots) {
  struct Lot {
    int day;
    std::int64_t left;
  };
  std::deque<Lot> lots;
  std::int64_t model_expired = 0;
  const auto take_oldest = [&lots](std::int64_t points) {
    while (points > 0) {
      const auto used = std::min(points, lots.front().left);
      lots.front().left -= used;
      points -= used;
      if (lots.front().left == 0) lots.pop_front();
    }
  };
  std::mt19937 random(7);
  for (int d = 0; d < 150; ++d) {
    SCOPED_TRACE("day " + std::to_string(d));
    clock_.set(at(d, 0) + std::chrono::minutes(30));
    ASSERT_TRUE(expiry_.expire_all_due());
    while (!lots.empty() && lots.front().day + kDays <= d) {
      model_expired += lots.front().left;
      lots.pop_front();
    }
    ASSERT_EQ(expired_so_far(), model_expired);
    std::int64_t model_spendable = 0;
    for (const auto& lot : lots)
      model_spendable += lot.left;
    ASSERT_EQ(spendable(), model_spendable);
    if (lots.empty()) {
      EXPECT_FALSE(next());
    } else {
      std::int64_t first_day = 0;
      for (const auto& lot : lots)
        if (lot.day == lots.front().day) first_day += lot.left;
      ASSERT_TRUE(next());
      EXPECT_EQ(next()->points, first_day);
      EXPECT_EQ(next()->last_day, core::LocalDate(date::sys_days(day("2026-03-01")) +
                                                  date::days(lots.front().day + kDays - 1)));
    }
    for (int i = static_cast<int>(random() % 3); i > 0; --i) {
      const std::int64_t points = 1 + static_cast<std::int64_t>(random() % 200);
      clock_.set(at(d, 9 + i));
      credit(points, clock_.now());
      lots.push_back({d, points});
      model_spendable += points;
    }
    // Spending now and then, a part of what there is: enough is left to expire.
    if (random() % 5 == 0 && model_spendable > 0) {
      const auto points = std::min(
          model_spendable, 1 + static_cast<std::int64_t>(random() % (model_spendable / 4 + 1)));
      clock_.set(at(d, 15));
      spend(points, clock_.now());
      take_oldest(points);
    }
  }
  EXPECT_GT(model_expired, 0);  // the walk did make points expire
}

}  // namespace
}  // namespace laurel::crm
