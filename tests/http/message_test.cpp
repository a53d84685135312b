#include "http/message.hpp"

#include <gtest/gtest.h>

namespace laurel::http {
namespace {

TEST(MessageTest, HeadersAreCaseInsensitive) {
  Request request;
  request.headers = {{"Content-Type", "application/json"}, {"X-Thing", "1"}};
  EXPECT_EQ(request.header("content-type"), "application/json");
  EXPECT_EQ(request.header("X-THING"), "1");
  EXPECT_EQ(request.header("Missing"), "");
}

TEST(MessageTest, SetHeaderReplaces) {
  Response response = Response::text(201, "{}", "application/json");
  EXPECT_EQ(response.status, 201u);
  response.set_header("content-type", "text/plain");
  EXPECT_EQ(response.headers.size(), 1u);
  EXPECT_EQ(response.header("Content-Type"), "text/plain");
  EXPECT_EQ(Response::no_content().status, 204u);
  EXPECT_TRUE(iequals("ETag", "etag"));
  EXPECT_FALSE(iequals("ETag", "etags"));
}

}  // namespace
}  // namespace laurel::http
