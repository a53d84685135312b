#pragma once
// A small sales organisation for the CRM tests: two departments, three salespeople, two client
// institutions and two funds (one money-market), with a clock in the company's time zone.

#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <string>

#include "core/timestamp.hpp"
#include "crm/client_service.hpp"
#include "crm/credit_code.hpp"
#include "crm/department_service.hpp"
#include "crm/product_service.hpp"
#include "crm/staff_service.hpp"
#include "store/test_database.hpp"
#include "store/user_repository.hpp"

namespace laurel::crm::testing {

// A valid unified social credit code whose body is built from `n`.
inline std::string credit_code(int n) {
  std::string body =
      "91110000" + std::string(9 - std::to_string(n).size(), '0') + std::to_string(n);
  return body + credit_code_check_character(body);
}

class CrmFixture : public ::testing::Test {
 protected:
  CrmFixture() {
    (void)db_.migrated();
    north_ = departments_.create({"North", std::nullopt}, actor_).value().department.id;
    south_ = departments_.create({"South", std::nullopt}, actor_).value().department.id;
    li_ = hire("李雷", north_);
    han_ = hire("韩梅梅", north_);
    wang_ = hire("王芳", south_);
    bank_ =
        clients_.create({"招商银行", "招行", credit_code(1), "bank", "深圳"}, actor_).value().id;
    insurer_ =
        clients_.create({"平安保险", std::nullopt, credit_code(2), "insurer", std::nullopt}, actor_)
            .value()
            .id;
    equity_ = products_.create({"000001", "Laurel Growth", "equity", "open"}, actor_).value().id;
    money_ = products_.create({"000002", "Laurel Cash", "money_market", "open"}, actor_).value().id;
  }

  std::int64_t hire(const char* name, std::int64_t department) {
    return staff_.create({name, std::nullopt, std::nullopt, department, day("2025-01-01")}, actor_)
        .value()
        .staff.id;
  }

  // A user with `role`, linked to the staff member when one is given, as a signed-in principal.
  auth::Principal sign_in(const std::string& username, auth::Role role,
                          std::optional<std::int64_t> staff_id = std::nullopt) {
    store::UserRecord user;
    user.username = username;
    user.display_name = username;
    user.role = std::string(auth::to_string(role));
    {
      auto c = db_.store().acquire().value();
      user.id = store::UserRepository(*c).insert(user).value();
    }
    if (staff_id) {
      StaffChanges link;
      link.user_id = std::optional<std::int64_t>(user.id);
      staff_.update(*staff_id, link, actor_).value();
    }
    auth::Principal principal;
    principal.user_id = user.id;
    principal.username = username;
    principal.role = role;
    return principal;
  }

  std::vector<store::EventRecord> events(std::string type) {
    auto c = db_.store().acquire().value();
    store::EventFilter filter;
    filter.type = std::move(type);
    filter.limit = 10000;
    return store::EventRepository(*c).list(filter).value();
  }

  static core::LocalDate day(const char* text) { return core::parse_date(text).value(); }

  store::testing::TestDatabase db_{"sqlite"};
  // 2026-11-23T17:30Z: already the 24th in Shanghai.
  core::ManualClock clock_{core::parse_rfc3339("2026-11-23T17:30:00Z").value()};
  core::CompanyZone zone_ = core::CompanyZone::locate("Asia/Shanghai").value();
  EventLog log_{clock_};
  DepartmentService departments_{db_.store(), clock_, log_};
  StaffService staff_{db_.store(), clock_, zone_, log_};
  ClientService clients_{db_.store(), clock_, log_};
  ProductService products_{db_.store(), clock_, log_};
  auth::Actor actor_{std::nullopt, "cli:test", std::nullopt, std::nullopt};
  std::int64_t north_ = 0, south_ = 0, li_ = 0, han_ = 0, wang_ = 0;
  std::int64_t bank_ = 0, insurer_ = 0, equity_ = 0, money_ = 0;
};

}  // namespace laurel::crm::testing
