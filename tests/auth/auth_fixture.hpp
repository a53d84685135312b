#pragma once
// A migrated test database with the auth services over it, on a manual clock, with a cheap
// argon2id cost so that tests hash passwords in microseconds.

#include <gtest/gtest.h>

#include "auth/audit_trail.hpp"
#include "auth/auth_service.hpp"
#include "auth/token_service.hpp"
#include "auth/user_service.hpp"
#include "core/timestamp.hpp"
#include "store/test_database.hpp"

namespace laurel::auth::testing {

inline constexpr Argon2Cost kCheapCost{1, 8};

class AuthFixture : public ::testing::Test {
 protected:
  AuthFixture() { (void)db_.migrated(); }

  store::UserRecord add_user(const std::string& username, Role role,
                             std::optional<std::string> password = "correct horse battery") {
    if (role == Role::integration) password.reset();
    auto user = users_.create({username, "Name " + username, std::nullopt, role, password},
                              Actor::command_line("test"));
    EXPECT_TRUE(user) << user.error().message;
    return *user;
  }
  std::vector<store::AuditRecord> audit_entries(std::string action) {
    store::AuditFilter filter;
    filter.action = std::move(action);
    return audit_.list(filter).value();
  }
  ClientInfo client(std::string ip = "10.0.0.1") { return {std::move(ip), "test", "req-1"}; }

  core::ManualClock clock_{core::from_micros(1'800'000'000'000'000)};
  store::testing::TestDatabase db_{"sqlite"};
  PasswordHasher hasher_{kCheapCost};
  LoginThrottle throttle_{{3, 10, std::chrono::seconds(600)}, clock_};
  AuditTrail audit_{db_.store(), clock_};
  AuthService auth_{db_.store(), clock_, hasher_,
                    throttle_,   audit_, {std::chrono::minutes(60), std::chrono::minutes(15)}};
  UserService users_{db_.store(), clock_, hasher_, audit_, auth_};
  TokenService tokens_{db_.store(), clock_, audit_, auth_};
};

}  // namespace laurel::auth::testing
