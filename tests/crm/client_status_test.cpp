#include "crm/client_status.hpp"

#include "crm/crm_fixture.hpp"
#include "crm/transaction_service.hpp"

namespace laurel::crm {
namespace {

class ClientStatusTest : public testing::CrmFixture {
 protected:
  Recorded subscribe(const char* id, const char* time, const char* status = "applied") {
    TransactionInput in;
    in.external_id = id;
    in.client_id = bank_;
    in.product_id = equity_;
    in.kind = "申购";
    in.amount = 100'00;
    in.trade_time = core::parse_rfc3339(time).value();
    in.status = status;
    in.credits = std::vector<store::CoverageMember>{{li_, "primary", 100}};
    return transactions_.record(in, actor_).value();
  }

  std::string status() { return statuses_.of(bank_).value().status; }

  TransactionService transactions_{db_.store(), clock_, zone_, log_};
  HoldingsService holdings_{db_.store(), clock_, zone_, log_};
  ClientStatuses statuses_{db_.store(), holdings_, 180};
};

TEST_F(ClientStatusTest, ProspectUntilTheFirstSubscriptionThenActiveThenDormant) {
  EXPECT_EQ(status(), "prospect");
  auto failed = subscribe("S-0", "2026-01-05T10:00:00+08:00");
  StatusChange fail{"failed", std::nullopt};
  transactions_.change_status(failed.transaction.id, fail, actor_).value();
  EXPECT_EQ(status(), "prospect") << "a failed subscription activates nothing";

  subscribe("S-1", "2026-05-20T10:00:00+08:00");
  auto s = statuses_.of(bank_).value();
  EXPECT_EQ(s.status, "dormant") << "today is 2026-11-24: 188 days without holdings";
  EXPECT_EQ(s.first_subscription_date, "2026-05-20");

  subscribe("S-2", "2026-05-28T10:00:00+08:00");
  EXPECT_EQ(status(), "active") << "180 days ago, still inside the window";

  // Holdings keep an old client active.
  clock_.advance(std::chrono::days(30));
  EXPECT_EQ(status(), "dormant");
  holdings_
      .import({BalanceInput{bank_, std::nullopt, equity_, std::nullopt, day("2026-12-01"), 1}},
              false, actor_)
      .value();
  EXPECT_EQ(status(), "active");
}

}  // namespace
}  // namespace laurel::crm
