#include "crm/target_service.hpp"

#include "crm/built_in_boards.hpp"
#include "crm/campaign_service.hpp"
#include "crm/key_people_service.hpp"
#include "crm/sales_plan_fixture.hpp"
#include "crm/visit_service.hpp"
#include "store/board_repository.hpp"

namespace laurel::crm {
namespace {

class TargetServiceTest : public testing::SalesPlanFixture {
 protected:
  TargetInput target(const char* kind, std::int64_t subject, const char* metric, const char* period,
                     const char* value = "1000") {
    TargetInput in;
    in.subject_kind = kind;
    in.subject_id = subject;
    in.metric = metric;
    in.period = period;
    if (is_amount_metric(metric)) {
      in.value.amount = core::parse_amount(value, "target_amount").value();
    } else {
      in.value.count = std::stoll(value);
    }
    return in;
  }

  std::string achieved(const TargetInput& in) {
    auto set = targets_.create(in, admin_, actor_);
    if (!set) return "(" + set.error().field + ": " + set.error().message + ")";
    return is_amount_metric(in.metric) ? core::format_amount(set->achieved)
                                       : std::to_string(set->achieved);
  }

  // 夏季权益季: June and July, of the equity fund, the whole company; its id.
  std::int64_t summer_campaign() {
    CampaignService campaigns{db_.store(), clock_, log_, scopes_};
    CampaignInput summer;
    summer.name = "夏季权益季";
    summer.starts_on = day("2026-06-01");
    summer.ends_on = day("2026-07-31");
    summer.product_ids = {equity_};
    return campaigns.create(summer, admin_, actor_).value().campaign.id;
  }

  TargetService targets_{db_.store(), clock_, log_, scopes_};
};

TEST_F(TargetServiceTest, AmountMetricsCountTheSubjectsCreditsInsideThePeriod) {
  // June: 李雷 has 60% of the 300 (money-market counts here) and of the 1,000; the failed 认购
  // is nothing; net flow takes off 60% of the 200 redeemed.
  EXPECT_EQ(achieved(target("staff", li_, "subscription", "2026-06")), "780.00");
  EXPECT_EQ(achieved(target("staff", li_, "net_flow", "2026-06")), "660.00");
  // Q3: North keeps what 李雷 earned; 韩梅梅's 40% went South with her on 1 July.
  EXPECT_EQ(achieved(target("department", north_, "subscription", "2026-Q3")), "360.00");
  EXPECT_EQ(achieved(target("department", south_, "subscription", "2026-Q3")), "240.00");
  EXPECT_EQ(achieved(target("department", north_, "subscription", "2026")), "1660.00");
  auto redeemed_only = target("staff", han_, "net_flow", "2026-06");
  EXPECT_EQ(achieved(redeemed_only), "440.00");
}

TEST_F(TargetServiceTest, ClientAndCampaignTargetsNarrowWhatCounts) {
  auto for_insurer = target("staff", li_, "subscription", "2026");
  for_insurer.client_id = insurer_;
  EXPECT_EQ(achieved(for_insurer), "0.00");
  auto for_bank = target("staff", li_, "subscription", "2026");
  for_bank.client_id = bank_;
  EXPECT_EQ(achieved(for_bank), "1140.00");

  const auto campaign = summer_campaign();
  auto in_campaign = target("staff", li_, "subscription", "2026-Q3");
  in_campaign.campaign_id = campaign;
  EXPECT_EQ(achieved(in_campaign), "60.00") << "Q3 inside a window that ends in July";
}

TEST_F(TargetServiceTest, VisitMetricsCountVisitsOnceWithTheirDepartmentsOfThatDay) {
  KeyPeopleService people{db_.store(), clock_, log_, scopes_};
  VisitService visits{db_.store(), clock_, zone_, log_, scopes_, 7};
  KeyPersonFields f;
  f.name = "张三";
  f.decision_role = "investment_decision";
  f.influence = "decision_maker";
  const auto zhang = people.create({bank_, f}, admin_, actor_).value().person.id;
  const auto visit = [&](const char* time, std::vector<std::int64_t> attendees,
                         std::vector<std::int64_t> staff) {
    VisitInput v;
    v.client_id = bank_;
    v.kind = "visit";
    v.occurred_at = core::parse_rfc3339(time).value();
    v.notes = "回访";
    v.attendee_ids = std::move(attendees);
    v.staff_ids = std::move(staff);
    visits.record(v, admin_, actor_).value();
  };
  visit("2026-11-02T10:00:00+08:00", {zhang}, {li_});
  visit("2026-11-03T10:00:00+08:00", {}, {li_});
  visit("2026-11-04T10:00:00+08:00", {zhang}, {li_, han_});
  visit("2026-10-31T10:00:00+08:00", {zhang}, {li_});
  EXPECT_EQ(achieved(target("staff", li_, "visits", "2026-11", "10")), "3");
  EXPECT_EQ(achieved(target("staff", li_, "key_person_visits", "2026-11", "10")), "2");
  EXPECT_EQ(achieved(target("department", north_, "visits", "2026-11", "10")), "3")
      << "the visit 李雷 and 韩梅梅 made together counts once";
  EXPECT_EQ(achieved(target("department", south_, "visits", "2026-11", "10")), "1");
}

TEST_F(TargetServiceTest, BadTargetsAreRefusedNamingTheField) {
  const auto field_of = [&](TargetInput in) {
    auto result = targets_.create(in, admin_, actor_);
    return result ? std::string("(set)") : result.error().field;
  };
  EXPECT_EQ(field_of(target("team", li_, "visits", "2026-11", "5")), "subject_kind");
  EXPECT_EQ(field_of(target("staff", 999, "visits", "2026-11", "5")), "subject_id");
  EXPECT_EQ(field_of(target("staff", li_, "calls", "2026-11", "5")), "metric");
  EXPECT_EQ(field_of(target("staff", li_, "visits", "2026-11-01", "5")), "period");
  auto wrong_kind = target("staff", li_, "visits", "2026-11", "5");
  wrong_kind.value.amount = 500;
  EXPECT_EQ(field_of(wrong_kind), "target_amount") << "visits are counted, not amounts";
  auto none = target("staff", li_, "subscription", "2026-11");
  none.value.amount.reset();
  EXPECT_EQ(field_of(none), "target_amount");
  auto both = target("staff", li_, "subscription", "2026-11");
  both.client_id = bank_;
  both.campaign_id = 1;
  EXPECT_EQ(field_of(both), "campaign_id");
  auto no_client = target("staff", li_, "subscription", "2026-11");
  no_client.client_id = 999;
  EXPECT_EQ(field_of(no_client), "client_id");

  EXPECT_EQ(field_of(target("staff", li_, "visits", "2026-11", "5")), "(set)");
  auto again = targets_.create(target("staff", li_, "visits", "2026-11", "8"), admin_, actor_);
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().code, core::Errc::conflict);
  EXPECT_NE(again.error().message.find("change its value"), std::string::npos);
}

TEST_F(TargetServiceTest, ManagersSetTheirPeoplesTargetsAndEveryoneSeesTheirOwn) {
  auto wang =
      targets_.create(target("staff", wang_, "visits", "2026-11", "20"), zhao_user_, actor_);
  ASSERT_TRUE(wang) << wang.error().message;
  EXPECT_EQ(targets_.create(target("staff", li_, "visits", "2026-11", "20"), zhao_user_, actor_)
                .error()
                .code,
            core::Errc::forbidden);
  EXPECT_EQ(
      targets_.create(target("department", north_, "visits", "2026-11", "20"), zhao_user_, actor_)
          .error()
          .code,
      core::Errc::forbidden);
  auto south =
      targets_.create(target("department", south_, "visits", "2026-11", "50"), zhao_user_, actor_)
          .value();
  auto li =
      targets_.create(target("staff", li_, "visits", "2026-11", "20"), qian_user_, actor_).value();

  TargetValue higher;
  higher.count = 25;
  EXPECT_EQ(targets_.change_value(li.target.id, higher, zhao_user_, actor_).error().code,
            core::Errc::forbidden);
  EXPECT_EQ(targets_.change_value(li.target.id, higher, qian_user_, actor_).value().target.value,
            25);
  EXPECT_EQ(events("target.changed").size(), 1u);

  const auto seen_by = [&](const auth::Principal& who) {
    store::TargetFilter all;
    std::vector<std::int64_t> ids;
    for (const auto& p : targets_.list(all, who).value().items)
      ids.push_back(p.target.id);
    return ids;
  };
  EXPECT_EQ(seen_by(wang_user_), (std::vector<std::int64_t>{wang->target.id, south.target.id}))
      << "their own and their department's";
  EXPECT_EQ(seen_by(li_user_), (std::vector<std::int64_t>{li.target.id}));
  EXPECT_EQ(seen_by(zhao_user_), (std::vector<std::int64_t>{wang->target.id, south.target.id}));
  EXPECT_EQ(seen_by(admin_).size(), 3u);
  EXPECT_EQ(targets_.get(li.target.id, wang_user_).error().code, core::Errc::not_found);

  auto mine = targets_.of_staff_on(li_, "2026-11-24").value();
  ASSERT_EQ(mine.size(), 1u);
  EXPECT_EQ(mine[0].target.id, li.target.id);
  EXPECT_TRUE(targets_.of_staff_on(li_, "2026-12-01").value().empty());

  EXPECT_EQ(targets_.remove(li.target.id, zhao_user_, actor_).error().code, core::Errc::forbidden);
  ASSERT_TRUE(targets_.remove(li.target.id, qian_user_, actor_));
  EXPECT_EQ(targets_.get(li.target.id, admin_).error().code, core::Errc::not_found);
}

TEST_F(TargetServiceTest, ADatabaseFromBeforeBuiltInBoardsGetsThemAtStartAndOnlyOnce) {
  const auto campaign = summer_campaign();
  auto for_bank = target("staff", li_, "subscription", "2026-Q3");
  for_bank.client_id = bank_;
  ASSERT_TRUE(targets_.create(for_bank, admin_, actor_));
  // As a database from before built-in boards: the campaign and the client target, none of
  // Laurel's boards or their metrics.
  {
    auto c = db_.store().acquire().value();
    ASSERT_TRUE(
        c->execute_script("DELETE FROM boards; DELETE FROM metrics WHERE code LIKE 'laurel.%';"));
  }
  BuiltInBoards built_in(clock_, log_);
  ASSERT_TRUE(built_in.ensure_all(db_.store(), actor_));
  const std::string campaign_key = "campaign:" + std::to_string(campaign);
  const std::pair<std::string, std::string> expected[] = {
      {campaign_key + ":staff", "夏季权益季 达成率（个人）"},
      {campaign_key + ":department", "夏季权益季 达成率（部门）"},
      {"client_targets:staff:quarter", "客户目标达成率（季度·个人）"}};
  {
    auto c = db_.store().acquire().value();
    for (const auto& [key, name] : expected) {
      const auto board = store::BoardRepository(*c).find_built_in(key).value();
      ASSERT_TRUE(board) << key;
      EXPECT_EQ(board->name, name);
    }
    EXPECT_FALSE(
        store::BoardRepository(*c).find_built_in("client_targets:department:quarter").value())
        << "no department has a client target";
  }
  const auto made = events("board.created").size();
  ASSERT_TRUE(built_in.ensure_all(db_.store(), actor_));
  EXPECT_EQ(events("board.created").size(), made) << "made once";
}

}  // namespace
}  // namespace laurel::crm
