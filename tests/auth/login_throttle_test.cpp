#include "auth/login_throttle.hpp"

#include <gtest/gtest.h>

#include "core/timestamp.hpp"

namespace laurel::auth {
namespace {

using namespace std::chrono_literals;

class LoginThrottleTest : public ::testing::Test {
 protected:
  core::ManualClock clock_{core::from_micros(1'000'000'000'000'000)};
  LoginThrottle throttle_{{3, 5, 600s}, clock_};
};

TEST_F(LoginThrottleTest, ThrottlesAUsernameAfterTheLimitUntilTheWindowPasses) {
  for (int i = 0; i < 3; ++i) {
    EXPECT_FALSE(throttle_.retry_after("li", "1.1.1.1"));
    throttle_.record_failure("li", "1.1.1.1");
    clock_.advance(10s);
  }
  auto wait = throttle_.retry_after("li", "2.2.2.2");
  ASSERT_TRUE(wait) << "the username is throttled from any address";
  EXPECT_EQ(*wait, 600s - 30s);
  EXPECT_FALSE(throttle_.retry_after("wang", "3.3.3.3")) << "other users are not";
  clock_.advance(*wait);
  EXPECT_FALSE(throttle_.retry_after("li", "1.1.1.1"));
}

TEST_F(LoginThrottleTest, ThrottlesAnAddressTryingManyUsernames) {
  for (int i = 0; i < 5; ++i)
    throttle_.record_failure("user" + std::to_string(i), "6.6.6.6");
  EXPECT_TRUE(throttle_.retry_after("someone-new", "6.6.6.6"));
  EXPECT_FALSE(throttle_.retry_after("someone-new", "7.7.7.7"));
}

TEST_F(LoginThrottleTest, SuccessForgivesTheUsername) {
  throttle_.record_failure("li", "1.1.1.1");
  throttle_.record_failure("li", "1.1.1.1");
  throttle_.record_success("li");
  throttle_.record_failure("li", "1.1.1.1");
  EXPECT_FALSE(throttle_.retry_after("li", "1.1.1.1"));
}

TEST_F(LoginThrottleTest, ForgetsOldFailuresOfManyKeys) {
  // Twenty thousand one-off failures, then the window passes: the throttle must still work for
  // new keys and must not keep refusing the old ones.
  for (int i = 0; i < 20'000; ++i)
    throttle_.record_failure("u" + std::to_string(i), "9.9.9.9");
  EXPECT_TRUE(throttle_.retry_after("anyone", "9.9.9.9"));
  clock_.advance(601s);
  throttle_.record_failure("fresh", "8.8.8.8");
  EXPECT_FALSE(throttle_.retry_after("u1", "9.9.9.9"));
  for (int i = 0; i < 3; ++i)
    throttle_.record_failure("target", "7.7.7.7");
  EXPECT_TRUE(throttle_.retry_after("target", "1.1.1.1"));
}

}  // namespace
}  // namespace laurel::auth
