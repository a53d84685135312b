#include "crm/visit_service.hpp"

#include "crm/coverage_service.hpp"
#include "crm/crm_fixture.hpp"
#include "crm/key_people_service.hpp"

namespace laurel::crm {
namespace {

class VisitServiceTest : public testing::CrmFixture {
 protected:
  VisitServiceTest() {
    coverage_.set(bank_, {day("2026-01-01"), {{li_, "primary", 100}}}, actor_).value();
    staff_.transfer(han_, south_, day("2026-07-01"), actor_).value();
    admin_ = sign_in("admin", auth::Role::admin);
    li_user_ = sign_in("lilei", auth::Role::sales, li_);
    han_user_ = sign_in("hanmeimei", auth::Role::sales, han_);
    wang_user_ = sign_in("wangfang", auth::Role::sales, wang_);
    KeyPersonFields f;
    f.name = "张三";
    f.decision_role = "investment_decision";
    f.influence = "decision_maker";
    zhang_ = people_.create({bank_, f}, admin_, actor_).value().person.id;
    f.name = "王五";
    wang_wu_ = people_.create({insurer_, f}, admin_, actor_).value().person.id;
  }

  VisitInput visit(const char* time = "2026-06-30T15:00:00+08:00") {
    VisitInput v;
    v.client_id = bank_;
    v.kind = "visit";
    v.occurred_at = core::parse_rfc3339(time).value();
    v.notes = "介绍固收+产品，客户关注回撤控制。";
    v.attendee_ids = {zhang_};
    return v;
  }

  std::size_t visible_to(const auth::Principal& who) {
    store::VisitFilter all;
    all.limit = 1000;
    return visits_.list(all, who).value().visits.size();
  }

  CoverageService coverage_{db_.store(), clock_, zone_, log_};
  DataScopes scopes_{db_.store(), clock_, zone_};
  KeyPeopleService people_{db_.store(), clock_, log_, scopes_};
  VisitService visits_{db_.store(), clock_, zone_, log_, scopes_, 7};
  auth::Principal admin_, li_user_, han_user_, wang_user_;
  std::int64_t zhang_ = 0, wang_wu_ = 0;
};

TEST_F(VisitServiceTest, AVisitIsDatedInTheCompanyZoneWithTheDepartmentsOfThatDay) {
  auto in = visit("2026-06-30T23:30:00+08:00");
  in.staff_ids = std::vector<std::int64_t>{li_, han_};
  in.product_ids = {equity_};
  in.next_step = "发送产品说明书";
  in.follow_up_date = day("2026-07-03");
  auto recorded = visits_.record(in, li_user_, actor_);
  ASSERT_TRUE(recorded) << recorded.error().message;
  const auto& v = recorded->visit;
  EXPECT_EQ(v.occurred_date, "2026-06-30");
  ASSERT_EQ(v.staff.size(), 2u);
  EXPECT_EQ(v.staff[1].staff_id, han_);
  EXPECT_EQ(v.staff[1].department_id, north_) << "韩梅梅 moved South only on 1 July";
  EXPECT_EQ(v.author_user_id, li_user_.user_id);

  auto logged = events("visit.recorded");
  ASSERT_EQ(logged.size(), 1u);
  EXPECT_EQ(logged[0].occurred_at, v.occurred_at) << "a backfilled visit lands on its own day";
  EXPECT_EQ(logged[0].recorded_at, core::to_micros(clock_.now()));

  auto by_default = visits_.record(visit(), han_user_, actor_).value().visit;
  ASSERT_EQ(by_default.staff.size(), 1u);
  EXPECT_EQ(by_default.staff[0].staff_id, han_) << "by default, whoever logs it went";
}

TEST_F(VisitServiceTest, BadVisitsAreRefusedNamingTheField) {
  const auto field_of = [&](VisitInput in, const auth::Principal& who) {
    auto result = visits_.record(in, who, actor_);
    return result ? std::string("(recorded)") : result.error().field;
  };
  auto future = visit();
  future.occurred_at = clock_.now() + std::chrono::minutes(10);
  EXPECT_EQ(field_of(future, li_user_), "occurred_at");
  auto skewed = visit();
  skewed.occurred_at = clock_.now() + std::chrono::minutes(4);
  EXPECT_EQ(field_of(skewed, li_user_), "(recorded)") << "a phone's clock may run a little fast";
  auto other_client = visit();
  other_client.attendee_ids = {wang_wu_};
  EXPECT_EQ(field_of(other_client, li_user_), "attendee_ids[0]");
  auto twice = visit();
  twice.attendee_ids = {zhang_, zhang_};
  EXPECT_EQ(field_of(twice, li_user_), "attendee_ids");
  auto kind = visit();
  kind.kind = "dinner";
  EXPECT_EQ(field_of(kind, li_user_), "kind");
  auto early_follow_up = visit();
  early_follow_up.follow_up_date = day("2026-06-29");
  EXPECT_EQ(field_of(early_follow_up, li_user_), "follow_up_date");
  auto someone_else = visit();
  someone_else.staff_ids = std::vector<std::int64_t>{han_};
  EXPECT_EQ(field_of(someone_else, li_user_), "staff_ids") << "salespeople log their own visits";
  EXPECT_EQ(field_of(someone_else, admin_), "(recorded)");
  EXPECT_EQ(field_of(visit(), admin_), "staff_ids") << "an admin without a staff record names them";
  auto blank = visit();
  blank.notes = " \n ";
  EXPECT_EQ(field_of(blank, li_user_), "notes");
  EXPECT_EQ(events("visit.recorded").size(), 2u);
}

TEST_F(VisitServiceTest, ARetriedDraftIsRecordedOnce) {
  auto draft = visit();
  draft.external_id = "phone-7f3a";
  auto first = visits_.record(draft, li_user_, actor_).value();
  auto again = visits_.record(draft, li_user_, actor_).value();
  EXPECT_EQ(first.outcome, VisitOutcome::applied);
  EXPECT_EQ(again.outcome, VisitOutcome::duplicate);
  EXPECT_EQ(again.visit.id, first.visit.id);
  auto stolen = visits_.record(draft, admin_, actor_);
  ASSERT_FALSE(stolen);
  EXPECT_EQ(stolen.error().code, core::Errc::conflict);
  EXPECT_EQ(events("visit.recorded").size(), 1u);
}

TEST_F(VisitServiceTest, BackfillIsAllOrNothingUnlessPartial) {
  auto bad = visit();
  bad.kind = "dinner";
  std::vector<VisitRow> rows{visit("2026-05-01T10:00:00+08:00"), bad,
                             visit("2026-05-02T10:00:00+08:00")};
  auto refused = visits_.record_batch(rows, false, li_user_, actor_).value();
  EXPECT_EQ(refused.failed, 1u);
  ASSERT_EQ(refused.rows.size(), 1u);
  EXPECT_EQ(refused.rows[0].row, 1u);
  EXPECT_EQ(visible_to(admin_), 0u) << "nothing was written";

  auto partial = visits_.record_batch(rows, true, li_user_, actor_).value();
  EXPECT_EQ(partial.count(VisitOutcome::applied), 2u);
  EXPECT_EQ(partial.failed, 1u);
  EXPECT_EQ(partial.rows[1].error->field, "kind");
  EXPECT_EQ(visible_to(admin_), 2u);
}

TEST_F(VisitServiceTest, TheAuthorEditsWithinTheWindowAndAdminsAlways) {
  auto recorded = visits_.record(visit(), li_user_, actor_).value().visit;
  VisitChanges notes;
  notes.notes = "补充：客户希望下周看路演材料。";
  auto edited = visits_.update(recorded.id, notes, li_user_, actor_);
  ASSERT_TRUE(edited) << edited.error().message;
  EXPECT_EQ(edited->notes, *notes.notes);
  EXPECT_EQ(events("visit.updated").size(), 1u);

  // 韩梅梅 covers nothing and did not go: the visit is not hers to see.
  EXPECT_EQ(visits_.update(recorded.id, notes, han_user_, actor_).error().code,
            core::Errc::not_found);

  clock_.advance(std::chrono::days(8));
  notes.notes = "太晚了";
  auto late = visits_.update(recorded.id, notes, li_user_, actor_);
  ASSERT_FALSE(late);
  EXPECT_EQ(late.error().code, core::Errc::conflict);
  EXPECT_TRUE(visits_.update(recorded.id, notes, admin_, actor_));
  EXPECT_EQ(visits_.remove(recorded.id, li_user_, actor_).error().code, core::Errc::conflict);
  ASSERT_TRUE(visits_.remove(recorded.id, admin_, actor_));
  EXPECT_EQ(visits_.get(recorded.id, admin_).error().code, core::Errc::not_found);
  auto deleted = events("visit.deleted");
  ASSERT_EQ(deleted.size(), 1u);
  EXPECT_EQ(deleted[0].occurred_at, recorded.occurred_at);
}

TEST_F(VisitServiceTest, SalespeopleSeeTheirOwnVisitsAndThoseOfClientsTheyCover) {
  auto insurer_visit = visit();
  insurer_visit.client_id = insurer_;
  insurer_visit.attendee_ids = {};
  visits_.record(insurer_visit, wang_user_, actor_).value();
  visits_.record(visit(), han_user_, actor_).value();  // the bank, covered by 李雷
  EXPECT_EQ(visible_to(admin_), 2u);
  EXPECT_EQ(visible_to(li_user_), 1u) << "the bank's visits, as its coverer";
  EXPECT_EQ(visible_to(han_user_), 1u) << "her own";
  EXPECT_EQ(visible_to(wang_user_), 1u);
}

TEST_F(VisitServiceTest, FollowUpsAreListedUntilDone) {
  auto in = visit();
  in.follow_up_date = day("2026-07-03");
  const auto id = visits_.record(in, li_user_, actor_).value().visit.id;
  visits_.record(visit(), li_user_, actor_).value();
  store::VisitFilter due;
  due.follow_up_due_by = "2026-11-24";
  EXPECT_EQ(visits_.list(due, li_user_).value().visits.size(), 1u);

  clock_.advance(std::chrono::days(30));  // long after the edit window
  auto done = visits_.complete_follow_up(id, li_user_, actor_);
  ASSERT_TRUE(done) << done.error().message;
  EXPECT_TRUE(done->follow_up_done_at);
  EXPECT_TRUE(visits_.list(due, li_user_).value().visits.empty());
  auto completed = events("visit.follow_up_completed");
  ASSERT_EQ(completed.size(), 1u);
  EXPECT_EQ(completed[0].occurred_at, core::to_micros(clock_.now()));
}

}  // namespace
}  // namespace laurel::crm
