#include "crm/coverage_service.hpp"

#include "crm/crm_fixture.hpp"

namespace laurel::crm {
namespace {

using store::CoverageMember;

class CoverageServiceTest : public testing::CrmFixture {
 protected:
  CoverageService coverage_{db_.store(), clock_, zone_, log_};
};

TEST_F(CoverageServiceTest, PlansAreEffectiveDatedAndCreditSharesFollowTheTradeDate) {
  ASSERT_TRUE(coverage_.set(bank_, {day("2026-01-01"), {{li_, "primary", 100}}}, actor_));
  auto split = coverage_.set(
      bank_, {day("2026-07-01"), {{han_, "secondary", 40}, {li_, "primary", 60}}}, actor_);
  ASSERT_TRUE(split) << split.error().message;
  EXPECT_EQ(split->as_of, "2026-07-01");
  ASSERT_EQ(split->current.size(), 2u);
  EXPECT_EQ(split->current[0].staff_id, li_) << "the primary is listed first";
  ASSERT_EQ(split->history.size(), 2u);
  EXPECT_EQ(split->history[0].effective_to, "2026-06-30");
  EXPECT_FALSE(split->history[1].effective_to);

  auto c = db_.store().acquire().value();
  EXPECT_TRUE(credit_shares_on(*c, bank_, "2025-12-31").value().empty());
  auto june = credit_shares_on(*c, bank_, "2026-06-30").value();
  ASSERT_EQ(june.size(), 1u);
  EXPECT_EQ(june[0].percent, 100);
  auto july = credit_shares_on(*c, bank_, "2026-07-01").value();
  ASSERT_EQ(july.size(), 2u);
  EXPECT_TRUE(july[0].primary);
  EXPECT_EQ(july[1].percent, 40);

  auto changed = events("client.coverage_changed");
  ASSERT_EQ(changed.size(), 2u);
  auto payload = boost::json::parse(changed[1].payload);
  EXPECT_EQ(payload.at("before").at("effective_from").as_string(), "2026-01-01");
  EXPECT_EQ(payload.at("after").at("members").as_array().size(), 2u);
  EXPECT_EQ(changed[1].occurred_at,
            core::to_micros(core::parse_rfc3339("2026-06-30T16:00:00Z").value()))
      << "the change happens at the start of its day in Shanghai";
}

TEST_F(CoverageServiceTest, RefusesPlansThatDoNotAddUp) {
  const auto refused = [&](std::vector<CoverageMember> members, const char* field) {
    auto result = coverage_.set(bank_, {std::nullopt, std::move(members)}, actor_);
    ASSERT_FALSE(result);
    EXPECT_EQ(result.error().code, core::Errc::invalid_input);
    EXPECT_EQ(result.error().field, field) << result.error().message;
  };
  refused({{li_, "primary", 60}, {han_, "secondary", 30}}, "members");
  refused({{li_, "primary", 50}, {han_, "primary", 50}}, "members");
  refused({{li_, "secondary", 100}}, "members");
  refused({{li_, "primary", 60}, {li_, "secondary", 40}}, "members[1].staff_id");
  refused({{li_, "owner", 100}}, "members[0].role");
  refused({{li_, "primary", 120}, {han_, "secondary", -20}}, "members[0].share_percent");
  refused({{li_, "primary", 100}, {9999, "secondary", 0}}, "members[1].staff_id");
  ASSERT_TRUE(staff_.update(
      han_, {std::nullopt, std::nullopt, std::nullopt, false, std::nullopt, std::nullopt}, actor_));
  refused({{li_, "primary", 50}, {han_, "secondary", 50}}, "members[1].staff_id");
  EXPECT_TRUE(events("client.coverage_changed").empty()) << "nothing was written";
  auto missing = coverage_.set(424242, {std::nullopt, {{li_, "primary", 100}}}, actor_);
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().code, core::Errc::not_found);
}

TEST_F(CoverageServiceTest, RestatingThePlanInForceWritesNothingAndAnEmptyPlanEndsCoverage) {
  ASSERT_TRUE(coverage_.set(bank_, {day("2026-01-01"), {{li_, "primary", 100}}}, actor_));
  ASSERT_TRUE(coverage_.set(bank_, {day("2026-03-01"), {{li_, "primary", 100}}}, actor_));
  EXPECT_EQ(events("client.coverage_changed").size(), 1u);
  auto ended = coverage_.set(bank_, {day("2026-09-01"), {}}, actor_).value();
  EXPECT_TRUE(ended.current.empty());
  EXPECT_TRUE(coverage_.clients_of(li_, day("2026-09-01")).value().empty());
  EXPECT_EQ(coverage_.clients_of(li_, day("2026-08-31")).value().size(), 1u);
}

TEST_F(CoverageServiceTest, ALeaversClientsAreHandedOverFromADayIncludingLaterPlans) {
  ASSERT_TRUE(coverage_.set(bank_, {day("2026-01-01"), {{li_, "primary", 100}}}, actor_));
  ASSERT_TRUE(coverage_.set(
      insurer_, {day("2026-01-01"), {{han_, "primary", 70}, {li_, "secondary", 30}}}, actor_));
  // A plan already agreed for next year still names the leaver.
  ASSERT_TRUE(coverage_.set(
      bank_, {day("2027-01-01"), {{li_, "primary", 50}, {wang_, "secondary", 50}}}, actor_));

  auto handed = coverage_.reassign({li_, han_, day("2026-12-01")}, actor_);
  ASSERT_TRUE(handed) << handed.error().message;
  EXPECT_EQ(handed->client_ids, (std::vector<std::int64_t>{bank_, insurer_}));

  auto bank = coverage_.get(bank_, day("2026-12-01")).value();
  ASSERT_EQ(bank.current.size(), 1u);
  EXPECT_EQ(bank.current[0].staff_id, han_);
  EXPECT_EQ(bank.current[0].role, "primary");
  auto next_year = coverage_.get(bank_, day("2027-01-01")).value();
  ASSERT_EQ(next_year.current.size(), 2u);
  EXPECT_EQ(next_year.current[0].staff_id, han_);
  EXPECT_EQ(next_year.current[0].share_percent, 50);
  auto insurer = coverage_.get(insurer_, day("2026-12-01")).value();
  ASSERT_EQ(insurer.current.size(), 1u) << "the successor already covered it: shares add up";
  EXPECT_EQ(insurer.current[0].share_percent, 100);
  auto before = coverage_.get(bank_, day("2026-11-30")).value();
  EXPECT_EQ(before.current[0].staff_id, li_) << "the past stays as it was";
  EXPECT_TRUE(coverage_.clients_of(li_, day("2026-12-01")).value().empty());

  auto self = coverage_.reassign({han_, han_, std::nullopt}, actor_);
  ASSERT_FALSE(self);
  EXPECT_EQ(self.error().field, "to_staff_id");
}

}  // namespace
}  // namespace laurel::crm
