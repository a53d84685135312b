#include "http/request_context.hpp"

#include <gtest/gtest.h>

namespace laurel::http {
namespace {

TEST(RequestContextTest, IdParametersMustBePositiveIntegers) {
  RequestContext context;
  context.path_params = {{"id", "42"}, {"bad", "4x"}, {"zero", "0"}, {"neg", "-3"}};
  EXPECT_EQ(context.id_param("id").value(), 42);
  for (const char* name : {"bad", "zero", "neg", "missing"}) {
    auto r = context.id_param(name);
    ASSERT_FALSE(r) << name;
    EXPECT_EQ(r.error().code, core::Errc::not_found);
  }
}

TEST(RequestContextTest, ActorCarriesWhoWhereAndWhichRequest) {
  RequestContext context;
  context.request_id = "r-1";
  context.principal = auth::Principal{7, "li", "Li", auth::Role::admin, {}, 1, ""};
  auto actor = context.actor("10.1.2.3");
  EXPECT_EQ(actor.user_id, 7);
  EXPECT_EQ(actor.name, "li");
  EXPECT_EQ(actor.client_ip, "10.1.2.3");
  EXPECT_EQ(actor.request_id, "r-1");
}

}  // namespace
}  // namespace laurel::http
