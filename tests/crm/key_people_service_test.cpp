#include "crm/key_people_service.hpp"

#include "crm/coverage_service.hpp"
#include "crm/crm_fixture.hpp"
#include "crm/org_chart_service.hpp"
#include "crm/service_record_service.hpp"

namespace laurel::crm {
namespace {

class KeyPeopleServiceTest : public testing::CrmFixture {
 protected:
  KeyPeopleServiceTest() {
    coverage_.set(bank_, {day("2026-01-01"), {{li_, "primary", 100}}}, actor_).value();
    admin_ = sign_in("admin", auth::Role::admin);
    li_user_ = sign_in("lilei", auth::Role::sales, li_);
    wang_user_ = sign_in("wangfang", auth::Role::sales, wang_);
  }

  KeyPersonFields person(const char* name, const char* role = "investment_decision",
                         const char* influence = "decision_maker") {
    KeyPersonFields f;
    f.name = name;
    f.title = "总经理";
    f.decision_role = role;
    f.influence = influence;
    f.phone = "13812345678";
    f.email = "zhang.san@bank.cn";
    f.wechat = "zhangsan88";
    f.touch_frequency_days = 30;
    return f;
  }

  std::int64_t add(std::int64_t client, KeyPersonFields f) {
    return people_.create({client, std::move(f)}, admin_, actor_).value().person.id;
  }

  std::int64_t contact_views(std::int64_t id) {
    return static_cast<std::int64_t>(people_.contact_views(id, 0, 1000).value().size());
  }

  CoverageService coverage_{db_.store(), clock_, zone_, log_};
  DataScopes scopes_{db_.store(), clock_, zone_};
  OrgChartService charts_{db_.store(), clock_, log_};
  KeyPeopleService people_{db_.store(), clock_, log_, scopes_};
  auth::Principal admin_, li_user_, wang_user_;
};

TEST_F(KeyPeopleServiceTest, ContactsAreMaskedOutsideTheScopeAndEveryUnmaskedViewIsLogged) {
  const auto zhang = add(bank_, person("张三"));
  ASSERT_EQ(contact_views(zhang), 1) << "the admin who created it saw it";

  auto covering = people_.get(zhang, li_user_).value();
  EXPECT_EQ(covering.disclosure, Disclosure::full);
  auto json = key_person_to_json(covering);
  EXPECT_EQ(json.at("phone").as_string(), "13812345678");
  EXPECT_FALSE(json.at("contact_masked").as_bool());
  EXPECT_EQ(contact_views(zhang), 2);

  auto outsider = key_person_to_json(people_.get(zhang, wang_user_).value());
  EXPECT_EQ(outsider.at("phone").as_string(), "138****5678");
  EXPECT_EQ(outsider.at("email").as_string(), "z***@bank.cn");
  EXPECT_EQ(outsider.at("wechat").as_string(), "z***");
  EXPECT_TRUE(outsider.at("contact_masked").as_bool());
  EXPECT_EQ(contact_views(zhang), 2) << "a masked view is not a disclosure";

  // Service staff see the contacts of the clients they have served.
  const auto service_user = sign_in("ops", auth::Role::service, han_);
  EXPECT_EQ(people_.get(zhang, service_user).value().disclosure, Disclosure::masked);
  ServiceRecordService services{db_.store(), clock_, log_, scopes_};
  services
      .create({bank_, std::nullopt, "operations", "开户资料更新", clock_.now()}, service_user,
              actor_)
      .value();
  EXPECT_EQ(people_.get(zhang, service_user).value().disclosure, Disclosure::full);

  auto listed = people_.of_client(bank_, li_user_).value();
  ASSERT_EQ(listed.size(), 1u);
  auto views = people_.contact_views(zhang, 0, 10).value();
  ASSERT_EQ(views.size(), 4u);
  EXPECT_EQ(views[0].second.via, "org_chart") << "newest first";
  EXPECT_EQ(views[0].second.user_id, li_user_.user_id);
}

TEST_F(KeyPeopleServiceTest, ThePlaceInTheChartBelongsToTheSameClientWithoutCycles) {
  const auto insurer_unit = charts_.create({insurer_, std::nullopt, "投资部"}, actor_).value().id;
  auto f = person("张三");
  f.org_unit_id = insurer_unit;
  auto wrong_unit = people_.create({bank_, f}, admin_, actor_);
  ASSERT_FALSE(wrong_unit);
  EXPECT_EQ(wrong_unit.error().field, "org_unit_id");

  const auto boss = add(bank_, person("张三"));
  auto g = person("李四", "trading", "influencer");
  g.reports_to_id = boss;
  const auto report = people_.create({bank_, g}, admin_, actor_).value().person.id;
  KeyPersonChanges loop;
  loop.reports_to_id = std::optional<std::int64_t>(report);
  auto cycle = people_.update(boss, loop, admin_, actor_);
  ASSERT_FALSE(cycle);
  EXPECT_EQ(cycle.error().field, "reports_to_id");
  EXPECT_EQ(cycle.error().message, "would make a cycle");

  const auto other = add(insurer_, person("王五"));
  KeyPersonChanges across;
  across.reports_to_id = std::optional<std::int64_t>(other);
  EXPECT_EQ(people_.update(report, across, admin_, actor_).error().field, "reports_to_id");

  KeyPersonChanges bad;
  bad.decision_role = "chairman";
  EXPECT_EQ(people_.update(report, bad, admin_, actor_).error().field, "decision_role");
  KeyPersonChanges bad_phone;
  bad_phone.phone = std::optional<std::string>("call me");
  EXPECT_EQ(people_.update(report, bad_phone, admin_, actor_).error().field, "phone");
  KeyPersonChanges bad_email;
  bad_email.email = std::optional<std::string>("nobody");
  EXPECT_EQ(people_.update(report, bad_email, admin_, actor_).error().field, "email");
  EXPECT_EQ(events("key_person.updated").size(), 0u) << "nothing was written";
}

TEST_F(KeyPeopleServiceTest, EventsCarryTheStructureButNoPersonalData) {
  const auto zhang = add(bank_, person("张三"));
  KeyPersonChanges renamed;
  renamed.name = "张叁";
  renamed.influence = "influencer";
  people_.update(zhang, renamed, admin_, actor_).value();
  for (const auto* type : {"key_person.created", "key_person.updated"}) {
    auto logged = events(type);
    ASSERT_EQ(logged.size(), 1u);
    EXPECT_EQ(logged[0].payload.find("张"), std::string::npos) << logged[0].payload;
    EXPECT_EQ(logged[0].payload.find("13812345678"), std::string::npos);
    EXPECT_EQ(logged[0].payload.find("zhang"), std::string::npos);
  }
  auto payload = boost::json::parse(events("key_person.updated")[0].payload);
  EXPECT_EQ(payload.at("after").at("influence").as_string(), "influencer");
  EXPECT_EQ(payload.at("after").at("personal_fields_changed"), boost::json::array{"name"});
}

TEST_F(KeyPeopleServiceTest, APersonWhoChangesInstitutionIsMovedNotRecreated) {
  const auto unit = charts_.create({bank_, std::nullopt, "资产管理部"}, actor_).value().id;
  auto f = person("张三");
  f.org_unit_id = unit;
  const auto zhang = people_.create({bank_, f}, admin_, actor_).value().person.id;
  auto g = person("李四", "trading", "influencer");
  g.reports_to_id = zhang;
  const auto li_si = people_.create({bank_, g}, admin_, actor_).value().person.id;

  KeyPersonMove move;
  move.client_id = insurer_;
  move.title = std::optional<std::string>("投资总监");
  auto moved = people_.move(zhang, move, admin_, actor_);
  ASSERT_TRUE(moved) << moved.error().message;
  EXPECT_EQ(moved->person.id, zhang);
  EXPECT_EQ(moved->person.client_id, insurer_);
  EXPECT_EQ(moved->person.org_unit_id, std::nullopt) << "the old chart's unit stays behind";
  EXPECT_EQ(moved->person.title, "投资总监");
  EXPECT_EQ(people_.get(li_si, admin_).value().person.reports_to_id, std::nullopt)
      << "nobody at the bank reports to someone who left";
  EXPECT_EQ(events("key_person.moved").size(), 1u);

  KeyPersonMove same;
  same.client_id = insurer_;
  EXPECT_EQ(people_.move(zhang, same, admin_, actor_).error().field, "client_id");
}

TEST_F(KeyPeopleServiceTest, ErasureClearsPersonalFieldsAndKeepsTheRecord) {
  const auto zhang = add(bank_, person("张三"));
  auto erased = people_.erase(zhang, actor_);
  ASSERT_TRUE(erased) << erased.error().message;
  const auto& p = erased->person;
  EXPECT_EQ(p.name, "(erased)");
  EXPECT_FALSE(p.title || p.phone || p.email || p.wechat);
  EXPECT_TRUE(p.erased_at);
  EXPECT_FALSE(p.active);
  EXPECT_EQ(p.decision_role, "investment_decision") << "role coverage history stays";
  EXPECT_EQ(key_person_to_json(*erased).at("erased").as_bool(), true);

  KeyPersonChanges change;
  change.name = "张三";
  EXPECT_EQ(people_.update(zhang, change, admin_, actor_).error().code, core::Errc::conflict);
  EXPECT_TRUE(people_.erase(zhang, actor_)) << "erasing twice is harmless";
  EXPECT_EQ(events("key_person.erased").size(), 1u);
}

TEST(ContactMasking, KeepsOnlyWhatIdentifiesNothing) {
  EXPECT_EQ(mask_phone("+86 138-1234-5678"), "861****5678");
  EXPECT_EQ(mask_phone("12345"), "*****");
  EXPECT_EQ(mask_email("li@bank.cn"), "l***@bank.cn");
  EXPECT_EQ(mask_handle("李雷88"), "李***") << "a Chinese character is kept whole";
}

}  // namespace
}  // namespace laurel::crm
