#include "crm/holdings_service.hpp"

#include "crm/coverage_service.hpp"
#include "crm/crm_fixture.hpp"
#include "crm/transaction_service.hpp"

namespace laurel::crm {
namespace {

class HoldingsServiceTest : public testing::CrmFixture {
 protected:
  HoldingsServiceTest() {
    coverage_
        .set(bank_, {day("2026-01-01"), {{li_, "primary", 60}, {han_, "secondary", 40}}}, actor_)
        .value();
  }

  BalanceInput balance(std::int64_t client, std::int64_t product, const char* date,
                       const char* yuan) {
    return {client,       std::nullopt, product,
            std::nullopt, day(date),    core::parse_amount(yuan, "amount").value()};
  }

  void confirmed_purchase(const char* id, std::int64_t product, const char* yuan,
                          const char* confirm) {
    TransactionInput in;
    in.external_id = id;
    in.client_id = bank_;
    in.product_id = product;
    in.kind = "purchase";
    in.amount = core::parse_amount(yuan, "amount").value();
    in.trade_time = zone_.start_of(day(confirm)) - std::chrono::hours(12);
    in.status = "confirmed";
    in.confirm_date = day(confirm);
    transactions_.record(in, actor_).value();
  }

  const DataScope all_{true, true, std::nullopt, {}, "2026-11-24"};
  CoverageService coverage_{db_.store(), clock_, zone_, log_};
  TransactionService transactions_{db_.store(), clock_, zone_, log_};
  HoldingsService holdings_{db_.store(), clock_, zone_, log_};
};

TEST_F(HoldingsServiceTest, ImportIsIdempotentPerDayAndASecondAmountIsACorrection) {
  std::vector<BalanceRow> rows = {balance(bank_, equity_, "2026-11-01", "1000000"),
                                  balance(bank_, money_, "2026-11-01", "500000")};
  auto first = holdings_.import(rows, false, actor_).value();
  EXPECT_EQ(first.applied, 2u);
  auto again = holdings_.import(rows, false, actor_).value();
  EXPECT_EQ(again.duplicates, 2u);
  rows[0] = balance(bank_, equity_, "2026-11-01", "1000001");
  auto corrected = holdings_.import({rows[0]}, false, actor_).value();
  EXPECT_EQ(corrected.corrected, 1u);
  auto logged = events("holding.balance_corrected");
  ASSERT_EQ(logged.size(), 1u);
  auto payload = boost::json::parse(logged[0].payload);
  EXPECT_EQ(payload.at("before").at("amount").as_string(), "1000000.00");
  EXPECT_EQ(logged[0].occurred_at,
            core::to_micros(core::parse_rfc3339("2026-11-01T15:59:59.999999Z").value()))
      << "a closing balance holds at the end of its day in Shanghai";
  EXPECT_EQ(events("holding.balance_imported").size(), 2u);
}

TEST_F(HoldingsServiceTest, ABadRowWritesNothingUnlessPartialAndTheFutureIsRefused) {
  std::vector<BalanceRow> rows = {balance(bank_, equity_, "2026-11-01", "1"),
                                  balance(9999, equity_, "2026-11-01", "1"),
                                  balance(bank_, equity_, "2026-12-01", "1")};
  auto strict = holdings_.import(rows, false, actor_).value();
  ASSERT_EQ(strict.rows.size(), 1u);
  EXPECT_EQ(strict.rows[0].error->field, "client_id");
  EXPECT_TRUE(holdings_.positions(day("2026-11-01"), {}, {}, all_).value().empty());
  auto partial = holdings_.import(rows, true, actor_).value();
  EXPECT_EQ(partial.applied, 1u);
  EXPECT_EQ(partial.failed, 2u);
  EXPECT_EQ(partial.rows[2].error->field, "date");
}

TEST_F(HoldingsServiceTest, TotalsSplitByCoverageAndLeaveOutMoneyMarketFunds) {
  holdings_
      .import({balance(bank_, equity_, "2026-11-01", "1000.01"),
               balance(bank_, money_, "2026-11-01", "500"),
               balance(insurer_, equity_, "2026-11-01", "7")},
              false, actor_)
      .value();
  confirmed_purchase("P-1", equity_, "100", "2026-11-03");
  auto totals = holdings_.totals(day("2026-11-03"), all_).value();
  EXPECT_EQ(totals.company.all, 160701);
  EXPECT_EQ(totals.company.excluding_money_market, 110701);
  ASSERT_EQ(totals.staff.size(), 2u) << "nobody covers the insurer: company only";
  EXPECT_EQ(totals.staff[0].first, li_);
  EXPECT_EQ(totals.staff[0].second.excluding_money_market, 66001);  // 60% of 1100.01
  EXPECT_EQ(totals.staff[1].second.excluding_money_market, 44000);
  ASSERT_EQ(totals.departments.size(), 1u);
  EXPECT_EQ(totals.departments[0].first, north_);
  EXPECT_EQ(totals.departments[0].second.all, 160001) << "the bank's two funds, both in North";

  const DataScope han{false, true, han_, {}, "2026-11-24"};
  auto own = holdings_.totals(day("2026-11-03"), han).value();
  EXPECT_EQ(own.company.all, 160701) << "the company's figure is everyone's";
  ASSERT_EQ(own.staff.size(), 1u);
  EXPECT_EQ(own.staff[0].first, han_);
  EXPECT_TRUE(own.departments.empty());
  auto positions = holdings_.positions(day("2026-11-03"), {}, {}, han).value();
  EXPECT_EQ(positions.size(), 2u) << "the bank's two funds, not the insurer's";
  const DataScope service{false, false, std::nullopt, {}, "2026-11-24"};
  EXPECT_EQ(holdings_.totals({}, service).error().code, core::Errc::forbidden);
}

TEST_F(HoldingsServiceTest, HistoryGivesEachDaysClose) {
  holdings_.import({balance(bank_, equity_, "2026-11-01", "1000")}, false, actor_).value();
  confirmed_purchase("P-1", equity_, "100", "2026-11-03");
  auto series = holdings_.history(day("2026-10-31"), day("2026-11-04"), {}, {}, all_).value();
  ASSERT_EQ(series.size(), 5u);
  EXPECT_EQ(series[0].amounts.all, 0);
  EXPECT_EQ(series[1].amounts.all, 100000);
  EXPECT_EQ(series[2].amounts.all, 100000);
  EXPECT_EQ(series[3].amounts.all, 110000);
  EXPECT_EQ(series[4].date, "2026-11-04");
  EXPECT_FALSE(holdings_.history(day("2026-11-04"), day("2026-11-01"), {}, {}, all_));
  EXPECT_FALSE(holdings_.history(day("2024-01-01"), day("2026-11-01"), {}, {}, all_));
}

}  // namespace
}  // namespace laurel::crm
