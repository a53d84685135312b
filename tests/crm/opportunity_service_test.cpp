#include "crm/opportunity_service.hpp"

#include "crm/sales_plan_fixture.hpp"

namespace laurel::crm {
namespace {

using std::chrono::hours;

class OpportunityServiceTest : public testing::SalesPlanFixture {
 protected:
  OpportunityInput deal(std::optional<std::int64_t> owner = std::nullopt) {
    OpportunityInput in;
    in.client_id = bank_;
    in.owner_staff_id = owner;
    in.title = "招行年金固收配置";
    in.expected = core::parse_amount("50000000", "expected_amount").value();
    in.product_ids = {equity_};
    return in;
  }

  StageMove to(const char* stage) {
    StageMove move;
    move.stage = stage;
    return move;
  }

  OpportunityService opportunities_{db_.store(), clock_, log_, scopes_};
};

TEST_F(OpportunityServiceTest, EveryStageEnteredIsKeptWithWhenAndByWhom) {
  auto created = opportunities_.create(deal(), li_user_, actor_);
  ASSERT_TRUE(created) << created.error().message;
  const auto id = created->id;
  EXPECT_EQ(created->owner_staff_id, li_) << "by default, whoever creates it owns it";
  ASSERT_EQ(created->stages.size(), 1u);
  EXPECT_EQ(created->stages[0].stage, "prospect");

  clock_.advance(hours(48));
  auto contacted = to("contacted");
  contacted.at = clock_.now() - hours(24);  // caught up a day late
  ASSERT_TRUE(opportunities_.move(id, contacted, li_user_, actor_));
  clock_.advance(hours(1));
  ASSERT_TRUE(opportunities_.move(id, to("proposal"), li_user_, actor_));
  clock_.advance(hours(1));
  ASSERT_TRUE(opportunities_.move(id, to("contacted"), li_user_, actor_)) << "open stages go back";
  clock_.advance(hours(1));
  auto lost = to("lost");
  lost.lost_reason = "客户选择了同业产品";
  auto closed = opportunities_.move(id, lost, qian_user_, actor_);
  ASSERT_TRUE(closed) << closed.error().message;
  ASSERT_EQ(closed->stages.size(), 5u);
  EXPECT_EQ(closed->stages[1].entered_at, core::to_micros(*contacted.at));
  EXPECT_EQ(closed->stages[4].changed_by, qian_user_.user_id);
  EXPECT_EQ(closed->lost_reason, "客户选择了同业产品");

  auto reopened = opportunities_.move(id, to("prospect"), admin_, actor_);
  ASSERT_FALSE(reopened);
  EXPECT_EQ(reopened.error().code, core::Errc::conflict) << "won and lost are final";
  const auto moves = events("opportunity.stage_changed");
  ASSERT_EQ(moves.size(), 4u);
  EXPECT_EQ(moves[0].occurred_at, core::to_micros(*contacted.at));
  EXPECT_EQ(opportunities_.get(id, li_user_).value().stages.size(), 5u);
}

TEST_F(OpportunityServiceTest, StageChangesAreNeitherInTheFutureNorBeforeTheCurrentStage) {
  const auto id = opportunities_.create(deal(), li_user_, actor_).value().id;
  auto early = to("contacted");
  early.at = clock_.now() - hours(1);
  EXPECT_EQ(opportunities_.move(id, early, li_user_, actor_).error().field, "at");
  auto future = to("contacted");
  future.at = clock_.now() + hours(1);
  EXPECT_EQ(opportunities_.move(id, future, li_user_, actor_).error().field, "at");
  auto reason = to("won");
  reason.lost_reason = "?";
  EXPECT_EQ(opportunities_.move(id, reason, li_user_, actor_).error().field, "lost_reason");
  EXPECT_EQ(opportunities_.move(id, to("signed"), li_user_, actor_).error().field, "stage");
  EXPECT_EQ(opportunities_.move(id, to("prospect"), li_user_, actor_).error().code,
            core::Errc::conflict);
  EXPECT_TRUE(events("opportunity.stage_changed").empty());
}

TEST_F(OpportunityServiceTest, BadOpportunitiesAreRefusedNamingTheField) {
  const auto field_of = [&](OpportunityInput in) {
    auto result = opportunities_.create(in, li_user_, actor_);
    return result ? std::string("(created)") : result.error().field;
  };
  auto in = deal();
  in.client_id = 999;
  EXPECT_EQ(field_of(in), "client_id");
  in = deal();
  in.product_ids = {999};
  EXPECT_EQ(field_of(in), "product_ids");
  in = deal();
  in.campaign_id = 999;
  EXPECT_EQ(field_of(in), "campaign_id");
  in = deal();
  in.stage = "won";
  EXPECT_EQ(field_of(in), "stage") << "an opportunity starts open";
  in = deal();
  in.title = "\t";
  EXPECT_EQ(field_of(in), "title");
  EXPECT_EQ(opportunities_.create(deal(), admin_, actor_).error().field, "owner_staff_id")
      << "an admin without a staff record names the owner";
}

TEST_F(OpportunityServiceTest, OwnersTheirManagersAndCoveringStaffSeeIt) {
  EXPECT_EQ(opportunities_.create(deal(han_), li_user_, actor_).error().code, core::Errc::forbidden)
      << "salespeople own their own";
  EXPECT_EQ(opportunities_.create(deal(li_), zhao_user_, actor_).error().code,
            core::Errc::forbidden);
  auto by_manager = opportunities_.create(deal(li_), qian_user_, actor_);
  ASSERT_TRUE(by_manager) << by_manager.error().message;
  const auto id = by_manager->id;

  EXPECT_TRUE(opportunities_.get(id, li_user_));
  EXPECT_TRUE(opportunities_.get(id, han_user_)) << "韩梅梅 covers the bank";
  EXPECT_EQ(opportunities_.get(id, wang_user_).error().code, core::Errc::not_found);
  EXPECT_EQ(opportunities_.get(id, zhao_user_).error().code, core::Errc::not_found);

  OpportunityChanges changes;
  changes.expected = core::parse_amount("80000000", "expected_amount").value();
  EXPECT_EQ(opportunities_.update(id, changes, han_user_, actor_).error().code,
            core::Errc::forbidden)
      << "seeing is not owning";
  auto updated = opportunities_.update(id, changes, li_user_, actor_);
  ASSERT_TRUE(updated) << updated.error().message;
  EXPECT_EQ(core::format_amount(updated->expected_fen), "80000000.00");
  changes = {};
  changes.owner_staff_id = han_;
  EXPECT_EQ(opportunities_.update(id, changes, li_user_, actor_).error().code,
            core::Errc::forbidden)
      << "a salesperson does not hand deals to others";
  EXPECT_TRUE(opportunities_.update(id, changes, admin_, actor_));

  store::OpportunityFilter open;
  open.open = true;
  EXPECT_EQ(opportunities_.list(open, li_user_).value().items.size(), 1u);
  EXPECT_EQ(opportunities_.list(open, wang_user_).value().items.size(), 0u);
}

}  // namespace
}  // namespace laurel::crm
