#include <algorithm>

#include "crm/client_service.hpp"
#include "crm/holdings_service.hpp"
#include "crm/key_people_service.hpp"
#include "crm/org_chart_service.hpp"
#include "crm/sales_plan_fixture.hpp"
#include "crm/target_service.hpp"
#include "crm/visit_service.hpp"

namespace laurel::crm {
namespace {

class ClientMergeTest : public testing::SalesPlanFixture {
 protected:
  ClientMergeTest() {
    twin_ = clients_
                .create({"招商银行深圳分行", std::nullopt, testing::credit_code(3), "bank",
                         std::nullopt},
                        actor_)
                .value()
                .id;
    coverage_.set(twin_, {day("2026-01-01"), {{wang_, "primary", 100}}}, actor_).value();
    TransactionInput in;
    in.external_id = "TWIN-1";
    in.client_id = twin_;
    in.product_id = equity_;
    in.kind = "申购";
    in.amount = core::parse_amount("700", "amount").value();
    in.trade_time = core::parse_rfc3339("2026-06-10T10:00:00+08:00").value();
    transactions_.record(in, actor_).value();
    const auto unit = charts_.create({twin_, std::nullopt, "深圳分行"}, actor_).value().id;
    KeyPersonFields f;
    f.name = "赵行长";
    f.org_unit_id = unit;
    f.decision_role = "investment_decision";
    f.influence = "decision_maker";
    person_ = people_.create({twin_, f}, admin_, actor_).value().person.id;
    for (auto [client, amount] : {std::pair{bank_, "100"}, std::pair{twin_, "50"}}) {
      BalanceInput b;
      b.client_id = client;
      b.product_id = money_;
      b.date = day("2026-06-30");
      b.amount = core::parse_amount(amount, "amount").value();
      holdings_.import({b}, false, actor_).value();
    }
  }

  OrgChartService charts_{db_.store(), clock_, log_};
  KeyPeopleService people_{db_.store(), clock_, log_, scopes_};
  HoldingsService holdings_{db_.store(), clock_, zone_, log_};
  std::int64_t twin_ = 0, person_ = 0;
};

TEST_F(ClientMergeTest, EverythingMovesToTheSurvivorAndTheDuplicateStaysMarked) {
  auto merged = clients_.merge(bank_, twin_, actor_);
  ASSERT_TRUE(merged) << merged.error().message;
  EXPECT_EQ(merged->moved.transactions, 1);
  EXPECT_EQ(merged->moved.key_people, 1);
  EXPECT_EQ(merged->moved.org_units, 1);
  EXPECT_EQ(merged->moved.balances, 1) << "the same fund on the same day: added up";
  EXPECT_EQ(merged->moved.coverage_plans, 0) << "the survivor's coverage stands";
  EXPECT_EQ(merged->merged.merged_into, bank_);

  DataScope everything;
  everything.everything = true;
  auto positions = holdings_.positions(day("2026-06-30"), bank_, money_, everything).value();
  ASSERT_EQ(positions.size(), 1u);
  EXPECT_EQ(core::format_amount(positions[0].amount), "150.00");
  EXPECT_EQ(people_.get(person_, admin_).value().person.client_id, bank_);

  store::ClientFilter all;
  all.limit = 100;
  const auto listed = clients_.list(all).value().clients;
  EXPECT_TRUE(
      std::none_of(listed.begin(), listed.end(), [&](const auto& c) { return c.id == twin_; }));
  all.search = "深圳分行";
  EXPECT_TRUE(clients_.list(all).value().clients.empty()) << "out of search too";
  EXPECT_EQ(clients_.get(twin_).value().merged_into, bank_) << "still found by its id";

  ClientChanges rename;
  rename.name = "改名";
  EXPECT_EQ(clients_.update(twin_, rename, actor_).error().code, core::Errc::conflict);
  auto again = clients_.create(
      {"招商银行深圳", std::nullopt, testing::credit_code(3), "bank", std::nullopt}, actor_);
  ASSERT_FALSE(again);
  EXPECT_NE(again.error().message.find("/api/v1/clients/" + std::to_string(bank_)),
            std::string::npos)
      << "the code leads to the survivor";
  EXPECT_EQ(events("client.merged").size(), 1u);
  EXPECT_EQ(events("client.merged_into").size(), 1u);
}

TEST_F(ClientMergeTest, BadMergesChangeNothing) {
  EXPECT_EQ(clients_.merge(bank_, bank_, actor_).error().field, "duplicate_id");
  EXPECT_EQ(clients_.merge(bank_, 999, actor_).error().field, "duplicate_id");
  EXPECT_EQ(clients_.merge(999, twin_, actor_).error().code, core::Errc::not_found);
  ASSERT_TRUE(clients_.merge(insurer_, twin_, actor_));
  EXPECT_EQ(clients_.merge(bank_, twin_, actor_).error().code, core::Errc::conflict)
      << "already merged";
  EXPECT_EQ(clients_.merge(twin_, bank_, actor_).error().code, core::Errc::conflict)
      << "into a merged client";
  EXPECT_EQ(people_.get(person_, admin_).value().person.client_id, insurer_);
}

TEST_F(ClientMergeTest, ASurvivorWithoutCoverageTakesTheDuplicates) {
  auto merged = clients_.merge(insurer_, twin_, actor_).value();
  EXPECT_EQ(merged.moved.coverage_plans, 1);
  const auto current = coverage_.get(insurer_, day("2026-07-01")).value().current;
  ASSERT_EQ(current.size(), 1u);
  EXPECT_EQ(current[0].staff_id, wang_);
}

}  // namespace
}  // namespace laurel::crm
