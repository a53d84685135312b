#pragma once
// The CRM fixture with trades, visits and the people who plan sales: 李雷 (60%) and 韩梅梅 (40%)
// cover the bank from 2026-01-01; 韩梅梅 moves South on 2026-07-01; 赵经理 manages South and
// 钱经理 manages North. Trades (all on the bank):
//   2026-06-15 申购 Cash 300         2026-06-20 赎回 Growth 200
//   2026-06-21 认购 Growth 50 failed 2026-06-30 申购 Growth 1000
//   2026-07-02 申购 Growth 100       2026-08-01 申购 Growth 500

#include "crm/coverage_service.hpp"
#include "crm/crm_fixture.hpp"
#include "crm/transaction_service.hpp"

namespace laurel::crm::testing {

class SalesPlanFixture : public CrmFixture {
 protected:
  SalesPlanFixture() {
    coverage_
        .set(bank_, {day("2026-01-01"), {{li_, "primary", 60}, {han_, "secondary", 40}}}, actor_)
        .value();
    staff_.transfer(han_, south_, day("2026-07-01"), actor_).value();
    zhao_ = hire("赵经理", south_);
    qian_ = hire("钱经理", north_);
    admin_ = sign_in("admin", auth::Role::admin);
    li_user_ = sign_in("lilei", auth::Role::sales, li_);
    han_user_ = sign_in("hanmeimei", auth::Role::sales, han_);
    wang_user_ = sign_in("wangfang", auth::Role::sales, wang_);
    zhao_user_ = sign_in("zhao", auth::Role::manager, zhao_);
    qian_user_ = sign_in("qian", auth::Role::manager, qian_);
    trade("T-1", money_, "申购", "300", "2026-06-15T10:00:00+08:00");
    trade("T-2", equity_, "赎回", "200", "2026-06-20T10:00:00+08:00");
    trade("T-3", equity_, "认购", "50", "2026-06-21T10:00:00+08:00", "failed");
    trade("T-4", equity_, "申购", "1000", "2026-06-30T10:00:00+08:00");
    trade("T-5", equity_, "申购", "100", "2026-07-02T10:00:00+08:00");
    trade("T-6", equity_, "申购", "500", "2026-08-01T10:00:00+08:00");
  }

  void trade(const char* id, std::int64_t product, const char* kind, const char* yuan,
             const char* time, const char* status = "applied") {
    TransactionInput in;
    in.external_id = id;
    in.client_id = bank_;
    in.product_id = product;
    in.kind = kind;
    in.amount = core::parse_amount(yuan, "amount").value();
    in.trade_time = core::parse_rfc3339(time).value();
    in.status = status;
    transactions_.record(in, actor_).value();
  }

  CoverageService coverage_{db_.store(), clock_, zone_, log_};
  TransactionService transactions_{db_.store(), clock_, zone_, log_};
  DataScopes scopes_{db_.store(), clock_, zone_};
  auth::Principal admin_, li_user_, han_user_, wang_user_, zhao_user_, qian_user_;
  std::int64_t zhao_ = 0, qian_ = 0;
};

}  // namespace laurel::crm::testing
