#include "crm/campaign_service.hpp"

#include "crm/sales_plan_fixture.hpp"

namespace laurel::crm {
namespace {

class CampaignServiceTest : public testing::SalesPlanFixture {
 protected:
  CampaignInput summer(std::vector<std::int64_t> departments = {},
                       std::vector<std::int64_t> staff = {}) {
    CampaignInput in;
    in.name = "夏季权益季";
    in.starts_on = day("2026-06-01");
    in.ends_on = day("2026-07-31");
    in.target = core::parse_amount("10000", "target").value();
    in.product_ids = {equity_};
    in.department_ids = std::move(departments);
    in.staff_ids = std::move(staff);
    return in;
  }

  CampaignService campaigns_{db_.store(), clock_, log_, scopes_};
};

TEST_F(CampaignServiceTest, ProgressIsSubscriptionOfItsProductsInItsWindowByItsParticipants) {
  auto north = campaigns_.create(summer({north_}), admin_, actor_);
  ASSERT_TRUE(north) << north.error().message;
  // 30 June: all 1,000 credited in North; 2 July: only 李雷's 60 (韩梅梅 is South by then). Not
  // the money-market trade, the redemption, the failed 认购 or August's trade.
  EXPECT_EQ(core::format_amount(north->subscription), "1060.00");
  EXPECT_EQ(north->status, "ended") << "it is 24 November in Shanghai";

  auto in = summer({}, {han_});
  in.name = "韩梅梅的夏天";
  EXPECT_EQ(core::format_amount(campaigns_.create(in, admin_, actor_).value().subscription),
            "440.00")
      << "a named participant counts wherever they work";
  in = summer();
  in.name = "全公司";
  EXPECT_EQ(core::format_amount(campaigns_.create(in, admin_, actor_).value().subscription),
            "1100.00")
      << "no participants: the whole company";
}

TEST_F(CampaignServiceTest, ChangingTheWindowChangesTheProgressAndIsLogged) {
  auto created = campaigns_.create(summer({north_}), admin_, actor_).value();
  CampaignChanges changes;
  changes.ends_on = day("2026-06-30");
  auto updated = campaigns_.update(created.campaign.id, changes, admin_, actor_).value();
  EXPECT_EQ(core::format_amount(updated.subscription), "1000.00");
  auto logged = events("campaign.updated");
  ASSERT_EQ(logged.size(), 1u);
  EXPECT_NE(logged[0].payload.find("\"ends_on\":\"2026-07-31\""), std::string::npos);
  EXPECT_NE(logged[0].payload.find("\"ends_on\":\"2026-06-30\""), std::string::npos);
  EXPECT_TRUE(campaigns_.update(created.campaign.id, changes, admin_, actor_));
  EXPECT_EQ(events("campaign.updated").size(), 1u) << "no change, no event";
}

TEST_F(CampaignServiceTest, BadCampaignsAreRefusedNamingTheField) {
  const auto field_of = [&](CampaignInput in) {
    auto result = campaigns_.create(in, admin_, actor_);
    return result ? std::string("(created)") : result.error().field;
  };
  auto in = summer();
  in.ends_on = day("2026-05-31");
  EXPECT_EQ(field_of(in), "ends_on");
  in = summer();
  in.product_ids = {};
  EXPECT_EQ(field_of(in), "product_ids");
  in.product_ids = {equity_, 999};
  EXPECT_EQ(field_of(in), "product_ids");
  EXPECT_EQ(field_of(summer({999})), "department_ids");
  EXPECT_EQ(field_of(summer({}, {999})), "staff_ids");
  in = summer();
  in.name = "  ";
  EXPECT_EQ(field_of(in), "name");
  EXPECT_EQ(field_of(summer()), "(created)");
  auto again = campaigns_.create(summer(), admin_, actor_);
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().code, core::Errc::conflict);
  EXPECT_EQ(again.error().field, "name");
}

TEST_F(CampaignServiceTest, ManagersRunTheCampaignsOfTheirOwnDepartments) {
  auto own = summer({south_});
  own.name = "南区专项";
  auto created = campaigns_.create(own, zhao_user_, actor_);
  ASSERT_TRUE(created) << created.error().message;
  auto others = campaigns_.create(summer({north_}), zhao_user_, actor_);
  ASSERT_FALSE(others);
  EXPECT_EQ(others.error().code, core::Errc::forbidden);
  EXPECT_EQ(campaigns_.create(summer({}, {li_}), zhao_user_, actor_).error().code,
            core::Errc::forbidden)
      << "李雷 works in North";
  EXPECT_EQ(campaigns_.create(summer(), zhao_user_, actor_).error().code, core::Errc::forbidden)
      << "a company-wide campaign is the admins'";
  CampaignChanges widen;
  widen.department_ids = std::vector<std::int64_t>{south_, north_};
  EXPECT_EQ(campaigns_.update(created->campaign.id, widen, zhao_user_, actor_).error().code,
            core::Errc::forbidden);
  EXPECT_EQ(campaigns_.update(created->campaign.id, widen, qian_user_, actor_).error().code,
            core::Errc::forbidden)
      << "North's manager does not manage South's campaign";
}

TEST_F(CampaignServiceTest, CostEntriesAddUpAndAreRemovedByTheirManagers) {
  auto id = campaigns_.create(summer({north_}), admin_, actor_).value().campaign.id;
  CostInput cost;
  cost.incurred_on = day("2026-06-10");
  cost.category = "event";
  cost.amount = core::parse_amount("12000.50", "amount").value();
  auto first = campaigns_.add_cost(id, cost, qian_user_, actor_);
  ASSERT_TRUE(first) << first.error().message;
  cost.category = "gifts";
  cost.amount = core::parse_amount("999.50", "amount").value();
  campaigns_.add_cost(id, cost, admin_, actor_).value();
  EXPECT_EQ(core::format_amount(campaigns_.get(id, li_user_).value().cost_total), "13000.00");
  EXPECT_EQ(campaigns_.add_cost(id, cost, zhao_user_, actor_).error().code, core::Errc::forbidden);
  cost.category = "bribes";
  EXPECT_EQ(campaigns_.add_cost(id, cost, admin_, actor_).error().field, "category");

  ASSERT_TRUE(campaigns_.remove_cost(id, first->id, qian_user_, actor_));
  EXPECT_EQ(campaigns_.costs(id).value().size(), 1u);
  EXPECT_EQ(campaigns_.remove_cost(id, first->id, admin_, actor_).error().code,
            core::Errc::not_found);
  EXPECT_EQ(events("campaign.cost_recorded").size(), 2u);
  EXPECT_EQ(events("campaign.cost_deleted").size(), 1u);
}

}  // namespace
}  // namespace laurel::crm
