#include "crm/transaction_service.hpp"

#include "crm/coverage_service.hpp"
#include "crm/crm_fixture.hpp"

namespace laurel::crm {
namespace {

class TransactionServiceTest : public testing::CrmFixture {
 protected:
  TransactionServiceTest() {
    // 李雷 primary with 60%, 韩梅梅 40% from 2026-01-01; 韩梅梅 moves South on 2026-07-01.
    coverage_
        .set(bank_, {day("2026-01-01"), {{li_, "primary", 60}, {han_, "secondary", 40}}}, actor_)
        .value();
    staff_.transfer(han_, south_, day("2026-07-01"), actor_).value();
  }

  TransactionInput trade(std::string external_id, const char* amount_yuan, const char* time) {
    TransactionInput in;
    in.external_id = std::move(external_id);
    in.client_id = bank_;
    in.product_id = equity_;
    in.kind = "申购";
    in.amount = core::parse_amount(amount_yuan, "amount").value();
    in.trade_time = core::parse_rfc3339(time).value();
    return in;
  }

  std::size_t stored() {
    auto c = db_.store().acquire().value();
    auto all = store::TransactionRepository(*c).list({}, {true, {}, "[]", "2026-11-24"}).value();
    return all.size();
  }

  CoverageService coverage_{db_.store(), clock_, zone_, log_};
  TransactionService transactions_{db_.store(), clock_, zone_, log_};
};

TEST_F(TransactionServiceTest, CreditsFollowCoverageAndDepartmentsOnTheTradeDate) {
  // 10:00 on 30 June in Shanghai is still June: 韩梅梅 counts for North.
  auto june = transactions_.record(trade("T-1", "1000.01", "2026-06-30T10:00:00+08:00"), actor_);
  ASSERT_TRUE(june) << june.error().message;
  const auto& t = june->transaction;
  EXPECT_EQ(june->outcome, RecordOutcome::applied);
  EXPECT_EQ(t.kind, "purchase") << "the Chinese name is read as its code";
  EXPECT_EQ(t.trade_date, "2026-06-30");
  ASSERT_EQ(t.credits.size(), 2u);
  EXPECT_EQ(t.credits[0].staff_id, li_);
  EXPECT_EQ(t.credits[0].amount_fen, 60001) << "0.6 fen beats 0.4 for the leftover";
  EXPECT_EQ(t.credits[1].amount_fen, 40000);
  EXPECT_EQ(t.credits[1].department_id, north_);
  // 23:30 UTC on 30 June is 1 July in Shanghai: 韩梅梅 is in South by then.
  auto july = transactions_.record(trade("T-2", "100", "2026-06-30T23:30:00Z"), actor_).value();
  EXPECT_EQ(july.transaction.trade_date, "2026-07-01");
  EXPECT_EQ(july.transaction.credits[1].department_id, south_);

  auto recorded = events("transaction.recorded");
  ASSERT_EQ(recorded.size(), 2u);
  EXPECT_EQ(recorded[0].occurred_at,
            core::to_micros(core::parse_rfc3339("2026-06-30T02:00:00Z").value()));
  auto after = boost::json::parse(recorded[0].payload).at("after");
  EXPECT_EQ(after.at("amount").as_string(), "1000.01");
  EXPECT_EQ(after.at("credits").at(0).at("amount").as_string(), "600.01");
}

TEST_F(TransactionServiceTest, ACoverageChangeNeverReCreditsPastTrades) {
  auto before = transactions_.record(trade("T-1", "100", "2026-03-01T10:00:00+08:00"), actor_);
  ASSERT_TRUE(before);
  // Backdated: from February, 王芳 covers the bank alone.
  ASSERT_TRUE(coverage_.set(bank_, {day("2026-02-01"), {{wang_, "primary", 100}}}, actor_));
  auto again = transactions_.get(before->transaction.id, {true, true, {}, {}, "2026-11-24"});
  ASSERT_TRUE(again);
  EXPECT_EQ(again->credits.size(), 2u) << "still 李雷 and 韩梅梅";
  auto later = transactions_.record(trade("T-2", "100", "2026-03-02T10:00:00+08:00"), actor_);
  ASSERT_EQ(later->transaction.credits.size(), 1u);
  EXPECT_EQ(later->transaction.credits[0].staff_id, wang_);
}

TEST_F(TransactionServiceTest, TheSameExternalIdIsADuplicateOrAConflict) {
  const auto first = trade("T-1", "100", "2026-03-01T10:00:00+08:00");
  ASSERT_TRUE(transactions_.record(first, actor_));
  auto same = first;
  same.client_id.reset();
  same.client_registration_code = testing::credit_code(1);  // the same client, by its code
  auto again = transactions_.record(same, actor_);
  ASSERT_TRUE(again) << again.error().message;
  EXPECT_EQ(again->outcome, RecordOutcome::duplicate);
  auto changed = first;
  changed.amount += 1;
  auto conflict = transactions_.record(changed, actor_);
  ASSERT_FALSE(conflict);
  EXPECT_EQ(conflict.error().code, core::Errc::conflict);
  EXPECT_EQ(conflict.error().field, "external_id");
  EXPECT_EQ(stored(), 1u);
  EXPECT_EQ(events("transaction.recorded").size(), 1u);
}

TEST_F(TransactionServiceTest, GivenCreditsOverrideCoverageAndAnUncoveredClientIsUncredited) {
  auto in = trade("T-1", "0.03", "2026-03-01T10:00:00+08:00");
  in.credits = {{wang_, "secondary", 50}, {han_, "primary", 50}};
  auto given = transactions_.record(in, actor_).value().transaction;
  ASSERT_EQ(given.credits.size(), 2u);
  EXPECT_EQ(given.credits[0].staff_id, han_);
  EXPECT_EQ(given.credits[0].amount_fen, 2) << "the tie goes to the primary";
  auto house = trade("T-2", "5", "2026-03-01T10:00:00+08:00");
  house.client_id = insurer_;
  EXPECT_TRUE(transactions_.record(house, actor_).value().transaction.credits.empty());
}

TEST_F(TransactionServiceTest, RefusesBadInputNamingTheField) {
  const auto refused = [&](TransactionInput in, const char* field) {
    auto result = transactions_.record(in, actor_);
    ASSERT_FALSE(result) << field;
    EXPECT_EQ(result.error().field, field) << result.error().message;
  };
  const auto good = trade("T-1", "100", "2026-03-01T10:00:00+08:00");
  auto in = good;
  in.external_id = "has space";
  refused(in, "external_id");
  in = good;
  in.client_registration_code = "x";
  refused(in, "client_id");
  in = good;
  in.client_id = 9999;
  refused(in, "client_id");
  in = good;
  in.product_id.reset();
  in.product_code = "NOPE";
  refused(in, "product_code");
  in = good;
  in.kind = "gift";
  refused(in, "kind");
  in = good;
  in.amount = 0;
  refused(in, "amount");
  in = good;
  in.trade_time = clock_.now() + std::chrono::minutes(10);
  refused(in, "trade_time");
  in = good;
  in.status = "confirmed";
  refused(in, "confirm_date");
  in.confirm_date = day("2026-02-28");
  refused(in, "confirm_date");
  in = good;
  in.status = "pending";
  refused(in, "status");
  in = good;
  in.credits = {{li_, "primary", 70}};
  refused(in, "credits");
  in.credits = {{li_, "primary", 100}, {424242, "secondary", 0}};
  refused(in, "credits[1].staff_id");
  EXPECT_EQ(stored(), 0u);
}

TEST_F(TransactionServiceTest, ABatchIsAllOrNothingUnlessPartial) {
  std::vector<BatchRow> rows = {trade("B-1", "1", "2026-03-01T10:00:00+08:00"),
                                trade("B-2", "2", "2026-03-01T10:00:00+08:00"),
                                core::Error::invalid("transactions[2].amount", "bad"),
                                trade("B-1", "1", "2026-03-01T10:00:00+08:00")};
  auto strict = transactions_.import(rows, false, actor_);
  ASSERT_TRUE(strict);
  EXPECT_EQ(strict->failed, 1u);
  ASSERT_EQ(strict->rows.size(), 1u);
  EXPECT_EQ(strict->rows[0].row, 2u);
  EXPECT_EQ(stored(), 0u) << "nothing written";

  auto partial = transactions_.import(rows, true, actor_).value();
  EXPECT_EQ(partial.applied, 2u);
  EXPECT_EQ(partial.duplicates, 1u) << "B-1 twice in one batch";
  EXPECT_EQ(partial.failed, 1u);
  EXPECT_EQ(stored(), 2u);

  rows[2] = trade("B-1", "9", "2026-03-01T10:00:00+08:00");  // B-1 with other content
  auto conflict = transactions_.import(rows, false, actor_).value();
  EXPECT_EQ(conflict.rows[0].row, 2u);
  EXPECT_EQ(conflict.rows[0].error->code, core::Errc::conflict);
}

TEST_F(TransactionServiceTest, StatusChangesFollowTheLifecycleAndAreLogged) {
  auto t = transactions_.record(trade("T-1", "100", "2026-03-01T10:00:00+08:00"), actor_)
               .value()
               .transaction;
  auto confirmed = transactions_.change_status(t.id, {"confirmed", day("2026-03-03")}, actor_);
  ASSERT_TRUE(confirmed) << confirmed.error().message;
  EXPECT_EQ(confirmed->confirm_date, "2026-03-03");
  auto failed = transactions_.change_status(t.id, {"failed", std::nullopt}, actor_);
  ASSERT_FALSE(failed);
  EXPECT_EQ(failed.error().code, core::Errc::conflict);
  ASSERT_TRUE(transactions_.change_status(t.id, {"cancelled", std::nullopt}, actor_));
  auto reopened = transactions_.change_status(t.id, {"applied", std::nullopt}, actor_);
  EXPECT_FALSE(reopened);
  auto logged = events("transaction.confirmed");
  ASSERT_EQ(logged.size(), 1u);
  EXPECT_EQ(logged[0].occurred_at,
            core::to_micros(core::parse_rfc3339("2026-03-02T16:00:00Z").value()))
      << "a confirmation takes effect at the start of its confirm date";
  auto cancelled = events("transaction.cancelled");
  ASSERT_EQ(cancelled.size(), 1u);
  EXPECT_EQ(cancelled[0].occurred_at, t.trade_time) << "a cancellation reverses the trade itself";
  EXPECT_EQ(boost::json::parse(cancelled[0].payload).at("before").at("status").as_string(),
            "confirmed");
}

TEST_F(TransactionServiceTest, ScopesDecideWhoSeesWhichTrades) {
  auto bank = transactions_.record(trade("T-1", "100", "2026-03-01T10:00:00+08:00"), actor_)
                  .value()
                  .transaction;
  auto other = trade("T-2", "100", "2026-03-01T10:00:00+08:00");
  other.client_id = insurer_;
  other.credits = {{wang_, "primary", 100}};
  auto insurer = transactions_.record(other, actor_).value().transaction;

  const DataScope li{false, true, li_, {}, "2026-11-24"};
  const DataScope wang{false, true, wang_, {}, "2026-11-24"};
  const DataScope south_manager{false, true, std::nullopt, {south_}, "2026-11-24"};
  const DataScope service{false, false, std::nullopt, {}, "2026-11-24"};
  EXPECT_TRUE(transactions_.get(bank.id, li));
  EXPECT_EQ(transactions_.get(insurer.id, li).error().code, core::Errc::not_found);
  EXPECT_TRUE(transactions_.get(insurer.id, wang));
  EXPECT_EQ(transactions_.list({}, wang).value().transactions.size(), 1u);
  EXPECT_EQ(transactions_.list({}, south_manager).value().transactions.size(), 1u)
      << "韩梅梅's March credit counted for North; 王芳's for South";
  EXPECT_EQ(transactions_.list({}, service).error().code, core::Errc::forbidden);
  // A salesperson who takes the bank over sees its earlier trades.
  ASSERT_TRUE(coverage_.set(bank_, {day("2026-11-01"), {{wang_, "primary", 100}}}, actor_));
  EXPECT_TRUE(transactions_.get(bank.id, wang));
  EXPECT_TRUE(transactions_.get(bank.id, li)) << "李雷 keeps seeing trades credited to him";
}

}  // namespace
}  // namespace laurel::crm
